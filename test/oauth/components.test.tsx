// @vitest-environment happy-dom
/**
 * The federated buttons, `<SignIn federatedProviders>`, and the redirect route's `<RedirectCallback>`:
 * pending, signed in, and errors worded from the message table (never the URL's text), in StrictMode.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, test, vi } from 'vitest';
import { signInWithRedirect } from '../../src/core/index.js';
import { Authentication, FederatedSignIn, RedirectCallback, SignIn } from '../../src/index.js';
import { renderWithAuth } from '../react/helpers.js';
import { CALLBACK, mswPerFile, setup } from './support.js';

const server = mswPerFile();

async function noAxeViolations(container: HTMLElement) {
  const { violations } = await axe.run(container);
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

describe('<FederatedSignIn>', () => {
  test('a named button per provider sends the browser to that provider, with the appState kept for the callback', async () => {
    const { auth, navigations } = setup(server);
    const { container } = renderWithAuth(<FederatedSignIn providers={['Google', { name: 'AcmeSSO', label: 'Sign in with Acme' }]} appState={{ returnTo: '/x' }} />, auth);
    expect(screen.getByRole('group', { name: 'Sign in with' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Continue with Google' }));
    await waitFor(() => expect(navigations).toHaveLength(1));
    expect(new URL(navigations[0] as string).searchParams.get('identity_provider')).toBe('Google');
    expect(screen.getByRole('button', { name: 'Sign in with Acme' })).toBeTruthy();
    await noAxeViolations(container);
  });

  test('<SignIn federatedProviders> and <Authentication federatedProviders> show the buttons above the password form, with a separator', async () => {
    const { auth } = setup(server);
    const { unmount } = renderWithAuth(<SignIn federatedProviders={<FederatedSignIn providers={['Google']} />} />, auth);
    const google = await screen.findByRole('button', { name: 'Continue with Google' });
    const username = screen.getByLabelText('Username');
    expect(google.compareDocumentPosition(username) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByText('or')).toBeTruthy();
    unmount();
    renderWithAuth(<Authentication federatedProviders={<FederatedSignIn providers={['Facebook']} />} />, auth);
    expect(await screen.findByRole('button', { name: 'Continue with Facebook' })).toBeTruthy();
  });
});

describe('<RedirectCallback>', () => {
  test('shows that it is signing in, then calls onSignedIn once with the appState (StrictMode runs the effect twice)', async () => {
    const { auth, browser, lastNavigation } = setup(server);
    await signInWithRedirect(auth, { provider: 'Google', appState: { returnTo: '/orders' } });
    const callback = await browser.signIn(lastNavigation(), { sub: '1234567890' });
    const onSignedIn = vi.fn();
    renderWithAuth(<RedirectCallback url={callback} onSignedIn={onSignedIn} signedIn={<p>Welcome</p>} />, auth);
    expect(screen.getByRole('status').textContent).toBe('Signing you in…');
    expect(await screen.findByText('Welcome')).toBeTruthy();
    // onSignedIn runs in the effect after the signed-in commit.
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledTimes(1));
    expect(onSignedIn).toHaveBeenCalledWith({ returnTo: '/orders' });
    expect(auth.getSnapshot().user?.username).toBe('Google_1234567890');
  });

  test("an error parameter with markup is shown as the table's text, never as markup or raw text", async () => {
    const { auth, lastNavigation } = setup(server);
    await signInWithRedirect(auth);
    const state = new URL(lastNavigation()).searchParams.get('state') as string;
    const markup = '<img src=x onerror="window.pwned=1">Call +1 555 0100 to fix';
    const url = `${CALLBACK}?${new URLSearchParams({ error: 'server_error', error_description: markup, state })}`;
    const retry = vi.fn();
    const { container } = renderWithAuth(<RedirectCallback url={url} retry={retry} />, auth);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('The sign-in service could not sign you in. Try again, or choose another way to sign in.');
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).not.toContain('555');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(retry).toHaveBeenCalled();
    await noAxeViolations(container);
  });

  test('a cancel at the provider, and a callback from another tab, each get their own words', async () => {
    const { auth, browser, lastNavigation, tab } = setup(server);
    await signInWithRedirect(auth, { provider: 'Google' });
    const cancelled = await browser.signIn(lastNavigation(), { cancel: true });
    const onError = vi.fn();
    const first = renderWithAuth(<RedirectCallback url={cancelled} onError={onError} />, auth);
    expect((await screen.findByRole('alert')).textContent).toBe('The sign-in was cancelled. Choose a way to sign in.');
    // onError runs in the effect after the commit that shows the alert.
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ name: 'OAuthCancelled' })));
    first.unmount();
    await signInWithRedirect(auth);
    const callback = await browser.signIn(lastNavigation(), { username: 'alice', password: 'Passw0rd!' });
    renderWithAuth(<RedirectCallback url={callback} />, tab().auth);
    expect((await screen.findByRole('alert')).textContent).toContain('started in another tab');
  });
});

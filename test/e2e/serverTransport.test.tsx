// @vitest-environment happy-dom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoProvider, serverTransport, SignIn, useAuth, useSignOut, useUser } from '../../src/index.js';
import { totpCode } from '../../src/testing/index';
import { cookieFetch, startExampleServer } from './exampleServer';

// The example server's simulated pool: tia has TOTP with this secret.
const PASSWORD = 'Passw0rd!long';
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
let example: Awaited<ReturnType<typeof startExampleServer>>;
beforeAll(async () => {
  example = await startExampleServer();
});
afterAll(() => example.stop());

/** A fresh browser: its own cookie jar, and a store over the example server's routes. */
function browser() {
  const { fetch, jar } = cookieFetch(example.url);
  return { jar, fetch, auth: serverTransport('/api/auth', { fetch }) };
}
const code = () => totpCode(TOTP, Date.now());

function Home() {
  const username = useAuth((s) => s.user?.username);
  const { data } = useUser();
  const signOut = useSignOut();
  return (
    <>
      <p>Hello {username}</p>
      <p>{data ? `Email ${data.attributes.email}` : 'Loading profile'}</p>
      <button onClick={() => signOut.mutate()}>Sign out</button>
    </>
  );
}

describe('<SignIn> unchanged, through the server', () => {
  it('signs in with TOTP, reads the profile through the server, keeps no token in the browser, and signs out', async () => {
    const { auth } = browser();
    render(
      <CognitoProvider transport={auth}>
        <SignIn signedIn={<Home />} />
      </CognitoProvider>,
    );
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'tia');
    await user.type(screen.getByLabelText('Password'), 'wrong-Passw0rd!');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Incorrect username or password.'));
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('tia');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('Code'), await code());
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Hello tia')).toBeTruthy();
    expect(await screen.findByText('Email tia@example.com')).toBeTruthy();
    expect(auth.getTokens()).toBeNull();
    await expect(auth.getAccessToken()).rejects.toMatchObject({ name: 'UnsupportedOperation' });
    expect(JSON.stringify(auth.getSnapshot())).not.toMatch(/eyJ[\w-]+\.eyJ/);
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByLabelText('Username')).toBeTruthy();
    expect(auth.getSnapshot()).toMatchObject({ status: 'signedOut', signOutReason: 'signOut' });
  });

  it('restores the session and a sign-in in progress when the page loads again', async () => {
    const { auth: first, fetch } = browser();
    await first.ready();
    await first.signIn({ username: 'tia', password: PASSWORD });
    // A reload: a new store, the same cookies.
    const again = serverTransport('/api/auth', { fetch });
    await again.ready();
    expect(again.getSnapshot()).toMatchObject({ status: 'challenge', step: { name: 'SOFTWARE_TOKEN_MFA' }, username: 'tia' });
    await again.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: await code() });
    const third = serverTransport('/api/auth', { fetch });
    await third.ready();
    expect(third.getSnapshot()).toMatchObject({ status: 'signedIn', user: { username: 'tia' } });
  });

  it('checks answers before sending them, and recovers a lost CSRF cookie by itself', async () => {
    let posts = 0;
    const { fetch, jar } = cookieFetch(example.url);
    const auth = serverTransport('/api/auth', { fetch: (input, init) => ((posts += init?.method === 'POST' ? 1 : 0), fetch(input, init)) });
    await auth.ready();
    await auth.signIn({ username: 'tia', password: PASSWORD });
    await expect(auth.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: '12' })).rejects.toMatchObject({ name: 'InvalidInput', field: 'code' });
    expect(auth.getSnapshot().step?.name).toBe('SOFTWARE_TOKEN_MFA');
    expect(posts).toBe(1);
    jar.delete('cognito-session-csrf');
    await expect(auth.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: await code() })).resolves.toEqual({ name: 'DONE' });
    await waitFor(() => expect(auth.getSnapshot().status).toBe('signedIn'));
  });

  it('keeps the step and says so when the server cannot be reached', async () => {
    let offline = false;
    const { fetch } = cookieFetch(example.url);
    const auth = serverTransport('/api/auth', { fetch: (...args) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(...args)) });
    await auth.ready();
    await auth.signIn({ username: 'tia', password: PASSWORD });
    offline = true;
    await expect(auth.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: '123456' })).rejects.toMatchObject({ name: 'NetworkError', retryable: true });
    expect(auth.getSnapshot()).toMatchObject({ status: 'challenge', step: { name: 'SOFTWARE_TOKEN_MFA' }, pending: false });
    offline = false;
    await expect(auth.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: await code() })).resolves.toEqual({ name: 'DONE' });
  });
});

/**
 * End to end in Chromium: a page served by Vite renders <SignIn> against the running local emulator; a user
 * types, completes a TOTP challenge and a forced password change, and sees the signed-in view. With the
 * network cut mid-flow, the page shows a recoverable error. Screenshots go to test-screenshots/ (not in git).
 */
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createRoot } from 'react-dom/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { CognitoProvider, SignIn } from '../../src/index.js';
import { totpCode } from '../../src/testing/index.js';
import { LOCAL_POOL } from '../../scripts/localPoolUsers.mjs';
import { localStore } from '../integration/localStore';

const endpoint = inject('localPoolEndpoint');
// Only to cut the network on purpose: every other request goes to the emulator untouched.
const worker = setupWorker();
beforeAll(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
afterAll(() => worker.stop());

function mount() {
  document.body.innerHTML = '<main id="app"></main>';
  const auth = localStore(endpoint);
  const root = createRoot(document.getElementById('app')!);
  root.render(
    <CognitoProvider auth={auth}>
      <SignIn signedIn={<p>You are signed in</p>} />
    </CognitoProvider>,
  );
  return { auth, unmount: () => root.unmount() };
}

const shot = (name: string) => page.screenshot({ path: `../../test-screenshots/${name}.png` });

describe('in Chromium against the local emulator', () => {
  it('completes a TOTP sign-in', async () => {
    const { unmount } = mount();
    await userEvent.fill(page.getByLabelText('Username', { exact: true }), 'tia');
    await userEvent.fill(page.getByLabelText('Password', { exact: true }), LOCAL_POOL.users.tia!.password);
    await shot('totp-1-credentials');
    await userEvent.click(page.getByRole('button', { name: 'Sign in' }));
    await expect.element(page.getByLabelText('Code', { exact: true })).toBeVisible();
    await shot('totp-2-code');
    await userEvent.fill(page.getByLabelText('Code', { exact: true }), await totpCode(LOCAL_POOL.totpSecret, Date.now()));
    await userEvent.click(page.getByRole('button', { name: 'Verify' }));
    await expect.element(page.getByText('You are signed in')).toBeVisible();
    await shot('totp-3-signed-in');
    unmount();
  });

  it('completes a forced password change', async () => {
    const { unmount } = mount();
    await userEvent.fill(page.getByLabelText('Username', { exact: true }), 'nia');
    await userEvent.fill(page.getByLabelText('Password', { exact: true }), LOCAL_POOL.users.nia!.password);
    await userEvent.click(page.getByRole('button', { name: 'Sign in' }));
    await expect.element(page.getByLabelText('New password', { exact: true })).toBeVisible();
    await userEvent.fill(page.getByLabelText('New password', { exact: true }), 'N3w-passw0rd!');
    await userEvent.fill(page.getByLabelText('Confirm new password', { exact: true }), 'N3w-passw0rd!');
    await shot('new-password-1-form');
    await userEvent.click(page.getByRole('button', { name: 'Set password' }));
    await expect.element(page.getByText('You are signed in')).toBeVisible();
    await shot('new-password-2-signed-in');
    unmount();
  });

  it('shows a recoverable error when the network drops mid-flow, then finishes once it is back', async () => {
    const { unmount } = mount();
    await userEvent.fill(page.getByLabelText('Username', { exact: true }), 'sam');
    await userEvent.fill(page.getByLabelText('Password', { exact: true }), LOCAL_POOL.users.sam!.password);
    await userEvent.click(page.getByRole('button', { name: 'Sign in' }));
    await expect.element(page.getByLabelText('Code', { exact: true })).toBeVisible();
    worker.use(http.post(`${endpoint}/`, () => HttpResponse.error()));
    await userEvent.fill(page.getByLabelText('Code', { exact: true }), LOCAL_POOL.code);
    await userEvent.click(page.getByRole('button', { name: 'Verify' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('We could not reach the server. Check your connection and try again.');
    await shot('offline-1-error');
    worker.resetHandlers();
    await userEvent.fill(page.getByLabelText('Code', { exact: true }), LOCAL_POOL.code);
    await userEvent.click(page.getByRole('button', { name: 'Verify' }));
    await expect.element(page.getByText('You are signed in')).toBeVisible();
    await shot('offline-2-recovered');
    unmount();
  });
});

// @vitest-environment happy-dom
/**
 * The README's `npm run example:server -- --local-pool <endpoint>`: the server-mode example against the local
 * emulator, which signs in with a password only (no SRP), and the browser's `<SignIn>` unchanged.
 */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { CognitoProvider, serverTransport, SignIn, useAuth } from '../../src/index.js';
import { LOCAL_POOL } from '../../scripts/localPoolUsers.mjs';
import { cookieFetch, startExampleServer } from '../e2e/exampleServer';

let example: Awaited<ReturnType<typeof startExampleServer>>;
beforeAll(async () => {
  example = await startExampleServer(['--local-pool', inject('localPoolEndpoint')]);
}, 60_000);
afterAll(() => example.stop());
afterEach(() => cleanup());

function Home() {
  return <p>Hello {useAuth((s) => s.user?.username)}</p>;
}

describe('the server-mode example on the local emulator', () => {
  it('signs in through <SignIn> with the flow the server allows, and the session opens again', async () => {
    const { fetch } = cookieFetch(example.url);
    const auth = serverTransport('/api/auth', { fetch });
    render(
      <StrictMode>
        <CognitoProvider transport={auth}>
          <SignIn signedIn={<Home />} />
        </CognitoProvider>
      </StrictMode>,
    );
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'pat');
    await user.type(screen.getByLabelText('Password'), LOCAL_POOL.users.pat!.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Hello pat', {}, { timeout: 10_000 })).toBeTruthy();
    expect(auth.config.authFlow).toBe('USER_PASSWORD_AUTH');
    // The emulator's tokens open again (their issuer is the endpoint's): a reload, and the app's own API.
    const reloaded = serverTransport('/api/auth', { fetch });
    await reloaded.ready();
    expect(reloaded.getSnapshot()).toMatchObject({ status: 'signedIn', user: { username: 'pat' } });
    expect(await (await fetch('/api/me')).json()).toMatchObject({ username: 'pat' });
  });
});

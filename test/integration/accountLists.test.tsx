// @vitest-environment happy-dom
/**
 * <AccountSettings>' device and passkey lists against the local emulator, which has neither ListDevices nor
 * ListWebAuthnCredentials: each is asked once (no retry of an operation the pool does not have) and its
 * section hides itself, instead of a long "Loading…" and then an error beside "No devices are remembered.".
 * A transient failure shows a button that asks again. Requests are counted by a pass-through proxy.
 */
import { request as httpRequest, createServer, type Server } from 'node:http';
import { QueryClient } from '@tanstack/react-query';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCognitoAuth } from '../../src/core/index.js';
import { AccountSettings } from '../../src/index.js';
import { LOCAL_POOL } from '../../scripts/localPoolUsers.mjs';
import { freePort } from '../../scripts/localPool.mjs';
import { renderWithAuth } from '../react/helpers';

const upstream = new URL(inject('localPoolEndpoint'));
let proxy: Server;
let endpoint: string;
const asked: string[] = [];
/** Operations the proxy answers with a transient service failure instead of passing them on. */
const failing = new Set<string>();
/** Operations the proxy answers itself with this body (a pool that has them), after any failure. */
const answering = new Map<string, unknown>();

beforeAll(async () => {
  const port = await freePort();
  endpoint = `http://127.0.0.1:${port}`;
  proxy = createServer((req, res) => {
    const target = String(req.headers['x-amz-target'] ?? '').replace(/^.*\./, '');
    if (target) asked.push(target);
    if (failing.has(target)) {
      req.resume();
      res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify({ __type: 'InternalErrorException', message: 'Try again later.' }));
      return;
    }
    if (answering.has(target)) {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(JSON.stringify(answering.get(target)));
      return;
    }
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    req.pipe(forward);
  });
  await new Promise<void>((r) => proxy.listen(port, '127.0.0.1', r));
});
afterAll(() => new Promise<void>((r) => (proxy.closeAllConnections(), proxy.close(() => r()))));

/** A store as an app configures one for the emulator: its endpoint and the password flow, the SDK's own client. */
async function signedInStore() {
  const auth = createCognitoAuth({
    region: LOCAL_POOL.region,
    userPoolId: LOCAL_POOL.userPoolId,
    clientId: LOCAL_POOL.clientId,
    endpoint,
    authFlow: 'USER_PASSWORD_AUTH',
    autoRefresh: false,
  });
  expect(await auth.signIn({ username: 'pat', password: LOCAL_POOL.users.pat!.password })).toEqual({ name: 'DONE' });
  return auth;
}

const count = (operation: string) => asked.filter((a) => a === operation).length;

describe('account lists against a pool without them', () => {
  it('asks ListDevices and ListWebAuthnCredentials once each and hides both sections', async () => {
    const auth = await signedInStore();
    // What one call costs over HTTP (the SDK's own attempts), to compare the settings' requests with.
    asked.length = 0;
    await expect(auth.listDevices()).rejects.toBeTruthy();
    const perCall = count('ListDevices');
    expect(perCall).toBeGreaterThan(0);

    asked.length = 0;
    renderWithAuth(<AccountSettings sections={['password', 'devices', 'passkeys']} />, auth, { queryClient: new QueryClient() });
    await screen.findByRole('heading', { name: 'Change password' });
    await waitFor(() => expect(document.querySelector('[data-section="devices"]')).toBeNull(), { timeout: 15_000 });
    await waitFor(() => expect(document.querySelector('[data-section="passkeys"]')).toBeNull(), { timeout: 15_000 });
    // Nothing more is asked a while later: no retries.
    await new Promise((r) => setTimeout(r, 1500));
    expect(count('ListDevices')).toBe(perCall);
    expect(count('ListWebAuthnCredentials')).toBe(perCall);
    expect(screen.queryByText('Something went wrong. Try again.')).toBeNull();
    expect(screen.queryByText('No devices are remembered.')).toBeNull();
  }, 30_000);

  it('shows a transient failure with a button that asks again, without claiming the list is empty', async () => {
    const auth = await signedInStore();
    failing.add('ListDevices');
    try {
      renderWithAuth(<AccountSettings sections={['devices']} />, auth, { queryClient: new QueryClient() });
      const retry = await screen.findByRole('button', { name: 'Try again' }, { timeout: 25_000 });
      expect(screen.getByRole('alert').textContent).not.toBe('');
      expect(screen.queryByText('No devices are remembered.')).toBeNull();

      failing.delete('ListDevices');
      answering.set('ListDevices', { Devices: [] });
      await userEvent.setup().click(retry);
      expect(await screen.findByText('No devices are remembered.')).toBeTruthy();
      expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    } finally {
      failing.clear();
      answering.clear();
    }
  }, 40_000);
});

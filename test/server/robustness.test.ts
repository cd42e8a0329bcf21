import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuthLogEntry } from '../../src/server/index';
import { totpCode } from '../../src/testing/index';
import { PASSWORD, REGION } from '../helpers/pool';
import { ORIGIN, createServerPool } from './support';

// Requests to anything but the simulated pool (here: a Cognito endpoint nothing listens on) really go out.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const tia = { username: 'tia', password: PASSWORD, attributes: { email: 'tia@example.com' }, mfa: { totpSecret: TOTP } };
const pat = { username: 'pat', password: PASSWORD, attributes: { email: 'pat@example.com' } };
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
/** Names every plain object inherits: none of them is a route, an operation or a field of ours. */
const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__', 'toLocaleString'];

async function started(...args: Parameters<typeof createServerPool>) {
  const pool = createServerPool(...args);
  await pool.call('GET', 'session');
  return pool;
}

/** A Cognito client that reaches the simulated pool until `down` is set, then a port nothing listens on. */
function flakyClient() {
  const up = new CognitoIdentityProviderClient({ region: REGION, maxAttempts: 1, credentials });
  const unreachable = new CognitoIdentityProviderClient({ region: REGION, maxAttempts: 1, credentials, endpoint: 'http://127.0.0.1:9' });
  const state = { down: false };
  const client = { send: (...args: Parameters<CognitoIdentityProviderClient['send']>) => (state.down ? unreachable : up).send(...args) };
  return { client: client as unknown as CognitoIdentityProviderClient, state };
}

const clearsEveryChunk = (setCookie: string[]) => {
  for (let i = 0; i < 5; i++) expect(setCookie.find((c) => c.startsWith(`__Host-cognito-session.${i}=;`))).toMatch(/Max-Age=0/);
};

describe('request-supplied names are looked up as own names only', () => {
  it('answers 404 for a route named after an inherited property, whatever the method', async () => {
    const { call } = await started(server, { users: [pat] });
    for (const name of [...INHERITED, encodeURIComponent('__proto__'), '%5F%5Fproto%5F%5F']) {
      for (const method of ['GET', 'POST'] as const) {
        const response = await call(method, name, method === 'POST' ? {} : undefined);
        expect(response.status, `${method} ${name}`).toBe(404);
        expect(response.body.error.name).toBe('NotFound');
        expect(response.headers.get('allow')).toBeNull();
      }
    }
  });

  it('refuses an operation named after an inherited property with a typed 400, before any request to Cognito', async () => {
    const { call, sim } = await started(server, { users: [pat] });
    for (const operation of INHERITED) {
      const response = await call('POST', 'command', { operation, input: {} });
      expect(response.status, operation).toBe(400);
      expect(response.body.error.name).toBe('UnsupportedOperation');
    }
    expect(sim.requests).toEqual([]);
  });

  it('gives __proto__ in a JSON body no meaning: nothing polluted, the server fields stay the server\'s', async () => {
    const { call, sim } = await started(server, { users: [pat] });
    const body = `{"operation":"SignUp","input":{"Username":"nia","Password":"${PASSWORD}","UserAttributes":[{"Name":"email","Value":"nia@example.com"}],"__proto__":{"ClientId":"evil","AccessToken":"x"},"ClientMetadata":{"__proto__":{"polluted":"yes"}}},"__proto__":{"operation":"DeleteUser"}}`;
    const response = await call('POST', 'command', body);
    expect(response.body).toMatchObject({ output: {} });
    expect(response.status).toBe(200);
    const sent = sim.requests.find((r) => r.operation === 'SignUp')!.input as Record<string, unknown>;
    expect(sent.ClientId).toBe('testclient123');
    expect(JSON.stringify(sent)).not.toContain('evil');
    expect(JSON.stringify(sent)).not.toContain('polluted');
    const signIn = await call('POST', 'sign-in', `{"__proto__":{"username":"pat","password":"${PASSWORD}"}}`);
    expect(signIn.status).toBe(400);
    expect(signIn.body.state.status).toBe('signedOut');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).ClientId).toBeUndefined();
  });
});

describe('a cookie that cannot be opened is no session, and is cleared', () => {
  it('starts signed out on GET /session with a cookie that is not base64url, and clears every chunk', async () => {
    const { call, jar } = await started(server, { users: [pat] });
    for (const [bad, next] of [['A', 'AAAA'], ['AAAAA', undefined], ['%%%', 'B'], ['eyJ.not-sealed', undefined], ['', 'B']] as const) {
      jar.set('__Host-cognito-session.0', bad);
      if (next !== undefined) jar.set('__Host-cognito-session.1', next);
      jar.set('__Host-cognito-session.7', 'C');
      const page = await call('GET', 'session');
      expect(page.status, bad).toBe(200);
      expect(page.body.state.status).toBe('signedOut');
      clearsEveryChunk(page.headers.getSetCookie());
      // A chunk past the last one the server writes is cleared too.
      expect(page.headers.getSetCookie().find((c) => c.startsWith('__Host-cognito-session.7=;'))).toMatch(/Max-Age=0/);
      expect([...jar.keys()].filter((k) => k.startsWith('__Host-cognito-session.'))).toEqual([]);
    }
  });

  it('clears a cookie it refuses on a route that needs one (bad encoding, bad seal, another key)', async () => {
    const { call, jar, handler } = await started(server, { users: [tia] });
    await call('POST', 'sign-in', { username: 'tia', password: PASSWORD });
    const sealed = jar.get('__Host-cognito-session.0')!;
    const other = createServerPool(server, { users: [tia] }, { cookieSecrets: ['another-secret-that-is-long-enough-0123456789'] });
    await other.call('GET', 'session');
    await other.call('POST', 'sign-in', { username: 'tia', password: PASSWORD });
    for (const bad of ['A', sealed.slice(0, 40), other.jar.get('__Host-cognito-session.0')!]) {
      jar.set('__Host-cognito-session.0', bad);
      const response = await call('POST', 'respond', { answer: { name: 'SOFTWARE_TOKEN_MFA', code: '123456' } });
      expect(response.status).toBe(401);
      expect(response.body.error.name).toBe('InvalidCookie');
      clearsEveryChunk(response.headers.getSetCookie());
      jar.set('__Host-cognito-session.0', bad);
      expect(await handler.getSession(new Request(`${ORIGIN}/api/orders`, { headers: { cookie: `__Host-cognito-session.0=${bad}` } }))).toBeNull();
    }
  });
});

describe('cancel revokes the sign-in in progress', () => {
  it('refuses a copy of the challenge cookie replayed after POST /cancel, though its Session is still good', async () => {
    const { call, jar, sim } = await started(server, { users: [tia] });
    await call('POST', 'sign-in', { username: 'tia', password: PASSWORD });
    const copy = new Map(jar);
    const cancelled = await call('POST', 'cancel', {});
    expect(cancelled.body.state.status).toBe('signedOut');
    for (const [k, v] of copy) jar.set(k, v);
    const requests = sim.requests.length;
    const replay = await call('POST', 'respond', { answer: { name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(TOTP, sim.now()) } });
    expect(replay.status).toBe(401);
    expect(replay.body.error.name).toBe('SignInCancelled');
    expect(replay.body.state?.status ?? 'signedOut').toBe('signedOut');
    clearsEveryChunk(replay.headers.getSetCookie());
    expect(sim.requests.length).toBe(requests);
    // Signing in again works.
    await call('POST', 'sign-in', { username: 'tia', password: PASSWORD });
    const done = await call('POST', 'respond', { answer: { name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(TOTP, sim.now()) } });
    expect(done.body.state.status).toBe('signedIn');
  });
});

describe('internal error text stays on the server', () => {
  const SECRET_PASSWORD = 'Very-Secret-Passw0rd!xyz';

  function logged() {
    const entries: Array<[string, AuthLogEntry]> = [];
    return { entries, logger: (message: string, entry: AuthLogEntry) => void entries.push([message, entry]), text: () => JSON.stringify(entries) };
  }

  it('answers a Cognito it cannot reach with a generic, typed, retryable error, and logs the detail without the password', async () => {
    const log = logged();
    const { client, state } = flakyClient();
    const { call, jar } = await started(server, { users: [pat] }, { client, logger: log.logger, authFlow: 'USER_PASSWORD_AUTH' });
    state.down = true;
    const response = await call('POST', 'sign-in', { username: 'pat', password: SECRET_PASSWORD });
    expect(response.status).toBe(502);
    expect(response.body.error).toMatchObject({ name: 'NetworkError', retryable: true });
    const text = JSON.stringify(response.body);
    for (const internal of ['ECONNREFUSED', '127.0.0.1', 'connect']) expect(text).not.toContain(internal);
    expect(log.text()).toContain('ECONNREFUSED');
    expect(log.entries[0]![1]).toMatchObject({ route: 'sign-in', status: 502, error: 'NetworkError' });
    expect(log.text()).not.toContain(SECRET_PASSWORD);
    for (const value of jar.values()) expect(log.text()).not.toContain(value);
  });

  it('keeps the code, the cookies and the tokens out of the log and the body when a challenge answer or sign-out fails', async () => {
    const log = logged();
    const { client, state } = flakyClient();
    const { call, jar, sim } = await started(server, { users: [tia, pat] }, { client, logger: log.logger });
    await call('POST', 'sign-in', { username: 'tia', password: PASSWORD });
    state.down = true;
    const code = await totpCode(TOTP, sim.now());
    const failed = await call('POST', 'respond', { answer: { name: 'SOFTWARE_TOKEN_MFA', code } });
    expect(failed.status).toBe(502);
    expect(JSON.stringify(failed.body)).not.toContain('ECONNREFUSED');
    expect(log.text()).toContain('ECONNREFUSED');
    expect(log.text()).not.toContain(code);
    state.down = false;
    await call('POST', 'cancel', {});
    await call('POST', 'sign-in', { username: 'pat', password: PASSWORD });
    const cookies = [...jar.values()];
    state.down = true;
    const user = await call('GET', 'user');
    expect(user.status).toBe(502);
    expect(JSON.stringify(user.body)).not.toContain('ECONNREFUSED');
    const out = await call('POST', 'sign-out', {});
    expect(out.body).toMatchObject({ revoked: false, error: { name: 'NetworkError', retryable: true } });
    expect(JSON.stringify(out.body)).not.toContain('ECONNREFUSED');
    expect(log.entries.map(([, e]) => e.route)).toEqual(['respond', 'user', 'sign-out']);
    for (const value of cookies) expect(log.text()).not.toContain(value);
    expect(log.text()).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });

  it('answers an unexpected exception with 500 UnknownError and a generic message, logged through console.error by default', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const client = { send: () => Promise.reject(new Error('relation "users" does not exist on db-7.internal')) } as unknown as CognitoIdentityProviderClient;
      const { call } = await started(server, { users: [pat] }, { client });
      const response = await call('POST', 'sign-in', { username: 'pat', password: SECRET_PASSWORD });
      expect(response.status).toBe(500);
      expect(response.body.error).toMatchObject({ name: 'UnknownError', retryable: false });
      expect(JSON.stringify(response.body)).not.toMatch(/relation|db-7/);
      expect(JSON.stringify(spy.mock.calls)).toContain('db-7.internal');
      expect(JSON.stringify(spy.mock.calls)).not.toContain(SECRET_PASSWORD);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('every answer tells the browser not to sniff or cache it', () => {
  it('sends nosniff and no-store on success, 4xx and 5xx answers alike', async () => {
    const { call } = await started(server, { users: [pat] }, { client: { send: () => Promise.reject(new Error('down')) } as unknown as CognitoIdentityProviderClient, logger: () => undefined });
    const responses = [
      await call('GET', 'session'),
      await call('GET', 'nope'),
      await call('GET', 'sign-in'),
      await call('POST', 'sign-in', { username: 'pat', password: 'x'.repeat(20_000) }),
      await call('POST', 'respond', {}),
      await call('POST', 'sign-in', { username: 'pat', password: PASSWORD }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 404, 405, 413, 409, 500]);
    for (const response of responses) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });
});

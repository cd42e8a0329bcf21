import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../src/testing/index';
import { PASSWORD, mswServerPerFile } from '../helpers/pool';
import { ORIGIN, createServerPool } from './support';

const server = mswServerPerFile();
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const pat = { username: 'pat', password: PASSWORD, attributes: { email: 'pat@example.com' } };
const tia = { username: 'tia', password: PASSWORD, attributes: { email: 'tia@example.com' }, mfa: { totpSecret: TOTP } };
const CSRF = '__Host-cognito-session-csrf';

const names = (response: { headers: Headers }) => response.headers.getSetCookie().map((c) => c.slice(0, c.indexOf('=')));

describe('cookie names', () => {
  it('are __Host- prefixed when Secure on Path=/ without Domain, and plain otherwise', async () => {
    const secure = createServerPool(server, { users: [pat] }, { authFlow: 'USER_PASSWORD_AUTH' });
    const page = await secure.call('GET', 'session');
    expect(names(page)).toEqual([CSRF]);
    const signIn = await secure.call('POST', 'sign-in', { username: 'pat', password: PASSWORD });
    const lines = signIn.headers.getSetCookie();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/^__Host-cognito-session/);
      expect(line).toMatch(/; Secure/);
      expect(line).toMatch(/; Path=\//);
      expect(line).not.toMatch(/Domain=/i);
    }
    const local = createServerPool(server, { users: [pat] }, { cookie: { secure: false } });
    expect(names(await local.call('GET', 'session'))).toEqual(['cognito-session-csrf']);
    const shared = createServerPool(server, { users: [pat] }, { cookie: { domain: 'example.com' } });
    expect(names(await shared.call('GET', 'session'))).toEqual(['cognito-session-csrf']);
  });
});

describe('the CSRF token is bound to the session', () => {
  it('is replaced at sign-in; the signed-out page token, even as a matching cookie and header pair, does not serve the session', async () => {
    const pool = createServerPool(server, { users: [pat] }, { authFlow: 'USER_PASSWORD_AUTH' });
    const before = (await pool.call('GET', 'session')).body.csrfToken!;
    const signIn = await pool.call('POST', 'sign-in', { username: 'pat', password: PASSWORD });
    expect(signIn.body.state.status).toBe('signedIn');
    const after = signIn.body.csrfToken!;
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    expect(pool.jar.get(CSRF)).toBe(after);
    // A page reload hands out the session's token.
    expect((await pool.call('GET', 'session')).body.csrfToken).toBe(after);
    // An attacker who planted their own pair (cookie and header agree) is refused.
    pool.jar.set(CSRF, before);
    const forged = await pool.call('POST', 'refresh', {}, { 'x-csrf-token': before });
    expect(forged.status).toBe(403);
    expect(forged.body.error.name).toBe('CsrfCheckFailed');
    pool.jar.set(CSRF, after);
    expect((await pool.call('POST', 'refresh', {})).status).toBe(200);
  });

  it('is replaced when the sign-in finishes with MFA, and again at sign-out', async () => {
    const pool = createServerPool(server, { users: [tia] });
    const before = (await pool.call('GET', 'session')).body.csrfToken!;
    const first = await pool.call('POST', 'sign-in', { username: 'tia', password: PASSWORD });
    expect(first.body.csrfToken).toBeUndefined();
    const done = await pool.call('POST', 'respond', { answer: { name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(TOTP, pool.sim.now()) } });
    expect(done.body.state.status).toBe('signedIn');
    const during = done.body.csrfToken!;
    expect(during).not.toBe(before);
    const out = await pool.call('POST', 'sign-out', {});
    expect(out.body.state.status).toBe('signedOut');
    expect(out.body.csrfToken).toBeTruthy();
    expect(out.body.csrfToken).not.toBe(during);
    expect(pool.jar.get(CSRF)).toBe(out.body.csrfToken);
  });
});

describe('a session too large for five cookies', () => {
  it('is refused with a typed SessionTooLarge, its refresh token revoked at once, and no cookie kept', async () => {
    const long = 'x'.repeat(2000);
    const big = { username: 'big', password: PASSWORD, attributes: { email: 'big@example.com', name: long, given_name: long, family_name: long, middle_name: long, nickname: long, profile: long, website: long } };
    const logged: unknown[] = [];
    const pool = createServerPool(server, { users: [big] }, { authFlow: 'USER_PASSWORD_AUTH', logger: (_m, entry) => logged.push(entry) });
    await pool.call('GET', 'session');
    const signIn = await pool.call('POST', 'sign-in', { username: 'big', password: PASSWORD });
    expect(signIn.status).toBe(500);
    expect(signIn.body.error.name).toBe('SessionTooLarge');
    expect(signIn.body.state.status).toBe('signedOut');
    expect([...pool.jar.keys()].filter((k) => k.includes('cognito-session.'))).toEqual([]);
    expect(pool.sim.requests.at(-1)!.operation).toBe('RevokeToken');
    expect(JSON.stringify(logged)).toMatch(/more than the 5 allowed/);
  });
});

describe('checkSessionSize', () => {
  const long = 'x'.repeat(2000);
  const bigAttributes = { email: 'big@example.com', name: long, given_name: long, family_name: long, middle_name: long, nickname: long, profile: long, website: long };
  /** AdminGetUser and DescribeUserPoolClient, which the simulator does not answer, from the user's record. */
  const adminReads = (readAttributes: string[] | undefined) =>
    http.post('https://cognito-idp.eu-west-1.amazonaws.com/', ({ request }) => {
      const target = request.headers.get('x-amz-target') ?? '';
      if (target.endsWith('.AdminGetUser')) return HttpResponse.json({ Username: 'big', UserAttributes: Object.entries(bigAttributes).map(([Name, Value]) => ({ Name, Value })) });
      if (target.endsWith('.DescribeUserPoolClient')) return HttpResponse.json({ UserPoolClient: { ClientId: 'c', ...(readAttributes ? { ReadAttributes: readAttributes } : {}) } });
      return undefined;
    });

  it('refuses a session that cannot fit in five cookies before Cognito issues tokens', async () => {
    const big = { username: 'big', password: PASSWORD, attributes: bigAttributes };
    const pool = createServerPool(server, { users: [big] }, { authFlow: 'USER_PASSWORD_AUTH', checkSessionSize: true, logger: () => undefined });
    server.use(adminReads(undefined));
    await pool.call('GET', 'session');
    const signIn = await pool.call('POST', 'sign-in', { username: 'big', password: PASSWORD });
    expect(signIn.status).toBe(500);
    expect(signIn.body.error.name).toBe('SessionTooLarge');
    expect(pool.sim.requests.map((r) => r.operation)).not.toContain('AdminInitiateAuth');
  });

  it('counts only the attributes the app client reads, and signs in when they fit', async () => {
    const big = { username: 'big', password: PASSWORD, attributes: bigAttributes };
    const pool = createServerPool(server, { users: [big] }, { authFlow: 'USER_PASSWORD_AUTH', checkSessionSize: true });
    server.use(adminReads(['email']));
    await pool.call('GET', 'session');
    const signIn = await pool.call('POST', 'sign-in', { username: 'big', password: PASSWORD });
    // The estimate let it through; the simulator's tokens carry every attribute, so the seal refuses it after.
    expect(pool.sim.requests.map((r) => r.operation)).toContain('AdminInitiateAuth');
    expect(signIn.body.error.name).toBe('SessionTooLarge');
  });

  it('signs in as before when AdminGetUser is not allowed', async () => {
    const pool = createServerPool(server, { users: [pat] }, { authFlow: 'USER_PASSWORD_AUTH', checkSessionSize: true });
    await pool.call('GET', 'session');
    expect((await pool.call('POST', 'sign-in', { username: 'pat', password: PASSWORD })).body.state.status).toBe('signedIn');
  });
});

describe('ContextData', () => {
  it('names the host the browser addressed, not the one a framework put in request.url', async () => {
    const pool = createServerPool(server, { users: [pat] }, { authFlow: 'USER_PASSWORD_AUTH' });
    await pool.call('GET', 'session');
    const response = await pool.handler(
      new Request('http://localhost:3000/api/auth/sign-in', {
        method: 'POST',
        headers: { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'content-type': 'application/json', cookie: pool.cookieHeader(), 'x-csrf-token': [...pool.jar].find(([k]) => k.endsWith('cognito-session-csrf'))![1] },
        body: JSON.stringify({ username: 'pat', password: PASSWORD }),
      }),
    );
    expect(response.status).toBe(200);
    const admin = pool.sim.requests.find((r) => r.operation === 'AdminInitiateAuth')!;
    expect(admin.input).toMatchObject({ ContextData: { ServerName: '127.0.0.1:3000' } });
  });
});

describe('ClientMetadata of an account operation', () => {
  it('must be a bounded map of strings, refused before Cognito is called', async () => {
    const pool = createServerPool(server, { users: [pat] });
    await pool.call('GET', 'session');
    const input = { Username: 'new', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'new@example.com' }] };
    for (const ClientMetadata of [{ n: 1 }, 'text', ['a'], { x: 'y'.repeat(5000) }, Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'v']))]) {
      const answer = await pool.call('POST', 'command', { operation: 'SignUp', input: { ...input, ClientMetadata } });
      expect(answer.status).toBe(400);
      expect(answer.body.error.name).toBe('InvalidInput');
    }
    expect(pool.sim.requests).toEqual([]);
    const ok = await pool.call('POST', 'command', { operation: 'SignUp', input: { ...input, ClientMetadata: { campaign: 'spring' } } });
    expect(ok.status).toBe(200);
    expect(pool.sim.requests[0]!.input).toMatchObject({ ClientMetadata: { campaign: 'spring' } });
  });
});

describe('readSession', () => {
  it("clears a refused cookie from the app's own routes, so it does not come back", async () => {
    const pool = createServerPool(server, { users: [pat] }, { authFlow: 'USER_PASSWORD_AUTH' });
    await pool.call('GET', 'session');
    await pool.call('POST', 'sign-in', { username: 'pat', password: PASSWORD });
    const cookie = pool.cookieHeader();
    await pool.call('POST', 'sign-out', {});
    // The signed-out session's cookie, replayed: refused, and cleared.
    const { session, setCookie } = await pool.handler.readSession(new Request(`${ORIGIN}/api/orders`, { headers: { cookie } }));
    expect(session).toBeNull();
    expect(setCookie.find((c) => c.startsWith('__Host-cognito-session.0='))).toMatch(/Max-Age=0/);
    // A good one gives the session and nothing to set.
    await pool.call('POST', 'sign-in', { username: 'pat', password: PASSWORD });
    const good = await pool.handler.readSession(new Request(`${ORIGIN}/api/orders`, { headers: { cookie: pool.cookieHeader() } }));
    expect(good.session?.user.username).toBe('pat');
    expect(good.setCookie).toEqual([]);
  });
});

describe('a new sign-in replaces what the browser had', () => {
  it('cancels the sign-in in progress: a copy of its cookie no longer finishes it', async () => {
    const pool = createServerPool(server, { users: [tia] });
    await pool.call('GET', 'session');
    await pool.call('POST', 'sign-in', { username: 'tia', password: PASSWORD });
    const copy = new Map(pool.jar);
    await pool.call('POST', 'sign-in', { username: 'tia', password: PASSWORD });
    for (const [k, v] of copy) pool.jar.set(k, v);
    const replay = await pool.call('POST', 'respond', { answer: { name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(TOTP, pool.sim.now()) } });
    expect(replay.status).toBe(401);
    expect(replay.body.error.name).toBe('SignInCancelled');
  });

  it('signs the live session out: its cookie is refused and its refresh token revoked at Cognito', async () => {
    const sam = { username: 'sam', password: PASSWORD, attributes: { email: 'sam@example.com' } };
    const pool = createServerPool(server, { users: [pat, sam] }, { authFlow: 'USER_PASSWORD_AUTH' });
    await pool.call('GET', 'session');
    await pool.call('POST', 'sign-in', { username: 'pat', password: PASSWORD });
    const patCookie = pool.cookieHeader();
    const second = await pool.call('POST', 'sign-in', { username: 'sam', password: PASSWORD });
    expect(second.body.state.status).toBe('signedIn');
    const revoke = pool.sim.requests.find((r) => r.operation === 'RevokeToken');
    expect(revoke).toBeDefined();
    expect(await pool.handler.getSession(new Request(`${ORIGIN}/api/orders`, { headers: { cookie: patCookie } }))).toBeNull();
    expect((await pool.handler.getSession(new Request(`${ORIGIN}/api/orders`, { headers: { cookie: pool.cookieHeader() } })))?.user.username).toBe('sam');
  });
});


import { describe, expect, it } from 'vitest';
import { createAuthHandler } from '../../src/server/index';
import { totpCode } from '../../src/testing/index';
import { PASSWORD, mswServerPerFile } from '../helpers/pool';
import { ORIGIN, SECRET, createServerPool } from './support';

const server = mswServerPerFile();
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const tia = { username: 'tia', password: PASSWORD, attributes: { email: 'tia@example.com' }, mfa: { totpSecret: TOTP } };
const pat = { username: 'pat', password: PASSWORD, attributes: { email: 'pat@example.com' } };

async function started(...args: Parameters<typeof createServerPool>) {
  const pool = createServerPool(...args);
  const session = await pool.call('GET', 'session');
  expect(session.body.csrfToken).toBeTruthy();
  return pool;
}

describe('server-mode sign-in', () => {
  it('signs in with SRP computed on the server and TOTP; the tokens stay in a sealed HttpOnly cookie', async () => {
    const { call, jar, sim, handler, cookieHeader } = await started(server, { users: [tia] });
    const first = await call('POST', 'sign-in', { username: 'tia', password: PASSWORD });
    expect(first.status).toBe(200);
    expect(first.body.state).toMatchObject({ status: 'challenge', step: { name: 'SOFTWARE_TOKEN_MFA' }, username: 'tia' });
    expect(sim.requests.map((r) => r.operation)).toEqual(['AdminInitiateAuth', 'AdminRespondToAuthChallenge']);
    expect(JSON.stringify(first.body)).not.toContain('Session');
    const done = await call('POST', 'respond', { username: 'tia', answer: { name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(TOTP, sim.now()) } });
    expect(done.body.state).toMatchObject({ status: 'signedIn', step: { name: 'DONE' }, user: { username: 'tia', attributes: {} } });
    // Nothing the browser receives holds a token.
    const text = JSON.stringify(done.body);
    expect(text).not.toMatch(/eyJ[\w-]+\.eyJ/);
    for (const value of jar.values()) expect(value).not.toMatch(/eyJ[\w-]+\.eyJ/);
    const cookieLine = done.headers.getSetCookie().find((c) => c.startsWith('__Host-cognito-session.0='))!;
    expect(cookieLine).toMatch(/HttpOnly/);
    expect(cookieLine).toMatch(/Secure/);
    expect(cookieLine).toMatch(/SameSite=Lax/);
    // The app's own routes read the session.
    const session = await handler.getSession(new Request(`${ORIGIN}/api/orders`, { headers: { cookie: cookieHeader() } }));
    expect(session?.user.username).toBe('tia');
    expect(session?.accessToken).toMatch(/^eyJ/);
    // ContextData reached Cognito with the request's headers.
    const admin = sim.requests.find((r) => r.operation === 'AdminInitiateAuth')!;
    expect(admin.input).toMatchObject({ ContextData: { ServerName: 'app.example', ServerPath: '/api/auth/sign-in' } });
  });

  it('uses ADMIN_USER_PASSWORD_AUTH for the password flow, and returns the ID token claims only when asked', async () => {
    const { call, sim } = await started(server, { users: [pat] }, { authFlow: 'USER_PASSWORD_AUTH', idTokenClaims: true });
    const done = await call('POST', 'sign-in', { username: 'pat', password: PASSWORD });
    expect(done.body.state.user).toMatchObject({ username: 'pat', attributes: { email: 'pat@example.com' } });
    expect(sim.requests[0]!.input).toMatchObject({ AuthFlow: 'ADMIN_USER_PASSWORD_AUTH' });
  });

  it('answers SMS MFA and a forced new password through AdminRespondToAuthChallenge, with ClientMetadata on every call', async () => {
    const sam = { username: 'sam', password: 'Temp0rary!pass', status: 'FORCE_CHANGE_PASSWORD' as const, attributes: { email: 'sam@example.com', phone_number: '+15555550100' }, mfa: { sms: true } };
    const { call, sim } = await started(server, { users: [sam] }, { clientMetadata: { app: 'web' } });
    const first = await call('POST', 'sign-in', { username: 'sam', password: 'Temp0rary!pass', clientMetadata: { app: 'spoofed', campaign: 'spring' } });
    expect(first.body.state.step).toMatchObject({ name: 'NEW_PASSWORD_REQUIRED' });
    const second = await call('POST', 'respond', { answer: { name: 'NEW_PASSWORD_REQUIRED', newPassword: 'N3w!Passw0rd' } });
    expect(second.body.state.step).toMatchObject({ name: 'SMS_MFA' });
    const done = await call('POST', 'respond', { answer: { name: 'SMS_MFA', code: sim.lastCode('sam')! } });
    expect(done.body.state.status).toBe('signedIn');
    const sent = sim.requests.filter((r) => r.operation.startsWith('Admin')).map((r) => (r.input as { ClientMetadata?: unknown }).ClientMetadata);
    expect(sent).toEqual(sent.map(() => ({ app: 'web', campaign: 'spring' })));
    expect(sent.length).toBe(4);
  });

  it('computes SECRET_HASH with the server-held client secret', async () => {
    const { call, sim } = await started(server, { users: [pat], clientSecret: 'the-client-secret' });
    const done = await call('POST', 'sign-in', { username: 'pat', password: PASSWORD });
    expect(done.body.state.status).toBe('signedIn');
    expect((sim.requests[0]!.input as { AuthParameters: Record<string, string> }).AuthParameters.SECRET_HASH).toBeTruthy();
  });

  it('reports a wrong password as a typed 401 and keeps the username, with no cookie left', async () => {
    const { call, jar } = await started(server, { users: [pat] });
    const wrong = await call('POST', 'sign-in', { username: 'pat', password: 'Wrong-passw0rd!' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ name: 'NotAuthorizedException', retryable: false });
    expect(wrong.body.state).toMatchObject({ status: 'signedOut', username: 'pat' });
    expect([...jar.keys()].filter((k) => k.startsWith('__Host-cognito-session.'))).toEqual([]);
  });

  it('refreshes, signs out with RevokeToken, and then refuses the old cookie replayed', async () => {
    const { call, jar, sim, handler } = await started(server, { users: [pat] });
    await call('POST', 'sign-in', { username: 'pat', password: PASSWORD });
    const before = new Map(jar);
    const refreshed = await call('POST', 'refresh', {});
    expect(refreshed.body.state.status).toBe('signedIn');
    expect(sim.requests.at(-1)!.input).toMatchObject({ AuthFlow: 'REFRESH_TOKEN_AUTH' });
    const out = await call('POST', 'sign-out', {});
    expect(out.body).toMatchObject({ revoked: true, state: { status: 'signedOut' } });
    expect(sim.requests.at(-1)!.operation).toBe('RevokeToken');
    // The old cookie, replayed: its refresh token is revoked, so a refresh fails and the session is gone.
    const replay = [...before].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await handler(
      new Request(`${ORIGIN}/api/auth/refresh`, { method: 'POST', headers: { cookie: replay, 'content-type': 'application/json', origin: ORIGIN, 'x-csrf-token': before.get('__Host-cognito-session-csrf')! }, body: '{}' }),
    );
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { name: string } }).error.name).toBe('SessionRevoked');
    // The app's own routes refuse it too, though its access token has not expired yet.
    expect(await handler.getSession(new Request(`${ORIGIN}/api/orders`, { headers: { cookie: replay } }))).toBeNull();
  });

  it('refreshes an expiring session when the page loads (GET /session) and in getSession', async () => {
    const { call, sim, handler, cookieHeader } = await started(server, { users: [pat], accessTokenValidityMinutes: 5 });
    await call('POST', 'sign-in', { username: 'pat', password: PASSWORD });
    sim.advanceTime(10 * 60_000);
    const session = await handler.getSession(new Request(`${ORIGIN}/api/orders`, { headers: { cookie: cookieHeader() } }));
    expect(session?.setCookie.length).toBeGreaterThan(0);
    expect(session!.expiresAt).toBeGreaterThan(sim.now());
    const page = await call('GET', 'session');
    expect(page.body.state.status).toBe('signedIn');
  });
});

describe('bad input and attacks: a clear 4xx, a typed body, and no state changed', () => {
  it('refuses a state-changing request without the CSRF token, or with another one', async () => {
    const { call, sim } = await started(server, { users: [pat] });
    const missing = await call('POST', 'sign-in', { username: 'pat', password: PASSWORD }, { 'x-csrf-token': '' });
    expect(missing.status).toBe(403);
    expect(missing.body.error.name).toBe('CsrfCheckFailed');
    const forged = await call('POST', 'sign-in', { username: 'pat', password: PASSWORD }, { 'x-csrf-token': 'forged' });
    expect(forged.status).toBe(403);
    expect(sim.requests).toHaveLength(0);
  });

  it('refuses another origin, a wrong content type, an oversized body and bad JSON', async () => {
    const { call, sim } = await started(server, { users: [pat] });
    expect((await call('POST', 'sign-in', { username: 'pat' }, { origin: 'https://evil.example' })).body.error.name).toBe('OriginNotAllowed');
    const form = await call('POST', 'sign-in', 'username=pat', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const big = await call('POST', 'sign-in', { username: 'pat', password: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    const bad = await call('POST', 'sign-in', '{"username":');
    expect(bad).toMatchObject({ status: 400, body: { error: { name: 'InvalidJson' } } });
    expect(sim.requests).toHaveLength(0);
  });

  it('refuses tampered, truncated and foreign-key cookies', async () => {
    const { call, jar, sim } = await started(server, { users: [tia] });
    await call('POST', 'sign-in', { username: 'tia', password: PASSWORD });
    const sealed = jar.get('__Host-cognito-session.0')!;
    const answer = { answer: { name: 'SOFTWARE_TOKEN_MFA', code: '123456' } };
    const requests = sim.requests.length;
    for (const bad of [sealed.slice(0, 40) + (sealed[40] === 'A' ? 'B' : 'A') + sealed.slice(41), sealed.slice(0, 40)]) {
      jar.set('__Host-cognito-session.0', bad);
      const response = await call('POST', 'respond', answer);
      expect(response).toMatchObject({ status: 401, body: { error: { name: 'InvalidCookie' } } });
    }
    // Sealed with another server's secret.
    const other = createServerPool(server, { users: [tia] }, { cookieSecrets: ['another-secret-that-is-long-enough-0123456789'] });
    await other.call('GET', 'session');
    await other.call('POST', 'sign-in', { username: 'tia', password: PASSWORD });
    jar.set('__Host-cognito-session.0', other.jar.get('__Host-cognito-session.0')!);
    expect((await call('POST', 'respond', answer)).body.error.name).toBe('InvalidCookie');
    expect(sim.requests).toHaveLength(requests);
  });

  it('opens cookies sealed with a retired secret while it is still listed (key rotation)', async () => {
    const old = await started(server, { users: [pat] });
    await old.call('POST', 'sign-in', { username: 'pat', password: PASSWORD });
    const rotated = createAuthHandler({ region: 'eu-west-1', userPoolId: 'eu-west-1_TestPool1', clientId: 'testclient123', cookieSecrets: ['a-new-secret-that-is-long-enough-0123456789!', SECRET] });
    const session = await rotated.getSession(new Request(`${ORIGIN}/x`, { headers: { cookie: old.cookieHeader() } }));
    expect(session?.user.username).toBe('pat');
    const retired = createAuthHandler({ region: 'eu-west-1', userPoolId: 'eu-west-1_TestPool1', clientId: 'testclient123', cookieSecrets: ['a-new-secret-that-is-long-enough-0123456789!'] });
    expect(await retired.getSession(new Request(`${ORIGIN}/x`, { headers: { cookie: old.cookieHeader() } }))).toBeNull();
  });

  it('refuses an answer for another user than the sign-in in progress, and an expired challenge cookie', async () => {
    const { call, sim } = await started(server, { users: [tia] });
    await call('POST', 'sign-in', { username: 'tia', password: PASSWORD });
    const mismatch = await call('POST', 'respond', { username: 'mallory', answer: { name: 'SOFTWARE_TOKEN_MFA', code: '123456' } });
    expect(mismatch).toMatchObject({ status: 409, body: { error: { name: 'UserMismatch' } } });
    sim.advanceTime(16 * 60_000);
    const late = await call('POST', 'respond', { username: 'tia', answer: { name: 'SOFTWARE_TOKEN_MFA', code: '123456' } });
    expect(late).toMatchObject({ status: 401, body: { error: { name: 'CookieExpired' } } });
  });

  it('refuses a challenge cookie replayed after the sign-in finished (its Session is spent)', async () => {
    const { call, jar, sim } = await started(server, { users: [tia] });
    await call('POST', 'sign-in', { username: 'tia', password: PASSWORD });
    const challenge = jar.get('__Host-cognito-session.0')!;
    await call('POST', 'respond', { answer: { name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(TOTP, sim.now()) } });
    jar.set('__Host-cognito-session.0', challenge);
    for (const k of [...jar.keys()]) if (/^__Host-cognito-session\.[1-9]$/.test(k)) jar.delete(k);
    sim.advanceTime(31_000);
    const replay = await call('POST', 'respond', { answer: { name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(TOTP, sim.now()) } });
    expect(replay.status).toBe(401);
    expect(replay.body.error.name).toMatch(/NotAuthorizedException|SessionExpired/);
  });

  it('refuses a cookie issued in the future beyond the allowed clock skew', async () => {
    let skew = 0;
    const { call, handler, cookieHeader, sim } = await started(server, { users: [pat] }, { clock: () => sim.now() + skew, authFlow: 'USER_PASSWORD_AUTH' });
    const read = () => handler.getSession(new Request(`${ORIGIN}/x`, { headers: { cookie: cookieHeader() } }));
    // A few minutes between servers is tolerated...
    skew = 4 * 60_000;
    expect((await call('POST', 'sign-in', { username: 'pat', password: PASSWORD })).body.state.status).toBe('signedIn');
    skew = 0;
    expect((await read())?.user.username).toBe('pat');
    // ...ten is not.
    skew = 10 * 60_000;
    expect((await call('POST', 'sign-in', { username: 'pat', password: PASSWORD })).body.state.status).toBe('signedIn');
    skew = 0;
    expect(await read()).toBeNull();
  });

  it('calls the rate-limit hook and answers 429 with Retry-After', async () => {
    const seen: string[] = [];
    const { call, sim } = await started(server, { users: [pat] }, {
      rateLimit: ({ action, username }) => {
        seen.push(`${action}:${username ?? ''}`);
        return action === 'signIn' ? { ok: false, retryAfterSeconds: 30 } : { ok: true };
      },
    });
    const limited = await call('POST', 'sign-in', { username: 'pat', password: PASSWORD });
    expect(limited).toMatchObject({ status: 429, body: { error: { name: 'RateLimited' } } });
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(seen).toContain('signIn:pat');
    expect(sim.requests).toHaveLength(0);
  });

  it('answers unknown routes and methods clearly', async () => {
    const { call } = await started(server, { users: [pat] });
    expect((await call('GET', 'nope')).status).toBe(404);
    const wrongMethod = await call('GET', 'sign-in');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });
});

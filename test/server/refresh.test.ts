import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { PASSWORD, mswServerPerFile } from '../helpers/pool';
import { ORIGIN, createServerPool } from './support';

const server = mswServerPerFile();
const pat = { username: 'pat', password: PASSWORD, attributes: { email: 'pat@example.com' } };
const sam = { username: 'sam', password: PASSWORD, attributes: { email: 'sam@example.com' } };

/** A session whose access token has expired (5-minute tokens, 10 minutes later): the next read refreshes. */
async function dueForRefresh() {
  const pool = createServerPool(server, { users: [pat, sam], accessTokenValidityMinutes: 5 }, { authFlow: 'USER_PASSWORD_AUTH' });
  await pool.call('GET', 'session');
  await pool.call('POST', 'sign-in', { username: 'pat', password: PASSWORD });
  pool.sim.advanceTime(10 * 60_000);
  const refreshes = () => pool.sim.requests.filter((r) => (r.input as { AuthFlow?: string }).AuthFlow === 'REFRESH_TOKEN_AUTH').length;
  return { ...pool, refreshes, cookie: pool.cookieHeader() };
}

describe('one refresh per session at a time', () => {
  it('shares one refresh among 25 concurrent getSession calls, which all get its tokens and one cookie value', async () => {
    const { handler, cookie, refreshes } = await dueForRefresh();
    const sessions = await Promise.all(Array.from({ length: 25 }, () => handler.getSession(new Request(`${ORIGIN}/api/orders`, { headers: { cookie } }))));
    expect(refreshes()).toBe(1);
    expect(new Set(sessions.map((s) => s?.accessToken)).size).toBe(1);
    expect(sessions[0]?.user.username).toBe('pat');
    expect(new Set(sessions.map((s) => s?.setCookie.join('\n'))).size).toBe(1);
    expect(sessions[0]!.setCookie.length).toBeGreaterThan(0);
  });

  it('shares one refresh among 25 concurrent page loads (GET /session)', async () => {
    const { handler, cookie, refreshes } = await dueForRefresh();
    const pages = await Promise.all(Array.from({ length: 25 }, () => handler(new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie } }))));
    expect(pages.map((p) => p.status)).toEqual(pages.map(() => 200));
    expect(refreshes()).toBe(1);
  });

  it('gives a request that still carries the old cookie, just after the refresh, the refreshed tokens instead of refreshing again', async () => {
    const { handler, cookie, refreshes } = await dueForRefresh();
    const first = await handler.getSession(new Request(`${ORIGIN}/api/orders`, { headers: { cookie } }));
    const late = await handler.getSession(new Request(`${ORIGIN}/api/orders`, { headers: { cookie } }));
    expect(refreshes()).toBe(1);
    expect(late?.accessToken).toBe(first?.accessToken);
  });

  it('refreshes each session on its own', async () => {
    const pat = await dueForRefresh();
    // A second browser, signed in as sam, whose tokens have expired too.
    const samJar = new Map<string, string>();
    const signIn = await pat.handler(
      new Request(`${ORIGIN}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, cookie: '__Host-cognito-session-csrf=t', 'x-csrf-token': 't' },
        body: JSON.stringify({ username: 'sam', password: PASSWORD }),
      }),
    );
    for (const line of signIn.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (!/Max-Age=0\b/.test(line)) samJar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    pat.sim.advanceTime(10 * 60_000);
    const samCookie = [...samJar].map(([k, v]) => `${k}=${v}`).join('; ');
    const read = (cookie: string) => pat.handler.getSession(new Request(`${ORIGIN}/api/orders`, { headers: { cookie } }));
    const [a, b] = await Promise.all([read(pat.cookie), read(samCookie), read(pat.cookie), read(samCookie)]);
    expect([a?.user.username, b?.user.username]).toEqual(['pat', 'sam']);
    expect(pat.refreshes()).toBe(2);
  });

  it('does not remember a failed refresh: the next request tries again', async () => {
    const { handler, cookie, refreshes } = await dueForRefresh();
    let failed = 0;
    server.use(
      http.post('https://cognito-idp.eu-west-1.amazonaws.com/', async ({ request }) => {
        const body = (await request.clone().json()) as { AuthFlow?: string };
        if (body.AuthFlow !== 'REFRESH_TOKEN_AUTH' || failed > 0) return undefined;
        failed++;
        return HttpResponse.json({ __type: 'InternalErrorException', message: 'Try again.' }, { status: 500 });
      }),
    );
    const read = () => handler.getSession(new Request(`${ORIGIN}/api/orders`, { headers: { cookie } }));
    // Cognito unreachable and the access token expired: no session for this request...
    expect(await read()).toBeNull();
    expect(failed).toBe(1);
    // ...and the next one refreshes again rather than being given the failure.
    expect((await read())?.user.username).toBe('pat');
    expect(refreshes()).toBe(1);
  });
});

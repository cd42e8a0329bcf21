import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../src/testing/index';
import { PASSWORD, REGION, mswServerPerFile } from '../helpers/pool';
import { createServerPool } from './support';

const server = mswServerPerFile();
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const tia = () => ({ username: 'tia', password: PASSWORD, attributes: { email: 'tia@example.com', email_verified: 'true' }, mfa: { totpSecret: TOTP } });
const ENDPOINT = `https://cognito-idp.${REGION}.amazonaws.com/`;

/** What Cognito (or the network in front of it) does wrong, answered for the one operation under test. */
const FAULTS = {
  'a 5xx': () => HttpResponse.json({ __type: 'InternalErrorException', message: 'Internal error' }, { status: 500 }),
  'a 503 without a body': () => new HttpResponse(null, { status: 503 }),
  throttling: () => HttpResponse.json({ __type: 'TooManyRequestsException', message: 'Rate exceeded' }, { status: 400 }),
  // Long after the handler's time limit (cognitoTimeoutMs: 3000 in that case): the handler has answered by then.
  'a timeout': async () => {
    await delay(10_000);
    return HttpResponse.json({ __type: 'InternalErrorException' }, { status: 500 });
  },
  'a dropped connection': () => HttpResponse.error(),
  'a non-JSON answer': () => new HttpResponse('<html>Bad gateway</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
  'an answer missing its fields': () => HttpResponse.json({}),
} satisfies Record<string, () => Response | Promise<Response>>;

type Route = { name: string; operation: string; setup: 'signedOut' | 'challenge' | 'signedIn' | 'expiring'; call: (pool: ReturnType<typeof createServerPool>) => ReturnType<ReturnType<typeof createServerPool>['call']> };

const ROUTES: Route[] = [
  { name: 'POST /sign-in', operation: 'AdminInitiateAuth', setup: 'signedOut', call: (p) => p.call('POST', 'sign-in', { username: 'tia', password: PASSWORD }) },
  { name: 'POST /respond', operation: 'AdminRespondToAuthChallenge', setup: 'challenge', call: async (p) => p.call('POST', 'respond', { answer: { name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(TOTP, p.sim.now()) } }) },
  { name: 'GET /session (refreshing)', operation: 'AdminInitiateAuth', setup: 'expiring', call: (p) => p.call('GET', 'session') },
  { name: 'POST /refresh', operation: 'AdminInitiateAuth', setup: 'signedIn', call: (p) => p.call('POST', 'refresh', {}) },
  { name: 'GET /user', operation: 'GetUser', setup: 'signedIn', call: (p) => p.call('GET', 'user') },
  { name: 'POST /command (signed in)', operation: 'ListDevices', setup: 'signedIn', call: (p) => p.call('POST', 'command', { operation: 'ListDevices', input: {} }) },
  { name: 'POST /command (public)', operation: 'ForgotPassword', setup: 'signedOut', call: (p) => p.call('POST', 'command', { operation: 'ForgotPassword', input: { Username: 'tia' } }) },
];

/** The handler, its browser, and the state the route needs; a short time limit on Cognito only where the fault is a timeout. */
async function prepared(setup: Route['setup'], timeoutMs: number) {
  const pool = createServerPool(server, { users: [tia()], accessTokenValidityMinutes: 5 }, { cognitoTimeoutMs: timeoutMs, logger: () => undefined });
  await pool.call('GET', 'session');
  if (setup === 'signedOut') return pool;
  const first = await pool.call('POST', 'sign-in', { username: 'tia', password: PASSWORD });
  expect(first.body.state.status).toBe('challenge');
  if (setup === 'challenge') return pool;
  pool.sim.advanceTime(31_000);
  await pool.call('POST', 'respond', { answer: { name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(TOTP, pool.sim.now()) } });
  if (setup === 'expiring') pool.sim.advanceTime(10 * 60_000);
  return pool;
}

/** Answers `operation` (and, for AdminInitiateAuth, only the flow of the route) with the fault, once per request. */
function failing(operation: string, refresh: boolean, fault: () => Response | Promise<Response>) {
  return http.post(ENDPOINT, async ({ request }) => {
    const target = request.headers.get('x-amz-target') ?? '';
    if (!target.endsWith(`.${operation}`)) return undefined;
    if (operation === 'AdminInitiateAuth') {
      const body = (await request.clone().json()) as { AuthFlow?: string };
      if ((body.AuthFlow === 'REFRESH_TOKEN_AUTH') !== refresh) return undefined;
    }
    return fault();
  });
}

describe('Cognito failing on every route', () => {
  for (const route of ROUTES) {
    for (const [fault, answer] of Object.entries(FAULTS)) {
      // An account operation's answer is Cognito's own, passed through: an empty one is a valid answer there.
      if (fault === 'an answer missing its fields' && route.name.startsWith('POST /command')) continue;
      it(`${route.name}, ${fault}: a typed, retryable answer, cookies untouched, and the same request works once Cognito is back`, { timeout: 20_000 }, async () => {
        const pool = await prepared(route.setup, fault === 'a timeout' ? 3_000 : 10_000);
        const jar = new Map(pool.jar);
        const state = { signedOut: 'signedOut', challenge: 'challenge', signedIn: 'signedIn', expiring: 'signedIn' }[route.setup];
        server.use(failing(route.operation, route.setup === 'expiring' || route.name === 'POST /refresh', answer));
        const failed = await route.call(pool);
        expect(failed.status, JSON.stringify(failed.body)).toBeGreaterThanOrEqual(429);
        expect([429, 502, 503, 504]).toContain(failed.status);
        expect(failed.body.error.retryable).toBe(true);
        const expected = { 'a 5xx': 'InternalErrorException', 'a 503 without a body': 'ServiceUnavailable', throttling: 'TooManyRequestsException', 'a timeout': 'NetworkError', 'a dropped connection': 'NetworkError', 'a non-JSON answer': 'InvalidResponse', 'an answer missing its fields': 'InvalidResponse' }[fault];
        expect(failed.body.error.name).toBe(expected);
        // Nothing changed: the browser's cookies are as they were, its state the same.
        expect(failed.headers.getSetCookie().filter((c) => c.includes('cognito-session.'))).toEqual([]);
        expect(new Map(pool.jar)).toEqual(jar);
        if (failed.body.state) expect(failed.body.state.status).toBe(state);
        // Cognito is back: the same request succeeds (the challenge is still answerable).
        server.resetHandlers();
        server.use(...pool.sim.handlers);
        const again = await route.call(pool);
        expect(again.status, JSON.stringify(again.body)).toBe(200);
      });
    }
  }
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawExchange, requestHead, type RawOutcome } from '../helpers/rawHttp';
import { cookieFetch, startExampleServer } from './exampleServer';

// The example server (node:http, toNodeListener, the auth handler, Vite for the page) as its own process,
// under a few thousand random and hostile requests. Each must get an HTTP answer under 500 (or, when the
// client drops the connection, a closed one), and the server must go on serving and stay alive.
const REQUEST_TIMEOUT_MS = 1500;
/** Batches of requests sent at once, and how many; `HOSTILE_RUNS=2000` for a longer search. */
const BATCH = 8;
const RUNS = Number(process.env.HOSTILE_RUNS ?? 400);
let example: Awaited<ReturnType<typeof startExampleServer>>;
let csrf = '';
/** Real sealed cookies, for the random requests to replay, mangle and mix: pat signed in, tia at her TOTP step. */
const real = { session: '', challenge: '' };
beforeAll(async () => {
  example = await startExampleServer(['--request-timeout', String(REQUEST_TIMEOUT_MS)]);
  const page = await rawExchange(example.port, { head: requestHead('GET', '/api/auth/session') });
  csrf = /cognito-session-csrf=([^;]+)/.exec(page.headers['set-cookie']?.join('\n') ?? '')?.[1] ?? '';
  expect(csrf).not.toBe('');
  real.session = await sealedCookie('pat');
  real.challenge = await sealedCookie('tia');
});
afterAll(() => example?.stop());

async function sealedCookie(username: string) {
  const { fetch, jar } = cookieFetch(example.url);
  await fetch('/api/auth/session');
  const signIn = await fetch('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': jar.get('cognito-session-csrf')! },
    body: JSON.stringify({ username, password: 'Passw0rd!long' }),
  });
  expect(signIn.status).toBe(200);
  return [...jar].filter(([name]) => name.startsWith('cognito-session.')).map(([name, value]) => `${name}=${value}`).join('; ');
}

const BASE = '/api/auth';
const ROUTES = ['session', 'user', 'sign-in', 'respond', 'cancel', 'refresh', 'sign-out', 'command'];
const INHERITED = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const ENCODED = ['%5F%5Fproto%5F%5F', '__proto__%00', '%2e%2e%2fsession', '..%2F..%2Fetc%2Fpasswd', 'session%20', 'sign%2Din', '%C0%AE%C0%AE', '%', '%%41', '%E0%A4%A'];
const OPERATIONS = ['SignUp', 'ConfirmSignUp', 'ForgotPassword', 'ChangePassword', 'DeleteUser', 'ListDevices', 'AdminDeleteUser', 'InitiateAuth', ...INHERITED];

/** Printable text without CR/LF (those would end the request line or a header early, a different test). */
const text = (maxLength: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength });
const token = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,24}$/);
const base64url = (maxLength: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9_-]{0,${maxLength}}$`));

const method = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'POST') },
  { weight: 2, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND', 'SEARCH') },
  { weight: 1, arbitrary: token },
);

const path = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...ROUTES).map((r) => `${BASE}/${r}`) },
  { weight: 2, arbitrary: fc.constantFrom(...INHERITED, ...ENCODED).map((r) => `${BASE}/${r}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ROUTES), text(30)).map(([r, rest]) => `${BASE}/${r}${encodeURI(rest)}`) },
  { weight: 1, arbitrary: text(40).map((t) => `${BASE}/${encodeURIComponent(t)}`) },
  { weight: 1, arbitrary: fc.constantFrom('/', '/api/me', '/api/auth', '/api/authx', '/__proto__', '/constructor', '/index.html', '/%2e%2e/%2e%2e/etc/passwd', '/@fs/etc/passwd', '/api/me?__proto__=1', '//api/auth/session', '/api/auth/../../api/auth/session') },
  { weight: 1, arbitrary: text(60).filter((t) => !t.includes(' ')).map((t) => `/${t}`) },
);

const cookie = fc.oneof(
  { weight: 3, arbitrary: fc.constant<string | undefined>(undefined) },
  { weight: 2, arbitrary: fc.constant(`cognito-session-csrf=${'CSRF'}`) },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof(base64url(400), text(60), fc.constantFrom('A', 'AAAAA', '', '%%%', 'eyJhbGciOiJub25lIn0.e30.')), { minLength: 1, maxLength: 12 })
      .chain((chunks) => fc.tuple(fc.constant(chunks), fc.integer({ min: 0, max: 3 })))
      .map(([chunks, skip]) => chunks.map((value, i) => `cognito-session.${i + skip}=${value.replace(/;/g, '')}`).join('; ')),
  },
  { weight: 1, arbitrary: fc.integer({ min: 20, max: 80 }).map((n) => Array.from({ length: n }, (_, i) => `cognito-session.${i}=${'A'.repeat(100)}`).join('; ')) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__=x', 'constructor=1; toString=2', 'cognito-session.__proto__=A', '=; ;;=;', 'cognito-session.0') },
  // The real ones, as they are (replayed, perhaps after a sign-out), cut short, or with a character changed.
  { weight: 3, arbitrary: fc.constantFrom('SESSION', 'CHALLENGE') },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('SESSION', 'CHALLENGE'), fc.nat(), fc.constantFrom('A', '-', '_', '')).map(([which, at, c]) => `${which}:${at}:${c}`),
  },
);

/** The placeholders of `cookie`, with the real values of this run. */
function realCookies(cookie: string): string {
  const mangled = /^(SESSION|CHALLENGE):(\d+):(.*)$/.exec(cookie);
  if (mangled) {
    const value = mangled[1] === 'SESSION' ? real.session : real.challenge;
    const at = 20 + (Number(mangled[2]) % Math.max(1, value.length - 20));
    return value.slice(0, at) + mangled[3] + (mangled[3] === '' ? '' : value.slice(at + 1));
  }
  return cookie.replace(/^SESSION$/, real.session).replace(/^CHALLENGE$/, real.challenge).replace('CSRF', csrf);
}

/** JSON values shaped like what the routes read, and values nothing expects. */
const field = fc.oneof(fc.jsonValue({ maxDepth: 2 }), text(20), fc.constantFrom('tia', 'pat', 'Passw0rd!long', '123456', '__proto__'));
const shapedBody = fc.record(
  {
    username: field,
    password: field,
    authFlow: fc.oneof(field, fc.constantFrom('USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'USER_AUTH', 'CUSTOM_AUTH')),
    preferredChallenge: field,
    clientMetadata: fc.oneof(field, fc.dictionary(text(10), text(10), { maxKeys: 3 })),
    answer: fc.oneof(field, fc.record({ name: fc.oneof(field, fc.constantFrom('SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'NEW_PASSWORD_REQUIRED', 'MFA_SETUP', 'constructor')), code: field, newPassword: field, attributes: field }, { requiredKeys: ['name'] })),
    operation: fc.oneof(field, fc.constantFrom(...OPERATIONS)),
    input: fc.oneof(field, fc.dictionary(fc.oneof(text(12), fc.constantFrom('Username', 'Password', 'ClientId', 'AccessToken', '__proto__', 'ClientMetadata', 'UserAttributes')), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 })),
    global: field,
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  { weight: 2, arbitrary: fc.constant<string | Buffer | undefined>(undefined) },
  { weight: 5, arbitrary: shapedBody.map((b) => JSON.stringify(b)) },
  { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 2, arbitrary: fc.tuple(shapedBody.map((b) => JSON.stringify(b)), fc.nat()).map(([json, cut]) => json.slice(0, cut % (json.length + 1))) },
  { weight: 1, arbitrary: fc.constantFrom(`{"__proto__":{"operation":"DeleteUser"},"operation":"__proto__","input":{}}`, '{"a":' + '['.repeat(5000), '"\\ud800"', '{"username":"\u0000"}') },
  { weight: 1, arbitrary: fc.integer({ min: 16 * 1024 - 10, max: 200 * 1024 }).map((n) => `{"username":"${'x'.repeat(n)}"}`) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)) },
);
const contentType = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') },
  { weight: 2, arbitrary: fc.constantFrom<string | undefined>(undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', 'APPLICATION/JSON', '') },
  { weight: 1, arbitrary: text(40) },
);
/** Extra headers: random ones, huge ones, and framing or routing headers a proxy would frown at. */
const headers = fc.array(
  fc.oneof(
    { weight: 3, arbitrary: fc.tuple(token.filter((n) => !/^(connection|content-length|transfer-encoding|host|cookie|content-type)$/i.test(n)), text(80)) },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: 40_000 }).map((n): [string, string] => ['X-Huge', 'h'.repeat(n)]) },
    {
      weight: 2,
      arbitrary: fc.constantFrom<[string, string]>(
        ['X-Forwarded-For', '1.2.3.4, 5.6.7.8'],
        ['X-Forwarded-For', 'not an address'],
        ['Origin', 'https://evil.example'],
        ['Origin', 'null'],
        ['X-CSRF-Token', 'forged'],
        ['Expect', '100-continue'],
        ['Expect', 'something-else'],
        ['Host', 'a b'],
        ['Host', '[::1'],
        ['Host', 'evil.example:99999'],
        ['Host', 'example.com/api/auth'],
        ['Content-Length', 'abc'],
        ['Content-Length', '-1'],
        ['Content-Encoding', 'gzip'],
        ['Authorization', 'Bearer eyJhbGciOiJub25lIn0.e30.'],
        ['Accept-Language', 'x'.repeat(200)],
        ['Upgrade', 'websocket'],
      ),
    },
  ),
  { maxLength: 4 },
);
/** How the body is framed: honestly, chunked, with a length that lies, or with no length at all. */
const framing = fc.constantFrom('length', 'length', 'length', 'chunked', 'long', 'none');

interface Hostile {
  method: string;
  path: string;
  cookie: string | undefined;
  csrf: boolean;
  contentType: string | undefined;
  headers: Array<[string, string]>;
  body: string | Buffer | undefined;
  framing: 'length' | 'chunked' | 'long' | 'none';
  /** Drop the connection halfway through the body (after declaring more than is sent). */
  abort: boolean;
}
const anything: fc.Arbitrary<Hostile> = fc.record({
  method,
  path,
  cookie,
  csrf: fc.boolean(),
  contentType,
  headers,
  body,
  framing,
  abort: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});
/** Requests that pass the checks at the door (method, CSRF, origin, JSON), so that the routes' own logic meets the random bodies and cookies. */
const plausible: fc.Arbitrary<Hostile> = fc.constantFrom(...ROUTES).chain((route) =>
  fc.record({
    method: fc.constant(route === 'session' || route === 'user' ? 'GET' : 'POST'),
    path: fc.constant(`${BASE}/${route}`),
    cookie,
    csrf: fc.constant(true),
    contentType: fc.constant<string | undefined>('application/json'),
    headers: fc.constant<Array<[string, string]>>([]),
    body: shapedBody.map((b): string | Buffer | undefined => JSON.stringify(b)),
    framing: fc.constant('length' as const),
    abort: fc.constant(false),
  }),
);
const hostile = fc.oneof({ weight: 3, arbitrary: anything }, { weight: 2, arbitrary: plausible });

function toRaw(request: Hostile) {
  // The Host a browser sends, so the origin check passes when Origin is the page's own.
  const all: Array<[string, string]> = request.headers.some(([name]) => /^host$/i.test(name)) ? [] : [['Host', `127.0.0.1:${example.port}`]];
  const cookies = [request.cookie === undefined ? undefined : realCookies(request.cookie), request.csrf ? `cognito-session-csrf=${csrf}` : undefined].filter(Boolean);
  if (cookies.length) all.push(['Cookie', cookies.join('; ')]);
  if (request.csrf) all.push(['X-CSRF-Token', csrf], ['Origin', example.url]);
  if (request.contentType !== undefined) all.push(['Content-Type', request.contentType]);
  all.push(...request.headers);
  const payload = request.body === undefined ? Buffer.alloc(0) : Buffer.from(request.body);
  const parts: Buffer[] = [];
  if (request.abort) {
    // Declare the whole body, send half, and go.
    all.push(['Content-Length', String(payload.length + 10)]);
    parts.push(payload.subarray(0, Math.floor(payload.length / 2)));
  } else if (request.framing === 'chunked') {
    all.push(['Transfer-Encoding', 'chunked']);
    for (let i = 0; i < payload.length; i += 4096) {
      const piece = payload.subarray(i, i + 4096);
      parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from('0\r\n\r\n'));
  } else if (request.framing === 'long') {
    // A length shorter than the body: the rest is garbage where the next request would start.
    all.push(['Content-Length', String(Math.floor(payload.length / 2))]);
    parts.push(payload);
  } else if (request.framing === 'none') {
    parts.push(payload);
  } else {
    all.push(['Content-Length', String(payload.length)]);
    parts.push(payload);
  }
  return { head: requestHead(request.method, request.path, all), body: parts, then: request.abort ? ('abort' as const) : ('wait' as const), timeoutMs: 8000 };
}

const describeRequest = (request: Hostile) =>
  JSON.stringify({ ...request, body: request.body === undefined ? undefined : String(request.body).slice(0, 200), headers: request.headers.map(([n, v]) => [n, v.slice(0, 80)]) });

/** The answer must be an HTTP one under 500, or a closed connection where the client dropped it. */
function check(request: Hostile, outcome: RawOutcome) {
  if (outcome.status === undefined) {
    if (request.abort && outcome.end === 'aborted') return;
    throw new Error(`no answer (${outcome.end}) to ${describeRequest(request)}`);
  }
  if (outcome.status >= 500) throw new Error(`${outcome.status} ${outcome.body.slice(0, 300)} for ${describeRequest(request)}`);
}

describe('the example server under hostile requests', () => {
  it('answers thousands of random and hostile requests under 500, and still serves afterwards', async () => {
    const started = Date.now();
    let sent = 0;
    const statuses = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const outcomes = await Promise.all(batch.map((request) => rawExchange(example.port, toRaw(request))));
        sent += batch.length;
        batch.forEach((request, i) => {
          const outcome = outcomes[i]!;
          const key = String(outcome.status ?? outcome.end);
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          check(request, outcome);
        });
      }),
      // No shrinking: each step would be a round of network requests; the failure names its request.
      { numRuns: RUNS, endOnFailure: true },
    );
    // Most are refused at the door, some get deep into the routes: all kinds are there.
    const answers = JSON.stringify(Object.fromEntries([...statuses].sort()));
    for (const status of ['200', '400', '401', '403', '404', '405', '409', '413', '431', 'aborted']) expect(statuses.get(status), answers).toBeGreaterThan(0);
    expect(sent).toBe(RUNS * BATCH);
    expect(Date.now() - started, answers).toBeLessThan(25_000);
    const page = await rawExchange(example.port, { head: requestHead('GET', '/api/auth/session') });
    expect(page.status).toBe(200);
    expect(JSON.parse(page.body)).toMatchObject({ state: { status: 'signedOut' } });
    expect(example.alive()).toBe(true);
    expect(example.output()).not.toMatch(/unhandled|uncaught/i);
  });

  it('ends half-sent headers and bodies (slowloris) with a 408 or a closed connection, and still serves', async () => {
    const started = Date.now();
    const slow = [
      // Headers that never end.
      ...Array.from({ length: 20 }, (_, i) => rawExchange(example.port, { head: `GET ${BASE}/session HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow-${i}: a`, then: 'stall', timeoutMs: 8000 })),
      // A body that never ends, on each kind of route.
      ...Array.from({ length: 20 }, (_, i) =>
        rawExchange(example.port, {
          head: requestHead('POST', i % 2 ? `${BASE}/sign-in` : '/api/me', [['Content-Type', 'application/json'], ['Content-Length', '5000'], ['Cookie', `cognito-session-csrf=${csrf}`], ['X-CSRF-Token', csrf]]),
          body: ['{"username":"t'],
          then: 'stall',
          timeoutMs: 8000,
        }),
      ),
      // A chunked body whose last chunk never comes.
      ...Array.from({ length: 10 }, () =>
        rawExchange(example.port, { head: requestHead('POST', `${BASE}/command`, [['Content-Type', 'application/json'], ['Transfer-Encoding', 'chunked']]), body: ['5\r\n{"ope\r\n'], then: 'stall', timeoutMs: 8000 }),
      ),
    ];
    // Meanwhile the server answers everyone else.
    const meanwhile = await rawExchange(example.port, { head: requestHead('GET', `${BASE}/session`) });
    expect(meanwhile.status).toBe(200);
    for (const outcome of await Promise.all(slow)) {
      expect(['answered', 'closed'], JSON.stringify(outcome)).toContain(outcome.end);
      if (outcome.status !== undefined) expect(outcome.status).toBe(408);
    }
    expect(Date.now() - started).toBeLessThan(REQUEST_TIMEOUT_MS + 4000);
    const page = await rawExchange(example.port, { head: requestHead('GET', `${BASE}/session`) });
    expect(page.status).toBe(200);
    expect(example.alive()).toBe(true);
  });
});

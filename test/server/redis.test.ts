import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthHandler, redisStores, type AuthHandler } from '../../src/server/index';
import { createUserPoolSimulator } from '../../src/testing/index';
import { CLIENT_ID, PASSWORD, REGION, USER_POOL_ID, mswServerPerFile } from '../helpers/pool';
import { ORIGIN, SECRET } from './support';

const server = mswServerPerFile();
const pat = { username: 'pat', password: PASSWORD, attributes: { email: 'pat@example.com' } };

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function accepting(port: number, until: number): Promise<void> {
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let redisProcess: ChildProcess;
let redis: ReturnType<typeof createClient>;

beforeAll(async () => {
  const port = await freePort();
  // Debian's redis-server (.ci/run installs it), on loopback only, nothing written to disk.
  redisProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await accepting(port, Date.now() + 10_000);
  redis = createClient({ url: `redis://127.0.0.1:${port}` });
  await redis.connect();
}, 20_000);

afterAll(async () => {
  await redis?.quit();
  if (redisProcess?.pid) process.kill(redisProcess.pid);
});

/** One simulated pool, two server instances in front of it sharing one Redis, and a browser's cookie. */
async function twoInstances(simulator: Partial<Parameters<typeof createUserPoolSimulator>[0]> = {}) {
  const sim = createUserPoolSimulator({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID, users: [pat], ...simulator });
  server.use(...sim.handlers);
  const prefix = `test:${crypto.randomUUID()}:`;
  const instance = (): AuthHandler =>
    createAuthHandler({
      region: REGION,
      userPoolId: USER_POOL_ID,
      clientId: CLIENT_ID,
      cookieSecrets: [SECRET],
      authFlow: 'USER_PASSWORD_AUTH',
      client: new CognitoIdentityProviderClient({ region: REGION, maxAttempts: 1, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } }),
      clock: () => sim.now(),
      ...redisStores(redis, { prefix, clock: () => sim.now() }),
    });
  const a = instance();
  const b = instance();
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (/Max-Age=0\b/.test(line)) jar.delete(pair.slice(0, eq));
      else jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return response;
  };
  const post = async (handler: AuthHandler, route: string, body: unknown) => {
    const csrf = [...jar].find(([k]) => k.endsWith('-csrf'))?.[1] ?? '';
    return keep(
      await handler(
        new Request(`${ORIGIN}/api/auth/${route}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN, cookie: cookie(), 'x-csrf-token': csrf }, body: JSON.stringify(body) }),
      ),
    );
  };
  keep(await a(new Request(`${ORIGIN}/api/auth/session`)));
  expect((await post(a, 'sign-in', { username: 'pat', password: PASSWORD })).status).toBe(200);
  const read = (handler: AuthHandler, with_ = cookie()) => handler.getSession(new Request(`${ORIGIN}/api/orders`, { headers: { cookie: with_ } }));
  return { sim, a, b, post, read, cookie, prefix };
}

describe('several instances sharing one Redis', () => {
  it('refuses on instance B a session signed out on instance A', async () => {
    const { a, b, post, read, cookie } = await twoInstances();
    const copy = cookie();
    expect((await read(b, copy))?.user.username).toBe('pat');
    expect((await post(a, 'sign-out', {})).status).toBe(200);
    expect(await read(b, copy)).toBeNull();
    const page = await b(new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie: copy } }));
    expect(((await page.json()) as { state: { status: string } }).state.status).toBe('signedOut');
  });

  it('makes one refresh for 25 concurrent getSession calls across A and B with an expiring token', async () => {
    const { sim, a, b, read, cookie } = await twoInstances({ accessTokenValidityMinutes: 5 });
    sim.advanceTime(10 * 60_000);
    const old = cookie();
    const sessions = await Promise.all(Array.from({ length: 25 }, (_, i) => read(i % 2 ? b : a, old)));
    const refreshes = sim.requests.filter((r) => (r.input as { AuthFlow?: string }).AuthFlow === 'REFRESH_TOKEN_AUTH');
    expect(refreshes).toHaveLength(1);
    expect(sessions.every((s) => s?.user.username === 'pat')).toBe(true);
    expect(new Set(sessions.map((s) => s?.accessToken)).size).toBe(1);
  });

  it('keeps its keys under the prefix, each with a time to live', async () => {
    const { a, post, prefix } = await twoInstances();
    await post(a, 'sign-out', {});
    const keys = await redis.keys(`${prefix}*`);
    expect(keys.some((k) => k.startsWith(`${prefix}revoked:`))).toBe(true);
    for (const key of keys) expect(await redis.pTTL(key)).toBeGreaterThan(0);
  });
});

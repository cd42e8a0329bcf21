import { describe, expect, it } from 'vitest';
import { createAuthHandler, type AuthHandlerOptions } from '../../src/server/index';
import { PASSWORD, mswServerPerFile } from '../helpers/pool';
import { SECRET, createServerPool } from './support';

const server = mswServerPerFile();
const pat = { username: 'pat', password: PASSWORD, attributes: { email: 'pat@example.com' } };

/**
 * A pool and handler, and a sign-in POSTed to `url` with the given headers (plus the CSRF pair), as a
 * framework or a proxy hands the request to the handler.
 */
async function signInVia(options: Partial<AuthHandlerOptions>, url: string, headers: Record<string, string>) {
  const seen: (string | undefined)[] = [];
  const pool = createServerPool(server, { users: [pat] }, { authFlow: 'USER_PASSWORD_AUTH', rateLimit: ({ ip }) => (seen.push(ip), { ok: true }), ...options });
  await pool.call('GET', 'session');
  const response = await pool.handler(
    new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: pool.cookieHeader(), 'x-csrf-token': pool.jar.get('__Host-cognito-session-csrf')!, ...headers },
      body: JSON.stringify({ username: 'pat', password: PASSWORD }),
    }),
  );
  const body = (await response.json()) as { state: { status: string }; error?: { name: string; message: string } };
  const admin = pool.sim.requests.find((r) => r.operation === 'AdminInitiateAuth')?.input as { ContextData?: { IpAddress?: string } } | undefined;
  return { status: response.status, body, ips: seen.slice(1), contextIp: admin?.ContextData?.IpAddress };
}

describe('same origin is the origin the browser reached', () => {
  it('accepts a page at http://127.0.0.1:3000 though the framework normalised request.url to localhost (next start -H 127.0.0.1)', async () => {
    const { status, body } = await signInVia({}, 'http://localhost:3000/api/auth/sign-in', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' });
    expect(body.error).toBeUndefined();
    expect(status).toBe(200);
    expect(body.state.status).toBe('signedIn');
  });

  it('decides by the Host header, not the url, and names the allowedOrigins option when it refuses', async () => {
    const { status, body } = await signInVia({}, 'http://127.0.0.1:3000/api/auth/sign-in', { host: 'app.example', origin: 'http://127.0.0.1:3000' });
    expect(status).toBe(403);
    expect(body.error?.name).toBe('OriginNotAllowed');
    expect(body.error?.message).toMatch(/allowedOrigins/);
  });

  it('keeps its own origin allowed when allowedOrigins lists others', async () => {
    const options = { allowedOrigins: ['https://admin.example'] };
    expect((await signInVia(options, 'https://app.example/api/auth/sign-in', { host: 'app.example', origin: 'https://app.example' })).status).toBe(200);
    expect((await signInVia(options, 'https://app.example/api/auth/sign-in', { host: 'app.example', origin: 'https://admin.example' })).status).toBe(200);
    expect((await signInVia(options, 'https://app.example/api/auth/sign-in', { host: 'app.example', origin: 'https://evil.example' })).status).toBe(403);
  });

  it('reads X-Forwarded-Host and X-Forwarded-Proto only with trustProxy, as your proxy wrote them', async () => {
    const behindProxy = { host: '10.0.0.5:3000', origin: 'https://app.example', 'x-forwarded-host': 'app.example', 'x-forwarded-proto': 'https' };
    expect((await signInVia({ trustProxy: true }, 'http://10.0.0.5:3000/api/auth/sign-in', behindProxy)).status).toBe(200);
    expect((await signInVia({}, 'http://10.0.0.5:3000/api/auth/sign-in', behindProxy)).body.error?.name).toBe('OriginNotAllowed');
    // A value the client wrote itself comes first; the proxy appends what it saw.
    const spoofed = { ...behindProxy, origin: 'https://evil.example', 'x-forwarded-host': 'evil.example, app.example', 'x-forwarded-proto': 'https, https' };
    expect((await signInVia({ trustProxy: true }, 'http://10.0.0.5:3000/api/auth/sign-in', spoofed)).body.error?.name).toBe('OriginNotAllowed');
  });
});

describe('the client IP behind a proxy', () => {
  it('takes the address your proxy appended, not the left entry the client wrote', async () => {
    const { ips, contextIp } = await signInVia({ trustProxy: true }, 'https://app.example/api/auth/sign-in', { origin: 'https://app.example', 'x-forwarded-for': '6.6.6.6, 203.0.113.7' });
    expect(ips).toEqual(['203.0.113.7']);
    expect(contextIp).toBe('203.0.113.7');
  });

  it('counts the configured trusted hops from the right', async () => {
    const two = { trustProxy: { hops: 2 } };
    const { ips, contextIp } = await signInVia(two, 'https://app.example/api/auth/sign-in', { origin: 'https://app.example', 'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.2' });
    expect(ips).toEqual(['203.0.113.7']);
    expect(contextIp).toBe('203.0.113.7');
    // Fewer entries than hops: every entry is a proxy's, the first is the client as the outermost one saw it.
    expect((await signInVia(two, 'https://app.example/api/auth/sign-in', { origin: 'https://app.example', 'x-forwarded-for': '203.0.113.7' })).ips).toEqual(['203.0.113.7']);
  });

  it('ignores X-Forwarded-For without trustProxy', async () => {
    const { ips } = await signInVia({ clientIp: () => '198.51.100.1' }, 'https://app.example/api/auth/sign-in', { origin: 'https://app.example', 'x-forwarded-for': '6.6.6.6' });
    expect(ips).toEqual(['198.51.100.1']);
  });

  it('refuses a trustProxy hop count that is not a whole number of at least one', () => {
    const base = { region: 'eu-west-1', userPoolId: 'eu-west-1_TestPool1', clientId: 'testclient123', cookieSecrets: [SECRET] };
    for (const hops of [0, -1, 1.5, Number.NaN]) expect(() => createAuthHandler({ ...base, trustProxy: { hops } })).toThrow(/trustProxy/);
  });
});

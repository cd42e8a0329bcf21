import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAuthHandler, toNodeListener } from '../../src/server/index';
import { rawExchange, requestHead } from '../helpers/rawHttp';
import { SECRET } from './support';

// toNodeListener on a real node:http server: what a hostile or broken client can do to it must end in an
// answer or a closed connection, never a rejected promise (which ends a Node process).
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
let server: Server;
let port: number;
let log: unknown[][] = [];
let throwing: unknown = null;

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  // No Cognito behind it: every route these tests call answers before any request to the service.
  const auth = createAuthHandler({
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_TestPool1',
    clientId: 'testclient123',
    cookieSecrets: [SECRET],
    client: new CognitoIdentityProviderClient({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:9', maxAttempts: 1, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } }),
  });
  const listener = toNodeListener(auth);
  const failing = toNodeListener(
    async () => {
      throw throwing;
    },
    { logger: (...args: unknown[]) => log.push(args) },
  );
  server = createServer((req, res) => void (req.url?.startsWith('/fail') ? failing(req, res) : listener(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterEach(() => {
  log = [];
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Lets whatever the server was doing settle, then checks that nothing was left rejected. */
async function noRejection() {
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(rejections).toEqual([]);
}

const json = (path: string, body: string | Buffer, headers: Array<[string, string]> = []) =>
  requestHead('POST', path, [['Content-Type', 'application/json'], ['Content-Length', String(Buffer.byteLength(body))], ...headers]);

async function stillServing() {
  const page = await rawExchange(port, { head: requestHead('GET', '/api/auth/session') });
  expect(page.status).toBe(200);
}

describe('toNodeListener, given a client that misbehaves', () => {
  it('answers 413 to a body over its cap, declared or not, without reading the rest, and keeps serving', async () => {
    const big = Buffer.alloc(200 * 1024, 'a');
    const declared = await rawExchange(port, { head: json('/api/auth/sign-in', big), body: [big] });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ error: { name: 'PayloadTooLarge' } });
    // Chunked, so no length is known until the cap is passed.
    const chunk = Buffer.alloc(16 * 1024, 'a');
    const framed = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
    const chunked = await rawExchange(port, {
      head: requestHead('POST', '/api/auth/sign-in', [['Content-Type', 'application/json'], ['Transfer-Encoding', 'chunked']]),
      body: Array.from({ length: 8 }, () => framed),
    });
    expect(chunked.status).toBe(413);
    await noRejection();
    await stillServing();
  });

  it('treats a client that goes away mid-body as finished: no answer written, no rejection', async () => {
    for (let i = 0; i < 5; i++) {
      const cut = await rawExchange(port, { head: json('/api/auth/sign-in', 'x'.repeat(1000)), body: ['{"username":"pat"'], then: 'abort' });
      expect(cut.end).toBe('aborted');
    }
    await noRejection();
    await stillServing();
  });

  it('answers 500 with a generic JSON body when the handler throws, and logs the detail on the server', async () => {
    throwing = new Error('connect ECONNREFUSED 10.0.0.7:5432');
    const failed = await rawExchange(port, { head: requestHead('GET', '/fail') });
    expect(failed.status).toBe(500);
    expect(failed.headers['content-type']?.[0]).toMatch(/^application\/json/);
    expect(failed.headers['x-content-type-options']).toEqual(['nosniff']);
    expect(JSON.parse(failed.body)).toEqual({ error: { name: 'UnknownError', message: expect.any(String), retryable: false } });
    expect(failed.body).not.toContain('ECONNREFUSED');
    expect(JSON.stringify(log.flat(), (_, v: unknown) => (v instanceof Error ? v.message : v))).toContain('ECONNREFUSED');
    // Even a handler that throws something that is not an Error.
    throwing = undefined;
    expect((await rawExchange(port, { head: requestHead('GET', '/fail') })).status).toBe(500);
    await noRejection();
  });

  it('answers 400 to a request no Web Request can be made of (a bad Host, TRACE), and keeps serving good ones', async () => {
    for (const host of ['a b', 'example.com/api/auth', 'user@example.com', '[::1', 'example.com:99999']) {
      const badHost = await rawExchange(port, { head: requestHead('GET', '/api/auth/session', [['Host', host]]) });
      expect(badHost.status, host).toBe(400);
    }
    for (const host of ['auth_service:8080', 'app.example', '[::1]:3000', '10.0.0.7']) {
      expect((await rawExchange(port, { head: requestHead('GET', '/api/auth/session', [['Host', host]]) })).status, host).toBe(200);
    }
    const absolute = await rawExchange(port, { head: requestHead('GET', 'http://elsewhere.example/api/auth/session') });
    expect(absolute.status).toBeLessThan(500);
    const trace = await rawExchange(port, { head: requestHead('TRACE', '/api/auth/session') });
    expect(trace.status).toBeGreaterThanOrEqual(400);
    expect(trace.status).toBeLessThan(500);
    await noRejection();
    await stillServing();
  });
});

/**
 * The simulated pool over real HTTP: the real AWS SDK client with `endpoint`, the engine on top, the
 * .well-known files, CORS, the /_sim helpers, malformed input, and the extra-route extension point.
 */
import { request as httpRequest } from 'node:http';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  GetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, describe, expect, it } from 'vitest';
import { createCognitoAuth } from '../../src/core/index.js';
import { startUserPoolServer, totpCode, type UserPoolServer, type UserPoolServerOptions } from '../../src/testing/index.js';
import { claimsOf, CLIENT_ID, PASSWORD, POOL_ID } from './support.js';

const attributes = { email: 'alice@example.com', email_verified: 'true' };
const alice = { username: 'alice', password: PASSWORD, attributes };

let running: UserPoolServer[] = [];
afterEach(async () => {
  await Promise.all(running.map((s) => s.close()));
  running = [];
});

async function serve(options: Partial<UserPoolServerOptions> = {}) {
  const server = await startUserPoolServer({ userPoolId: POOL_ID, clientId: CLIENT_ID, users: [alice], ...options });
  running.push(server);
  // No credentials: the sign-in operations are unauthenticated; admin calls get fake ones (not checked).
  const client = new CognitoIdentityProviderClient({
    region: 'eu-west-1',
    endpoint: server.url,
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-checked' },
  });
  const auth = (config: Partial<Parameters<typeof createCognitoAuth>[0]> = {}) =>
    createCognitoAuth({ region: 'eu-west-1', userPoolId: POOL_ID, clientId: CLIENT_ID, endpoint: server.url, autoRefresh: false, ...config });
  return { server, client, auth };
}

/** A raw HTTP exchange, for what fetch would not send (oversized bodies, odd methods). */
function raw(url: string, options: { method: string; headers?: Record<string, string>; body?: string | Buffer }) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { method: options.method, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('startUserPoolServer', () => {
  it('binds to 127.0.0.1 on a free port and serves the JSON protocol to the AWS SDK: SRP through the engine', async () => {
    const { server, client, auth } = await serve();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const store = auth();
    expect(await store.signIn({ username: 'alice', password: PASSWORD })).toEqual({ name: 'DONE' });
    expect(server.sim.requests.map((r) => r.operation)).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    expect((server.sim.requests[0]?.input as { AuthFlow: string }).AuthFlow).toBe('USER_SRP_AUTH');
    const user = await client.send(new GetUserCommand({ AccessToken: store.getTokens()!.accessToken }));
    expect(user.Username).toBe('alice');
  });

  it('serves the JWKS and OpenID configuration the tokens verify against', async () => {
    const { server, auth } = await serve();
    const store = auth();
    await store.signIn({ username: 'alice', password: PASSWORD });
    const config = (await (await fetch(`${server.url}${POOL_ID}/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
    expect(config.issuer).toBe(`https://cognito-idp.eu-west-1.amazonaws.com/${POOL_ID}`);
    expect(config.jwks_uri).toBe(`${server.url}${POOL_ID}/.well-known/jwks.json`);
    const jwks = (await (await fetch(config.jwks_uri)).json()) as { keys: (JsonWebKey & { kid: string })[] };
    const token = store.getTokens()!.idToken;
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { kid: string };
    const key = await crypto.subtle.importKey('jwk', jwks.keys.find((k) => k.kid === kid)!, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
    expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, Buffer.from(signature, 'base64url'), new TextEncoder().encode(`${header}.${payload}`))).toBe(true);
    expect(claimsOf(token).iss).toBe(config.issuer);
    const missing = await fetch(`${server.url}eu-west-1_Other1/.well-known/jwks.json`);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ __type: 'ResourceNotFoundException', message: 'User pool eu-west-1_Other1 does not exist.' });
    expect((await fetch(`${server.url}${POOL_ID}/.well-known/nothing.json`)).status).toBe(404);
  });

  it('sets up TOTP MFA in a pool that requires it, with the code from the /_sim helper', async () => {
    const { server, auth } = await serve({ mfaConfiguration: 'ON' });
    const store = auth();
    const step = await store.signIn({ username: 'alice', password: PASSWORD });
    if (step.name !== 'MFA_SETUP' || !step.totp) throw new Error(`expected MFA_SETUP, got ${JSON.stringify(step)}`);
    const helper = (await (await fetch(`${server.url}_sim/users/alice/totp`)).json()) as { code: string };
    expect(helper.code).toBe(await totpCode(step.totp.secret, server.sim.now()));
    expect(await store.respondToChallenge({ name: 'MFA_SETUP', method: 'SOFTWARE_TOKEN_MFA', code: helper.code })).toEqual({ name: 'DONE' });
    expect(server.sim.user('alice')?.mfa.totp).toBe(true);
  });

  it('signs in with USER_AUTH and an email code read from /_sim/users/<name>/code', async () => {
    const { server, auth } = await serve();
    const store = auth({ authFlow: 'USER_AUTH' });
    expect(await store.signIn({ username: 'alice' })).toMatchObject({ name: 'SELECT_CHALLENGE' });
    expect(await store.respondToChallenge({ name: 'SELECT_CHALLENGE', challenge: 'EMAIL_OTP' })).toMatchObject({ name: 'EMAIL_OTP' });
    const { code } = (await (await fetch(`${server.url}_sim/users/alice/code`)).json()) as { code: string };
    expect(code).toMatch(/^\d{8}$/);
    expect(await store.respondToChallenge({ name: 'EMAIL_OTP', code })).toEqual({ name: 'DONE' });
  });

  it('answers the admin calls a test set-up makes (AdminCreateUser, AdminGetUser), and lists users at /_sim/users', async () => {
    const { server, client } = await serve();
    await client.send(new AdminCreateUserCommand({ UserPoolId: POOL_ID, Username: 'bob', TemporaryPassword: 'Temp0rary!', MessageAction: 'SUPPRESS' }));
    expect(await client.send(new AdminGetUserCommand({ UserPoolId: POOL_ID, Username: 'bob' }))).toMatchObject({ Username: 'bob', UserStatus: 'FORCE_CHANGE_PASSWORD' });
    const users = (await (await fetch(`${server.url}_sim/users`)).json()) as { username: string }[];
    expect(users.map((u) => u.username)).toEqual(['alice', 'bob']);
    await expect(client.send(new AdminGetUserCommand({ UserPoolId: 'eu-west-1_Other1', Username: 'bob' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('moves the clock with POST /_sim/clock, so challenge sessions expire', async () => {
    const { server, auth } = await serve();
    const store = auth({ authFlow: 'USER_AUTH' });
    await store.signIn({ username: 'alice' });
    const before = server.sim.now();
    const moved = await fetch(`${server.url}_sim/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 10 * 60_000 }) });
    expect(((await moved.json()) as { now: number }).now).toBeGreaterThanOrEqual(before + 10 * 60_000);
    await expect(store.respondToChallenge({ name: 'SELECT_CHALLENGE', challenge: 'PASSWORD', password: PASSWORD })).rejects.toMatchObject({ name: 'NotAuthorizedException', message: expect.stringMatching(/session is expired/i) });
    const bad = await fetch(`${server.url}_sim/clock`, { method: 'POST', body: '{"advanceMs": -1}' });
    expect(bad.status).toBe(400);
  });

  it('answers CORS preflights and puts CORS headers on answers, for browser apps on another origin', async () => {
    const { server } = await serve();
    const preflight = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-amz-target' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const answer = await fetch(server.url, { method: 'POST', headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.GetUser', 'Content-Type': 'application/x-amz-json-1.1' }, body: '{"AccessToken":"x"}' });
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-expose-headers')).toContain('x-amzn-ErrorType');
  });

  it('survives malformed input: bad JSON, unknown targets, odd paths, huge bodies (413), and keeps serving', async () => {
    const { server, auth } = await serve({ maxBodyBytes: 64 * 1024 });
    const post = (body: string | Buffer, target = 'AWSCognitoIdentityProviderService.InitiateAuth') =>
      raw(server.url, { method: 'POST', headers: { 'X-Amz-Target': target, 'Content-Type': 'application/x-amz-json-1.1' }, body });
    const badJson = await post('{"AuthFlow": ');
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({ __type: 'SerializationException' });
    const unknown = await post('{}', 'AWSCognitoIdentityProviderService.NoSuchOperation');
    expect(JSON.parse(unknown.body)).toMatchObject({ __type: 'UnknownOperationException' });
    expect((await post('[1,2]')).status).toBe(400);
    const huge = await post(Buffer.alloc(200 * 1024, 'a')).catch((e: unknown) => ({ status: 413, body: String(e) }));
    expect(huge.status).toBe(413);
    expect((await raw(`${server.url}nowhere/at/all`, { method: 'DELETE' })).status).toBe(404);
    expect((await raw(`${server.url}_sim/nothing`, { method: 'GET' })).status).toBe(404);
    expect((await raw(`${server.url}_sim/users/%E0%A4%A/code`, { method: 'GET' })).status).toBe(404);
    // Still up, and still right.
    expect(await auth().signIn({ username: 'alice', password: PASSWORD })).toEqual({ name: 'DONE' });
  });

  it('mounts extra routes before the pool (the managed-login extension point), falling through on undefined', async () => {
    const seen: string[] = [];
    const { server, auth } = await serve({
      routes: [
        async (request) => {
          seen.push(new URL(request.url).pathname);
          return undefined;
        },
        async (request, { sim, url }) =>
          new URL(request.url).pathname === '/oauth2/hello' ? Response.json({ pool: sim.userPoolId, url }, { headers: { 'Set-Cookie': 'a=1' } }) : undefined,
      ],
    });
    const hello = await fetch(`${server.url}oauth2/hello`);
    expect(await hello.json()).toEqual({ pool: POOL_ID, url: server.url });
    expect(hello.headers.getSetCookie()).toEqual(['a=1']);
    expect(await auth().signIn({ username: 'alice', password: PASSWORD })).toEqual({ name: 'DONE' });
    expect(seen).toEqual(['/oauth2/hello', '/', '/']);
  });

  it('refuses a bad port before listening, and close() stops it', async () => {
    await expect(startUserPoolServer({ userPoolId: POOL_ID, clientId: CLIENT_ID, users: [], port: 70_000 })).rejects.toThrow(/port/);
    const server = await startUserPoolServer({ userPoolId: POOL_ID, clientId: CLIENT_ID, users: [] });
    await server.close();
    await expect(fetch(`${server.url}_sim/config`)).rejects.toThrow();
  });
});

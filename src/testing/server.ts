/**
 * The simulated user pool over real HTTP (node:http), for any client that can be given an endpoint: the AWS
 * SDK (`endpoint`), amazon-cognito-identity-js, Amplify, a browser app under Playwright or Cypress. Requests
 * become fetch `Request`s answered by the pool's own `handle` (the same code the MSW handlers run), after the
 * test helpers under `/_sim/` and any extra routes the caller mounts (the managed-login endpoints, say).
 *
 * No MSW here: this module and the `cognito-react-sim` command run without it installed.
 */
import { createManagedLogin } from './oauth/managedLogin.js';
import type { ManagedLoginHandler } from './oauth/types.js';
import { createSimulatedPool, CORS_HEADERS } from './simulatedPool.js';
import { totpCode } from './totp.js';
import type { SimulatedUserPool, UserPoolSimulatorConfig } from './types.js';

/**
 * An extra route of the HTTP server: answers the request, or `undefined` to let the next route (and in the
 * end the pool) answer it.
 *
 * @example
 * const hello: UserPoolRoute = async (request) =>
 *   new URL(request.url).pathname === '/hello' ? new Response('hi') : undefined;
 */
export type UserPoolRoute = (request: Request, context: UserPoolRouteContext) => Promise<Response | undefined>;

/**
 * What an extra route is given besides the request.
 *
 * @example
 * const route: UserPoolRoute = async (request, { sim, url }) => new Response(`${sim.userPoolId} at ${url}`);
 */
export interface UserPoolRouteContext {
  /** The pool the server serves. */
  sim: SimulatedUserPool;
  /** The server's base URL, with a trailing slash. */
  url: string;
}

/**
 * The simulator's options plus where to listen.
 *
 * @example
 * const options: UserPoolServerOptions = { userPoolId: 'eu-west-1_AbC123', clientId: 'client123', users: [], port: 9230 };
 */
export interface UserPoolServerOptions extends UserPoolSimulatorConfig {
  /** The TCP port (default 0: any free port; `url` tells which). */
  port?: number;
  /** The address to bind (default `127.0.0.1`). */
  host?: string;
  /**
   * Extra routes, tried in order after `/_sim/` and before the pool itself. With the simulator's `oauth`
   * option, the managed login comes before them, served at this server's own origin (its `domain` is ignored).
   */
  routes?: UserPoolRoute[];
  /** The largest request body accepted, in bytes (default 1 MiB); larger ones get 413. */
  maxBodyBytes?: number;
}

/**
 * A running HTTP user pool.
 *
 * @example
 * const server: UserPoolServer = await startUserPoolServer({ userPoolId: 'eu-west-1_AbC123', clientId: 'client123', users: [] });
 * await server.close();
 */
export interface UserPoolServer {
  /** The endpoint, e.g. `http://127.0.0.1:53121/` (with a trailing slash): give it to the SDK as `endpoint`. */
  readonly url: string;
  /** The pool, for assertions and helpers in the same process. */
  readonly sim: SimulatedUserPool;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

// What the server uses of node:http, by shape: the published types need no @types/node, and the module is
// loaded only when a server starts (the testing entry is also loaded in browsers, which have no node:http).
interface IncomingMessage extends AsyncIterable<Uint8Array> {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  on(event: 'error', listener: () => void): unknown;
  destroy(): void;
}
interface ServerResponse {
  writeHead(status: number, headers: Record<string, string | string[]>): unknown;
  end(body?: Uint8Array): unknown;
  getHeader(name: string): unknown;
  destroy(): void;
}
interface Server {
  listen(port: number, host: string, callback: () => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
  off(event: 'error', listener: (error: Error) => void): unknown;
  close(callback: () => void): unknown;
  closeAllConnections(): void;
  address(): { port: number } | string | null;
  headersTimeout: number;
  requestTimeout: number;
}
type CreateServer = (listener: (req: IncomingMessage, res: ServerResponse) => void) => Server;
const NODE_HTTP: string = 'node:http';

const DEFAULT_MAX_BODY = 1024 * 1024;
const JSON_HEADERS = { 'Content-Type': 'application/json', ...CORS_HEADERS };

class BodyTooLarge extends Error {}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}

/** Reads the body, refusing it once it passes `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.byteLength;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  const body = new Uint8Array(await response.arrayBuffer());
  res.writeHead(response.status, headers);
  res.end(body);
}

/**
 * The test helpers under `/_sim/`: what a test of an app needs from outside the app (the code "sent" to a
 * user, the current TOTP code, the clock, the users), in JSON.
 */
async function simRoute(sim: SimulatedUserPool, request: Request, path: string, url: string): Promise<Response> {
  const method = request.method.toUpperCase();
  if (method === 'OPTIONS') {
    return new Response(null, { status: 204, headers: { ...CORS_HEADERS, 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS', 'Access-Control-Allow-Headers': '*' } });
  }
  const parts = path.split('/').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  const notFound = (what: string) => json({ message: what }, 404);
  if (method === 'GET' && path === 'config') {
    return json({ url, userPoolId: sim.userPoolId, clientId: sim.clientId, region: sim.region, issuer: sim.issuer, jwksUri: `${url}${sim.userPoolId}/.well-known/jwks.json` });
  }
  if (method === 'GET' && path === 'users') return json(sim.users());
  if (parts[0] === 'users' && parts.length >= 2 && method === 'GET') {
    const username = parts[1] ?? '';
    const user = sim.user(username);
    if (!user) return notFound(`No user ${username}`);
    if (parts.length === 2) return json(user);
    if (parts.length === 3 && parts[2] === 'code') {
      const code = sim.lastCode(username);
      return code === undefined ? notFound(`No code was sent to ${username}`) : json({ code });
    }
    if (parts.length === 3 && parts[2] === 'totp') {
      const secret = sim.totpSecret(username);
      return secret === undefined ? notFound(`${username} has no TOTP secret`) : json({ code: await totpCode(secret, sim.now()) });
    }
  }
  if (path === 'clock') {
    if (method === 'GET') return json({ now: sim.now() });
    if (method === 'POST') {
      let body: unknown;
      try {
        body = JSON.parse(await request.text());
      } catch {
        return json({ message: 'The body must be JSON: {"advanceMs": <milliseconds>}' }, 400);
      }
      const ms = (body as { advanceMs?: unknown } | null)?.advanceMs;
      if (typeof ms !== 'number' || !(ms >= 0) || !Number.isFinite(ms)) {
        return json({ message: 'advanceMs must be a non-negative number of milliseconds' }, 400);
      }
      sim.advanceTime(ms);
      return json({ now: sim.now() });
    }
  }
  if (method === 'POST' && path === 'reset') {
    sim.reset();
    return new Response(null, { status: 204, headers: CORS_HEADERS });
  }
  // The operation names only: inputs carry passwords and codes.
  if (method === 'GET' && path === 'requests') return json(sim.requests.map((r) => r.operation));
  return notFound(`No helper ${method} /_sim/${path}`);
}

/**
 * Starts the simulated user pool as an HTTP server (bound to 127.0.0.1 unless `host` says otherwise).
 *
 * Serves, at `url`: Cognito's JSON protocol (`POST /` with `X-Amz-Target`), the JWKS at
 * `/<userPoolId>/.well-known/jwks.json`, the OpenID configuration at `/<userPoolId>/.well-known/openid-configuration`,
 * CORS (preflights included) for browser apps, and test helpers:
 *
 * | helper | answer |
 * |---|---|
 * | `GET /_sim/config` | `{ url, userPoolId, clientId, region, issuer, jwksUri }` |
 * | `GET /_sim/users`, `GET /_sim/users/<username>` | user snapshots |
 * | `GET /_sim/users/<username>/code` | `{ code }`: the last SMS or email code sent to the user |
 * | `GET /_sim/users/<username>/totp` | `{ code }`: the user's authenticator code now |
 * | `GET /_sim/clock`, `POST /_sim/clock {"advanceMs": n}` | `{ now }`, moving the pool's clock |
 * | `POST /_sim/reset` | back to the configured users |
 * | `GET /_sim/requests` | the operations received, by name |
 *
 * Malformed input never takes it down: bad JSON and unknown operations get the service's errors, bodies over
 * `maxBodyBytes` get 413.
 *
 * @example
 * import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
 * import { startUserPoolServer } from 'cognito-react/testing';
 *
 * const server = await startUserPoolServer({
 *   userPoolId: 'eu-west-1_AbC123',
 *   clientId: 'client123',
 *   users: [{ username: 'alice', password: 'Passw0rd!' }],
 * });
 * const client = new CognitoIdentityProviderClient({ region: 'eu-west-1', endpoint: server.url });
 * // ... sign in; read codes with fetch(`${server.url}_sim/users/alice/code`) ...
 * await server.close();
 */
export async function startUserPoolServer(options: UserPoolServerOptions): Promise<UserPoolServer> {
  const { port = 0, host = '127.0.0.1', routes = [], maxBodyBytes = DEFAULT_MAX_BODY, ...config } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`startUserPoolServer: port must be 0 to 65535, got ${port}`);
  const { pool, api: sim } = createSimulatedPool(config);
  // Managed login (the `oauth` option): served at this server's own origin, whatever `domain` says, once it is known.
  let managedLogin: ManagedLoginHandler | undefined;
  const { createServer } = (await import(/* @vite-ignore */ NODE_HTTP)) as { createServer: CreateServer };
  let base = '';

  const respond = async (req: IncomingMessage): Promise<Response> => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', base);
    } catch {
      return json({ message: 'Malformed request target' }, 400);
    }
    if (url.origin !== new URL(base).origin) return json({ message: 'Malformed request target' }, 400);
    const method = req.method ?? 'GET';
    let body: Uint8Array | undefined;
    if (method !== 'GET' && method !== 'HEAD') {
      try {
        body = await readBody(req, maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          return new Response(JSON.stringify({ __type: 'SerializationException', message: `Request body larger than ${maxBodyBytes} bytes` }), {
            status: 413,
            headers: { ...JSON_HEADERS, Connection: 'close' },
          });
        }
        throw error;
      }
    }
    const request = new Request(url, { method, headers: headersOf(req), body: body as BodyInit | undefined });
    const path = url.pathname.slice(1);
    if (path === '_sim' || path.startsWith('_sim/')) return simRoute(sim, request, path.slice('_sim/'.length), base);
    if (managedLogin) {
      const answer = await managedLogin(request.clone());
      if (answer) return answer;
    }
    for (const route of routes) {
      const answer = await route(request.clone(), { sim, url: base });
      if (answer) return answer;
    }
    return sim.handle(request);
  };

  const server = createServer((req, res) => {
    req.on('error', () => res.destroy());
    respond(req)
      .catch((error: unknown) => {
        // A bug here or in a route: answer as the service answers its own failures, and keep serving.
        console.error('cognito-react/testing: the user pool server failed a request', error);
        return new Response(JSON.stringify({ __type: 'InternalErrorException', message: 'Internal error' }), { status: 500, headers: JSON_HEADERS });
      })
      .then((response) => send(res, response))
      .then(
        () => {
          // A refused body was not read to its end: close rather than read on.
          if (res.getHeader('connection') === 'close') req.destroy();
        },
        () => res.destroy(),
      );
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  base = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`;
  if (config.oauth) managedLogin = createManagedLogin(pool, { ...config.oauth, domain: base }).handle;
  return {
    url: base,
    sim,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

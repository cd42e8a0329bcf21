import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { setupServer } from 'msw/node';
import { createAuthHandler, type AuthHandlerOptions } from '../../src/server/index';
import { createUserPoolSimulator } from '../../src/testing/index';
import { CLIENT_ID, REGION, USER_POOL_ID } from '../helpers/pool';

/** The JSON the handler answers with, loosely: tests read what they assert. */
type Body = { state: { status: string; user?: { username: string; attributes: Record<string, string> }; username?: string | null; step?: unknown }; error: { name: string; message?: string; retryable?: boolean }; csrfToken?: string; revoked?: boolean };

export const ORIGIN = 'https://app.example';
export const SECRET = 'a-cookie-secret-of-at-least-32-characters!!';

/**
 * In a DOM test environment `Response` is the browser's, which hides `Set-Cookie` from scripts, as it should.
 * The test's cookie jar plays the browser's, so it reads the header where the server wrote it.
 */
const setCookies = new WeakMap<Response, string[]>();
async function withSetCookieVisible(run: () => Promise<Response>): Promise<Response> {
  if (typeof window === 'undefined') return run();
  const Base = globalThis.Response;
  globalThis.Response = class extends Base {
    constructor(body?: BodyInit | null, init?: ResponseInit) {
      super(body, init);
      setCookies.set(this, new Headers(init?.headers).getSetCookie());
    }
  } as typeof Response;
  try {
    return await run();
  } finally {
    globalThis.Response = Base;
  }
}

/** A simulated pool, the server handler in front of it, and a browser's cookie jar to call it with. */
export function createServerPool(
  server: ReturnType<typeof setupServer>,
  simulator: Omit<Parameters<typeof createUserPoolSimulator>[0], 'userPoolId' | 'clientId'>,
  options: Partial<AuthHandlerOptions> = {},
) {
  const sim = createUserPoolSimulator({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID, ...simulator });
  server.use(...sim.handlers);
  const client = new CognitoIdentityProviderClient({ region: REGION, maxAttempts: 1, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
  const handler = createAuthHandler({
    region: REGION,
    userPoolId: USER_POOL_ID,
    clientId: CLIENT_ID,
    ...(simulator.clientSecret ? { clientSecret: simulator.clientSecret } : {}),
    cookieSecrets: [SECRET],
    client,
    clock: () => sim.now(),
    ...options,
  });
  const jar = new Map<string, string>();
  /** Stores Set-Cookie like a browser (Max-Age=0 deletes). */
  const keep = (response: Response) => {
    for (const line of setCookies.get(response) ?? response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/Max-Age=0\b/.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  async function call(method: 'GET' | 'POST', route: string, body?: unknown, headers: Record<string, string> = {}) {
    const csrf = [...jar].find(([k]) => k.endsWith('cognito-session-csrf'))?.[1];
    const response = await handler(
      new Request(`${ORIGIN}/api/auth/${route}`, {
        method,
        headers: {
          ...(jar.size ? { cookie: cookieHeader() } : {}),
          ...(method === 'POST' ? { 'content-type': 'application/json', origin: ORIGIN, ...(csrf ? { 'x-csrf-token': csrf } : {}) } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      }),
    );
    keep(response);
    return { status: response.status, body: (await response.json()) as Body, headers: response.headers };
  }
  /** The browser's fetch, as far as the handler can tell: same origin, its cookies, nothing readable of HttpOnly ones. */
  const browserFetch: typeof fetch = async (input, init = {}) => {
    const url = new URL(String(input), ORIGIN);
    const request = new Request(url, { method: init.method ?? 'GET', headers: new Headers(init.headers), ...(init.body ? { body: init.body as string } : {}) });
    // Set after construction: a DOM environment's Request drops Cookie and Origin given to it, as a page's
    // fetch may not set them; the browser adds them itself, as the jar does here.
    if (jar.size) request.headers.set('cookie', cookieHeader());
    if ((init.method ?? 'GET') !== 'GET') request.headers.set('origin', ORIGIN);
    return keep(await withSetCookieVisible(() => handler(request)));
  };
  return { sim, handler, jar, call, cookieHeader, browserFetch };
}

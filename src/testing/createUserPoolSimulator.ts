/**
 * A simulated Cognito user pool speaking the real wire protocol as MSW 2 request handlers: use it with
 * `setupServer` (msw/node) in tests and `setupWorker` (msw/browser) in Storybook, behind the real AWS SDK.
 * The pool itself and its request handling live in `simulatedPool.ts`; this file only mounts them in MSW.
 */
import { http, type HttpHandler } from 'msw';
import { managedLoginOf } from './oauth/index.js';
import { answer, createSimulatedPool } from './simulatedPool.js';
import type { UserPoolSimulator, UserPoolSimulatorConfig } from './types.js';

/**
 * Creates a simulated Cognito user pool with one app client: a faithful, stateful model of the user-pool
 * sign-in protocol (InitiateAuth, RespondToAuthChallenge with every challenge, TOTP enrolment, devices,
 * tokens) served as MSW request handlers at the real endpoint. Tokens are RS256 JWTs verifiable with the
 * JWKS served at `<issuer>/.well-known/jwks.json`.
 *
 * Runs wherever MSW runs (Node tests with `setupServer`, browsers and Storybook with `setupWorker`): it
 * uses only WebCrypto.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { createUserPoolSimulator } from 'cognito-react/testing';
 *
 * const sim = createUserPoolSimulator({
 *   userPoolId: 'eu-west-1_AbC123',
 *   clientId: 'client123',
 *   users: [
 *     { username: 'alice', password: 'Passw0rd!', attributes: { phone_number: '+15555551234' }, mfa: { sms: true } },
 *   ],
 * });
 * const server = setupServer(...sim.handlers);
 * beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
 * afterEach(() => sim.reset());
 * afterAll(() => server.close());
 *
 * test('signs in with SMS MFA', async () => {
 *   await auth.signIn({ username: 'alice', password: 'Passw0rd!' });
 *   await auth.respondToChallenge({ name: 'SMS_MFA', code: sim.lastCode('alice')! });
 *   expect(auth.getSnapshot().status).toBe('signedIn');
 * });
 */
export function createUserPoolSimulator(config: UserPoolSimulatorConfig): UserPoolSimulator {
  const { pool, api } = createSimulatedPool(config);
  const { endpoints, userPoolId } = pool.settings;
  const handlers: HttpHandler[] = [];
  // Managed login (src/testing/oauth): the OAuth 2.0 endpoints at the pool's domain, when configured. First, so
  // that its OpenID configuration (which names the authorize and token endpoints) is the one served.
  const managedLogin = config.oauth ? managedLoginOf(pool, config.oauth) : undefined;
  if (managedLogin) handlers.push(...managedLogin.handlers);
  for (const endpoint of endpoints) {
    // The endpoint itself (the JSON protocol and its preflight) and, below it, the pool's .well-known files
    // (at the real endpoint that is the issuer: `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`).
    const mounted = ({ request }: { request: Request }) => answer(pool, request, request.url.slice(endpoint.length), endpoint);
    handlers.push(
      http.post(endpoint, mounted),
      http.options(endpoint, mounted),
      http.get(`${endpoint}${userPoolId}/.well-known/:file`, mounted),
    );
  }
  // The descriptors, not a spread: `requests` is a getter that must keep following the live state.
  const extra = managedLogin ? { handlers, managedLogin: { origin: managedLogin.origin, handle: managedLogin.handle } } : { handlers };
  return Object.defineProperties(extra, Object.getOwnPropertyDescriptors(api)) as UserPoolSimulator;
}

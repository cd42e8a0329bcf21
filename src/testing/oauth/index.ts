/**
 * The simulated pool's managed login (Cognito's OAuth 2.0 endpoints on the pool's domain), as MSW handlers
 * and as one plain function a Node HTTP server can mount.
 */
import { http, type HttpHandler } from 'msw';
import type { Pool } from '../state.js';
import { createManagedLogin } from './managedLogin.js';
import type { ManagedLoginHandler, SimulatedManagedLoginConfig } from './types.js';

export type { ManagedLoginHandler, SimulatedIdentityProvider, SimulatedManagedLoginConfig, SimulatedProviderUser } from './types.js';

/** The managed login of `pool`: its request handler, its MSW handlers (the domain and the issuer's OpenID configuration). */
export function managedLoginOf(pool: Pool, config: SimulatedManagedLoginConfig): { handle: ManagedLoginHandler; handlers: HttpHandler[]; origin: string } {
  const { handle, origin } = createManagedLogin(pool, config);
  const respond = async ({ request }: { request: Request }) => handle(request);
  return {
    handle,
    origin,
    handlers: [
      http.all(`${origin}/*`, respond),
      http.get(`${pool.settings.issuer}/.well-known/openid-configuration`, respond),
    ],
  };
}

/**
 * `cognito-react/testing`: a simulated Amazon Cognito user pool for tests and stories, speaking the real
 * wire protocol as MSW request handlers, plus the helpers tests need to answer its challenges.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { createUserPoolSimulator, totpCode } from 'cognito-react/testing';
 *
 * const sim = createUserPoolSimulator({
 *   userPoolId: 'eu-west-1_AbC123',
 *   clientId: 'client123',
 *   users: [{ username: 'alice', password: 'Passw0rd!', mfa: { totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' } }],
 * });
 * setupServer(...sim.handlers).listen();
 * const code = await totpCode(sim.totpSecret('alice')!, sim.now());
 */
export { createUserPoolSimulator } from './createUserPoolSimulator.js';
export { startUserPoolServer } from './server.js';
export type { UserPoolRoute, UserPoolRouteContext, UserPoolServer, UserPoolServerOptions } from './server.js';
export { totpCode } from './totp.js';
export { createVirtualAuthenticator } from './webauthn.js';
export type { VirtualAuthenticator, VirtualAuthenticatorOptions } from './webauthn.js';
export type { JsonWebKeySet } from './jwt.js';
export type { ManagedLoginHandler, SimulatedIdentityProvider, SimulatedManagedLoginConfig, SimulatedProviderUser } from './oauth/index.js';
export type {
  AuthFactorType,
  ExplicitAuthFlow,
  SimulatedRequest,
  SimulatedUser,
  SimulatedUserPool,
  SimulatedUserStatus,
  SimulatedUserView,
  UserPoolSimulator,
  UserPoolSimulatorConfig,
} from './types.js';

/**
 * `cognito-react/server`: server mode. Sign-in runs on your server (AdminInitiateAuth /
 * AdminRespondToAuthChallenge with its IAM credentials); the tokens stay there, sealed in an HttpOnly
 * cookie; the browser's `<SignIn>` and hooks work unchanged through `serverTransport('/api/auth')`.
 *
 * @example
 * import { createAuthHandler, toNodeListener } from 'cognito-react/server';
 */
export { createAuthHandler } from './handler.js';
export type { AuthAction, AuthHandler, AuthHandlerOptions, AuthLogEntry, ErrorBody, PublicAuthState, RateLimitResult, RefreshCoordinator, RevocationStore, ServerSession } from './handler.js';
export type { ServerOAuthOptions } from './oauth.js';
export { toNodeListener } from './node.js';
export type { NodeListenerOptions } from './node.js';
export { createSealer } from './seal.js';
export type { Sealer } from './seal.js';
export { createAccessTokenVerifier } from './verify.js';
export { redisStores } from './redis.js';
export type { RedisClientLike, RedisStoresOptions } from './redis.js';

/**
 * What the core lends to the package's other server-side entry points (`cognito-react/server`) beyond its
 * public module `index.ts`: pieces of the session rules that apps never call themselves. Not an export of
 * the package; the lint rules let `src/server/` import the core through `index.ts` and this file only, so
 * every other core file can change without breaking a sibling layer.
 */
export { userFromIdToken } from './session/jwt.js';
export { sessionFromResult, tokensBelongTo } from './session/tokens.js';
export type { Session, TokenAudience } from './session/tokens.js';
export { toCognitoAuthError } from './transport/toCognitoAuthError.js';
export {
  authorizeUrl,
  callbackError,
  callbackParameters,
  checkCodeTokens,
  codeChallenge,
  logoutUrl,
  oauthOrigin,
  randomToken,
  requestTokens,
} from './oauth/protocol.js';
export type { TokenResponse } from './oauth/protocol.js';
export { refreshError, requestRefresh, userDetailsFrom } from './session/refresh.js';
export type { RefreshConfig } from './session/refresh.js';
export { FIRST_FACTORS } from './engine/parseStep.js';
export { operationKind, PUBLIC_OPERATIONS, SIGNED_IN_OPERATIONS } from './transport/operations.js';
export type { AccountOperation } from './transport/operations.js';
export { sendByName } from './transport/sdkCommands.js';

/**
 * `cognito-react/core`: the framework-free sign-in engine. No React import, ever.
 *
 * @example
 * import { createCognitoAuth, isCognitoAuthError } from 'cognito-react/core';
 */
export { createCognitoAuth } from './createCognitoAuth.js';
export type { CognitoAuth, SignInInput } from './createCognitoAuth.js';
export { CognitoAuthError, isCognitoAuthError } from './errors.js';
export type {
  CognitoAuthErrorName,
  CognitoOperation,
  CognitoServiceErrorName,
  InvalidInputField,
  LibraryErrorName,
} from './errors.js';
export { createSdkTransport } from './transport/sdkTransport.js';
export type { SdkTransportOptions } from './transport/sdkTransport.js';
export { engineReducer, initialEngineState } from './engine/reducer.js';
export type { EngineEvent, EngineState, FlowState } from './engine/reducer.js';
export { buildOtpauthUri } from './engine/otpauthUri.js';
export { computeSecretHash } from './engine/secretHash.js';
export { checkCode, codeDigits, normalizeCode } from './engine/codeFormat.js';
export type { CodeCheck, CodeKind } from './engine/codeFormat.js';
export { decodeJwtPayload } from './session/jwt.js';
export * from './account/index.js';
export { serverTransport } from './serverTransport.js';
export type { ServerTransportOptions } from './serverTransport.js';
export { handleRedirectCallback, signInWithRedirect, signOutWithRedirect, withManagedLogin, OAuthError } from './oauth/index.js';
export type {
  ManagedLoginAuth,
  OAuthConfig,
  OAuthErrorCode,
  RedirectCallbackResult,
  SignInWithRedirectOptions,
  SignOutWithRedirectOptions,
} from './oauth/index.js';
export type * from './types.js';

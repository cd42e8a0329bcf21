/**
 * `cognito-react/core`: the framework-free sign-in engine. No React import, ever.
 *
 * @example
 * import { createCognitoAuth, isCognitoAuthError } from 'cognito-react/core';
 */
export { createCognitoAuth } from './createCognitoAuth';
export type { CognitoAuth, SignInInput } from './createCognitoAuth';
export { CognitoAuthError, isCognitoAuthError } from './errors';
export type {
  CognitoAuthErrorName,
  CognitoOperation,
  CognitoServiceErrorName,
  InvalidInputField,
  LibraryErrorName,
} from './errors';
export { createSdkTransport } from './transport/sdkTransport';
export type { SdkTransportOptions } from './transport/sdkTransport';
export { engineReducer, initialEngineState } from './engine/reducer';
export type { EngineEvent, EngineState, FlowState } from './engine/reducer';
export { buildOtpauthUri } from './engine/otpauthUri';
export { computeSecretHash } from './engine/secretHash';
export { decodeJwtPayload } from './session/jwt';
export type * from './types';

'use client';
/**
 * The React layer (re-exported by `cognito-react`, see `src/index.ts`). `<CognitoProvider>` holds the session; the hooks work on their own
 * (no prebuilt component needs to be mounted), on TanStack Query.
 *
 * @example
 * import { CognitoProvider, useAuth, useInitiateAuth, useRespondToAuthChallenge } from 'cognito-react';
 */
export { CognitoStoreProvider } from './CognitoProvider.js';
export { CognitoProvider } from './ConfigProvider.js';
export type { CognitoProviderOptions, CognitoProviderProps, CognitoStoreProviderProps } from './CognitoProvider.js';
export type { CognitoLocaleSettings } from './context.js';
export { useAuth } from './useAuth.js';
export type { AuthActions, AuthState, UseAuthResult } from './useAuth.js';
export { useInitiateAuth, initiateAuthMutationOptions } from './useInitiateAuth.js';
export type { UseInitiateAuthOptions, UseInitiateAuthResult } from './useInitiateAuth.js';
export { useRespondToAuthChallenge, respondToAuthChallengeMutationOptions } from './useRespondToAuthChallenge.js';
export type { UseRespondToAuthChallengeOptions, UseRespondToAuthChallengeResult } from './useRespondToAuthChallenge.js';
export { useSignOut, signOutMutationOptions } from './useSignOut.js';
export { useSignInWithRedirect, useHandleRedirectCallback } from './useSignInWithRedirect.js';
export type { RedirectCallbackState, UseSignInWithRedirectOptions, UseSignInWithRedirectResult } from './useSignInWithRedirect.js';
export type { UseSignOutOptions, UseSignOutResult } from './useSignOut.js';
export { useRememberDevice, rememberDeviceMutationOptions } from './useRememberDevice.js';
export { useForgetDevice, forgetDeviceMutationOptions } from './useForgetDevice.js';
export { useUser, userQueryOptions } from './useUser.js';
export { useDevices, devicesQueryOptions } from './useDevices.js';
export { useAccessToken } from './useAccessToken.js';
export { useSuspenseAccessToken } from './useSuspenseAccessToken.js';
export { accessTokenQueryOptions } from './accessTokenQuery.js';
export { Authenticated } from './Authenticated.js';
export type { AuthenticatedProps } from './Authenticated.js';
export { useRequireAuth } from './useRequireAuth.js';
export type { UseRequireAuthResult } from './useRequireAuth.js';
export { cognitoQueryKeys } from './queryKeys.js';
export type { AccountAction, CognitoQueryKeys } from './queryKeys.js';
export {
  accountMutationOptions,
  passkeysQueryOptions,
  useChangePassword,
  useConfirmForgotPassword,
  useConfirmSignUp,
  useDeletePasskey,
  useDeleteUser,
  useForgotPassword,
  usePasskeys,
  useRegisterPasskey,
  useResendSignUpCode,
  useSendAttributeVerificationCode,
  useSetMfaPreference,
  useSignUp,
  useStartTotpSetup,
  useUpdateUserAttributes,
  useVerifyTotpSetup,
  useVerifyUserAttribute,
} from './account.js';
export type { AccountMutations } from './account.js';
export * from '../core/index.js';

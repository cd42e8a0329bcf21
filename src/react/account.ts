'use client';
/**
 * Hooks for everything around sign-in: sign-up, forgotten passwords, and the signed-in user's account
 * settings. Each is a TanStack mutation over the matching `cognito-react/core` operation, exported with
 * its options factory; the ones that change what `useUser`, `useDevices` or `usePasskeys` show refresh
 * those queries when they settle.
 */
import { mutationOptions, queryOptions, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import {
  changePassword,
  confirmForgotPassword,
  confirmSignUp,
  deletePasskey,
  deleteUser,
  forgotPassword,
  listPasskeys,
  registerPasskey,
  resendSignUpCode,
  sendAttributeVerificationCode,
  setMfaPreference,
  signUp,
  startTotpSetup,
  updateUserAttributes,
  verifyTotpSetup,
  verifyUserAttribute,
  type CodeDelivery,
  type CognitoAuth,
  type CognitoAuthError,
  type ConfirmForgotPasswordInput,
  type ConfirmSignUpInput,
  type MfaPreference,
  type Passkey,
  type SignUpInput,
  type SignUpResult,
  type TotpSetup,
  type WebAuthnCreate,
} from '../core/index.js';
import { useCognitoContext } from './context.js';
import { cognitoQueryKeys, type AccountAction } from './queryKeys.js';
import { reveal, useSecretMutation } from './secrets.js';
import { useAuth } from './useAuth.js';
import { listRetry } from './useDevices.js';

/** What each account mutation takes and resolves with. */
export interface AccountMutations {
  signUp: [SignUpInput, SignUpResult];
  confirmSignUp: [ConfirmSignUpInput, { session: string | undefined }];
  resendSignUpCode: [{ username: string }, { codeDelivery: CodeDelivery | undefined }];
  forgotPassword: [{ username: string }, { codeDelivery: CodeDelivery | undefined }];
  confirmForgotPassword: [ConfirmForgotPasswordInput, void];
  changePassword: [{ previousPassword: string; proposedPassword: string }, void];
  updateUserAttributes: [Record<string, string>, { codeDeliveries: CodeDelivery[] }];
  sendAttributeVerificationCode: [string, { codeDelivery: CodeDelivery | undefined }];
  verifyUserAttribute: [{ attribute: string; code: string }, void];
  setMfaPreference: [MfaPreference, void];
  startTotpSetup: [{ issuer?: string; accountName?: string } | void, TotpSetup];
  verifyTotpSetup: [{ code: string; friendlyDeviceName?: string; enable?: boolean; preferred?: boolean }, void];
  registerPasskey: [{ create?: WebAuthnCreate } | void, void];
  deletePasskey: [string, void];
  deleteUser: [void, void];
}

type Run<A extends AccountAction> = (auth: CognitoAuth, input: AccountMutations[A][0]) => Promise<AccountMutations[A][1]>;

const RUN: { [A in AccountAction]: Run<A> } = {
  signUp,
  confirmSignUp,
  resendSignUpCode,
  forgotPassword,
  confirmForgotPassword,
  changePassword,
  updateUserAttributes: (auth, attributes) => updateUserAttributes(auth, attributes),
  sendAttributeVerificationCode,
  verifyUserAttribute,
  setMfaPreference,
  startTotpSetup: (auth, options) => startTotpSetup(auth, options ?? {}),
  verifyTotpSetup,
  registerPasskey: (auth, options) => registerPasskey(auth, options ?? {}),
  deletePasskey,
  deleteUser: (auth) => deleteUser(auth),
};

/** Which cached queries an action changes. */
const AFFECTS: Partial<Record<AccountAction, ('user' | 'passkeys')[]>> = {
  updateUserAttributes: ['user'],
  verifyUserAttribute: ['user'],
  setMfaPreference: ['user'],
  verifyTotpSetup: ['user'],
  registerPasskey: ['passkeys'],
  deletePasskey: ['passkeys'],
};

/**
 * The mutation options of one account action, for apps that compose their own hooks. Passwords and codes
 * are taken out of the variables object when the mutation starts (they never stay in the mutation cache);
 * the hooks below keep them out from the start.
 *
 * @example
 * const signUp = useMutation(accountMutationOptions(auth, 'signUp'));
 */
export function accountMutationOptions<A extends AccountAction>(auth: CognitoAuth, action: A) {
  const run = RUN[action] as Run<A>;
  return mutationOptions<AccountMutations[A][1], CognitoAuthError, AccountMutations[A][0]>({
    mutationKey: cognitoQueryKeys(auth).mutation(action),
    mutationFn: (input) => run(auth, reveal(input)),
  });
}

function useAccountMutation<A extends AccountAction>(hook: string, action: A): UseMutationResult<AccountMutations[A][1], CognitoAuthError, AccountMutations[A][0]> {
  const { keys } = useCognitoContext(hook);
  const queryClient = useQueryClient();
  const sub = useAuth((s) => s.user?.sub ?? null);
  return useSecretMutation(hook, (auth) => accountMutationOptions(auth, action), {
    onSettled: async () => {
      for (const query of AFFECTS[action] ?? []) await queryClient.invalidateQueries({ queryKey: keys[query](sub) });
    },
  });
}

/** Creates a user (SignUp). @example const signUp = useSignUp(); signUp.mutate({ username, password, attributes: { email } }); */
export const useSignUp = () => useAccountMutation('useSignUp', 'signUp');
/** Confirms a new user with the emailed or texted code (ConfirmSignUp). */
export const useConfirmSignUp = () => useAccountMutation('useConfirmSignUp', 'confirmSignUp');
/** Sends a new sign-up code (ResendConfirmationCode). */
export const useResendSignUpCode = () => useAccountMutation('useResendSignUpCode', 'resendSignUpCode');
/** Starts a password reset, or sends its code again (ForgotPassword). */
export const useForgotPassword = () => useAccountMutation('useForgotPassword', 'forgotPassword');
/** Sets a new password with the reset code (ConfirmForgotPassword). */
export const useConfirmForgotPassword = () => useAccountMutation('useConfirmForgotPassword', 'confirmForgotPassword');
/** Changes the signed-in user's password (ChangePassword). */
export const useChangePassword = () => useAccountMutation('useChangePassword', 'changePassword');
/** Changes the user's attributes (UpdateUserAttributes); `useUser` is refreshed. */
export const useUpdateUserAttributes = () => useAccountMutation('useUpdateUserAttributes', 'updateUserAttributes');
/** Sends a code to verify an email or phone number (GetUserAttributeVerificationCode). */
export const useSendAttributeVerificationCode = () =>
  useAccountMutation('useSendAttributeVerificationCode', 'sendAttributeVerificationCode');
/** Verifies an email or phone number with its code (VerifyUserAttribute); `useUser` is refreshed. */
export const useVerifyUserAttribute = () => useAccountMutation('useVerifyUserAttribute', 'verifyUserAttribute');
/** Enables, disables or prefers MFA methods (SetUserMFAPreference); `useUser` is refreshed. */
export const useSetMfaPreference = () => useAccountMutation('useSetMfaPreference', 'setMfaPreference');
/** Starts authenticator-app enrolment while signed in (AssociateSoftwareToken): the secret and URI. */
export const useStartTotpSetup = () => useAccountMutation('useStartTotpSetup', 'startTotpSetup');
/** Verifies the first code and turns TOTP MFA on (VerifySoftwareToken, SetUserMFAPreference). */
export const useVerifyTotpSetup = () => useAccountMutation('useVerifyTotpSetup', 'verifyTotpSetup');
/** Registers a passkey (Start/CompleteWebAuthnRegistration around `navigator.credentials.create`). */
export const useRegisterPasskey = () => useAccountMutation('useRegisterPasskey', 'registerPasskey');
/** Deletes a passkey by credential id (DeleteWebAuthnCredential). */
export const useDeletePasskey = () => useAccountMutation('useDeletePasskey', 'deletePasskey');
/** Deletes the signed-in user's account (DeleteUser) and ends the session. Confirm first. */
export const useDeleteUser = () => useAccountMutation('useDeleteUser', 'deleteUser');

/** The query options behind {@link usePasskeys}. */
export function passkeysQueryOptions(auth: CognitoAuth, sub: string | null) {
  return queryOptions<Passkey[], CognitoAuthError>({
    queryKey: cognitoQueryKeys(auth).passkeys(sub),
    queryFn: () => listPasskeys(auth),
    enabled: sub !== null,
    retry: listRetry,
  });
}

/**
 * The signed-in user's passkeys (ListWebAuthnCredentials), cached per user.
 *
 * @example
 * const { data: passkeys = [] } = usePasskeys();
 */
export function usePasskeys(): UseQueryResult<Passkey[], CognitoAuthError> {
  const { auth } = useCognitoContext('usePasskeys');
  const sub = useAuth((s) => s.user?.sub ?? null);
  return useQuery(passkeysQueryOptions(auth, sub));
}

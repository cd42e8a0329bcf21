import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';

/**
 * What a store lends the managed-login functions (`signInWithRedirect`, `handleRedirectCallback`): the
 * one door into its session, so tokens from /oauth2/token are kept, refreshed and shared between tabs
 * exactly as InitiateAuth's are. A WeakMap rather than a method, so apps that never sign in through
 * managed login carry none of that code.
 */
export interface StoreInternals {
  signedIn(result: AuthenticationResultType, signInName: string, device: null): Promise<void>;
  clock(): number;
  randomBytes(bytes: Uint8Array): Uint8Array;
}

export const storeInternals = new WeakMap<object, StoreInternals>();

import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import type { SignOutResult } from '../types.js';

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

/**
 * What a server-mode store (`serverTransport`) lends the managed-login functions: the handler's routes
 * (`<base>/oauth/start`, `POST <base>/oauth/logout`), where the server runs the whole flow.
 */
export interface ServerRedirects {
  /** The handler's base path, e.g. `/api/auth`. */
  base: string;
  /** Opens a URL (the store's `navigate` option, default `location.assign`). */
  navigate(url: string): void;
  /** `POST <base>/oauth/logout`: signed out on the server, with the pool's /logout URL to open (absent when the server could not be reached). */
  signOut(body: { global: boolean; logoutUri?: string }): Promise<{ result: SignOutResult; logoutUrl: string | undefined }>;
}

export const serverRedirects = new WeakMap<object, ServerRedirects>();

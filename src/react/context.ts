'use client';
import { createContext, useContext } from 'react';
import type { CognitoAuth } from '../core/index.js';
import type { CognitoQueryKeys } from './queryKeys.js';

/** What `<CognitoProvider>` gives the hooks below it. */
export interface CognitoContextValue {
  auth: CognitoAuth;
  keys: CognitoQueryKeys;
}

export const CognitoContext = createContext<CognitoContextValue | null>(null);

/** The provider's value, or an error that names the hook used outside it. */
export function useCognitoContext(hook: string): CognitoContextValue {
  const value = useContext(CognitoContext);
  if (!value) {
    throw new Error(`${hook}() must be used inside <CognitoProvider>: wrap your app (or this part of it) in <CognitoProvider auth={auth}>.`);
  }
  return value;
}

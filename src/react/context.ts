'use client';
import { createContext, useContext } from 'react';
import type { CognitoAuth, PasswordPolicy } from '../core/index.js';
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

/**
 * The language and look `<CognitoProvider>` sets for every prebuilt form below it: a message table merged
 * under each form's own `messages`, the BCP 47 tag plurals, numbers and dates follow, the writing direction,
 * and the default colour scheme of the forms' roots. Each part is optional; a form's own prop wins.
 */
export interface CognitoLocaleSettings {
  /** Messages by key (a locale's table or a few overrides), under every form's own `messages` prop. */
  messages?: Readonly<Partial<Record<string, string>>> | undefined;
  /** The BCP 47 tag of the messages (`'de'`, `'pt-BR'`): the forms' `lang`, and the `Intl` locale of plurals, numbers and dates. */
  locale?: string | undefined;
  /** The writing direction of the forms' roots. Default: `'rtl'` for an Arabic, Hebrew, Persian or Urdu `locale`, else none set. */
  dir?: 'ltr' | 'rtl' | undefined;
  /** The default `data-theme` of every root (a form's `theme` prop wins). */
  theme?: 'light' | 'dark' | 'system' | undefined;
}

export const CognitoLocaleContext = createContext<CognitoLocaleSettings>({});

/** The password policy `<CognitoProvider passwordPolicy>` gives the new-password fields below it. */
export const CognitoPasswordPolicyContext = createContext<PasswordPolicy | undefined>(undefined);

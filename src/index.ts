'use client';
/**
 * `cognito-react`: the React layer (`<CognitoProvider>` and the hooks, on TanStack Query), the prebuilt forms
 * over it, and the core's types and helpers, from one import.
 *
 * @example
 * import { CognitoProvider, SignIn, useAuth } from 'cognito-react';
 */
export * from './react/index.js';
export * from './components/index.js';
export { loadMessages, matchLocale, locales, type LocaleModule, type LocaleTable, type LocaleTag, type LoadedMessages } from './locales/loadMessages.js';

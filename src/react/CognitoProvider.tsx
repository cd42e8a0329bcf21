'use client';
import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import { useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CognitoAuth, CognitoAuthConfig, PasswordPolicy } from '../core/index.js';
import { CognitoContext, CognitoLocaleContext, CognitoPasswordPolicyContext, type CognitoContextValue, type CognitoLocaleSettings } from './context.js';
import { cognitoQueryKeys } from './queryKeys.js';

/** What {@link CognitoProvider} and {@link CognitoStoreProvider} take besides the store. */
export interface CognitoProviderOptions extends CognitoLocaleSettings {
  children?: ReactNode;
  /**
   * The QueryClient for the hooks' queries and mutations. Default: the one of a `QueryClientProvider`
   * above, else one of the provider's own.
   */
  queryClient?: QueryClient;
  /**
   * The user pool's password policy (`UserPool.Policies.PasswordPolicy` of DescribeUserPool, an admin
   * call the browser cannot make: the app gives it). Every new-password field below (sign-up,
   * NEW_PASSWORD_REQUIRED, the password reset, the password change) then lists its rules, met or not as
   * the user types, and a password that breaks one is not sent. Cognito still judges: its refusal shows
   * as before.
   *
   * @example
   * <CognitoProvider auth={auth} passwordPolicy={{ MinimumLength: 10, RequireNumbers: true, RequireSymbols: true }}>
   */
  passwordPolicy?: PasswordPolicy | undefined;
}

/** Props of {@link CognitoStoreProvider}: an existing store (`auth`, or `transport` for server mode). */
export type CognitoStoreProviderProps = CognitoProviderOptions &
  (
    | { auth: CognitoAuth; config?: never; transport?: never }
    /** Server mode: `serverTransport('/api/auth')`, the same store interface over your server's routes. */
    | { transport: CognitoAuth; auth?: never; config?: never }
  );

/** Props of {@link CognitoProvider}: an existing store, or the configuration to create one. */
export type CognitoProviderProps =
  | CognitoStoreProviderProps
  | (CognitoProviderOptions & { config: CognitoAuthConfig; auth?: never; transport?: never });

/**
 * {@link CognitoProvider} for a store made elsewhere, without the `config` prop: nothing here creates a
 * store, so a page that passes `serverTransport(...)` bundles no part of the AWS SDK (`<CognitoProvider>`
 * names `createCognitoAuth` for its `config` prop, which brings the SDK client with it).
 *
 * `messages`, `locale`, `dir` and `theme` set the language and look of every prebuilt form below (see
 * `CognitoLocaleSettings`); what `loadMessages` resolves to (`{ locale, dir, messages }`) spreads straight
 * in: `<CognitoProvider auth={auth} {...await loadMessages(navigator.languages)}>`.
 *
 * @example
 * <CognitoStoreProvider transport={serverTransport('/api/auth')}>
 *   <SignIn signedIn={<App />} />
 * </CognitoStoreProvider>
 */
export function CognitoStoreProvider(props: CognitoStoreProviderProps) {
  const current = (props.auth ?? props.transport) as CognitoAuth;
  const value = useMemo<CognitoContextValue>(() => ({ auth: current, keys: cognitoQueryKeys(current) }), [current]);

  const outer = useContext(QueryClientContext);
  const [own] = useState(() => (props.queryClient || outer ? null : new QueryClient()));
  const queryClient = props.queryClient ?? outer ?? (own as QueryClient);

  useEffect(() => {
    const { keys } = value;
    return current.onEvent((event) => {
      switch (event.type) {
        case 'signedIn':
        case 'sessionRestored':
          void queryClient.invalidateQueries({ queryKey: keys.all });
          return;
        case 'signedOut':
          // Nothing of the last user may show after they left.
          queryClient.removeQueries({ queryKey: keys.all });
          return;
        case 'deviceConfirmed':
          void queryClient.invalidateQueries({ queryKey: keys.devices(current.getSnapshot().user?.sub ?? null) });
          return;
        case 'tokenRefreshed':
          void queryClient.invalidateQueries({ queryKey: keys.accessToken(current.getSnapshot().user?.sub ?? null) });
          return;
        default:
          return;
      }
    });
  }, [current, queryClient, value]);

  const { messages, locale, dir, theme } = props;
  const settings = useMemo<CognitoLocaleSettings>(() => ({ messages, locale, dir, theme }), [messages, locale, dir, theme]);
  const given = props.passwordPolicy !== undefined;
  const { MinimumLength, RequireUppercase, RequireLowercase, RequireNumbers, RequireSymbols } = props.passwordPolicy ?? {};
  // Kept by its rules, not its identity: an inline object would otherwise re-render every form each time.
  const policy = useMemo<PasswordPolicy | undefined>(
    () => (given ? { MinimumLength, RequireUppercase, RequireLowercase, RequireNumbers, RequireSymbols } : undefined),
    [given, MinimumLength, RequireUppercase, RequireLowercase, RequireNumbers, RequireSymbols],
  );
  const tree = (
    <CognitoContext.Provider value={value}>
      <CognitoLocaleContext.Provider value={settings}>
        <CognitoPasswordPolicyContext.Provider value={policy}>{props.children}</CognitoPasswordPolicyContext.Provider>
      </CognitoLocaleContext.Provider>
    </CognitoContext.Provider>
  );
  return queryClient === outer ? tree : <QueryClientProvider client={queryClient}>{tree}</QueryClientProvider>;
}

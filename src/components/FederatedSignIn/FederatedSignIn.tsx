'use client';
import { useId, type ReactNode } from 'react';
import type { CognitoAuthError } from '../../core/index.js';
import { useSignInWithRedirect } from '../../react/useSignInWithRedirect.js';
import { errorMessage, translate, type Messages } from '../messages.js';
import { federatedMessages } from './messages.js';
import { useFormLocale } from '../shared/useLocale.js';

/** An identity provider of the pool, as a button shows it. */
export interface FederatedProvider {
  /** The provider's name in the pool (`Google`, `SignInWithApple`, `Facebook`, `LoginWithAmazon`, an OIDC or SAML provider's). */
  name: string;
  /** The button's text (default "Continue with {name}"). */
  label?: string;
  /** The app's own artwork for the provider (none is bundled: logos are their owners' trademarks), decorative. */
  icon?: ReactNode;
  /** Sign in by an identifier of an OIDC or SAML provider (`idp_identifier`) instead of its name. */
  idpIdentifier?: string;
}

/** What `<FederatedSignIn>` takes. */
export interface FederatedSignInProps {
  /** The providers to offer, by name or described. */
  providers: readonly (string | FederatedProvider)[];
  /** Given back by `handleRedirectCallback` / `<RedirectCallback onSignedIn>` (e.g. the page to return to). */
  appState?: unknown;
  /** `prompt` for the managed login (`select_account`, `login`). */
  prompt?: string;
  /** Overrides of the message table (`federated.*`, `error.*`). */
  messages?: Messages;
  className?: string;
  /** Called when the redirect cannot start (no `oauth` option, storage refused); the error is shown too. */
  onError?: (error: CognitoAuthError) => void;
}

/**
 * A button per identity provider, each sending the user to the pool's managed login for that provider
 * (`signInWithRedirect`). Plain, accessible buttons named after the provider; no logos unless the app gives
 * `icon`.
 *
 * @example
 * <FederatedSignIn providers={['Google', { name: 'AcmeSSO', label: 'Sign in with your Acme account' }]} />
 */
export function FederatedSignIn({ providers, appState, prompt, messages, className, onError }: FederatedSignInProps) {
  const signIn = useSignInWithRedirect({ ...(onError ? { onError } : {}) });
  const id = useId();
  const lang = useFormLocale(messages);
  const t = (key: Parameters<typeof translate>[1], values?: Record<string, string>) => translate(lang.messages, key, values, federatedMessages, lang.locale);
  return (
    <div role="group" aria-labelledby={`${id}-label`} className={['cognito-react-federated', className].filter(Boolean).join(' ')} data-federated="">
      <p id={`${id}-label`}>{t('federated.group')}</p>
      {providers.map((p) => {
        const provider = typeof p === 'string' ? { name: p } : p;
        return (
          <button
            key={provider.idpIdentifier ?? provider.name}
            type="button"
            data-provider={provider.name}
            disabled={signIn.isPending}
            onClick={() =>
              signIn.mutate({
                ...(provider.idpIdentifier ? { idpIdentifier: provider.idpIdentifier } : { provider: provider.name }),
                ...(appState === undefined ? {} : { appState }),
                ...(prompt ? { prompt } : {}),
              })
            }
          >
            {provider.icon ? <span aria-hidden="true">{provider.icon}</span> : null}
            {provider.label ?? t('federated.button', { provider: provider.name })}
          </button>
        );
      })}
      <div role="alert" data-form-error="">
        {signIn.error ? errorMessage(lang.messages, signIn.error, federatedMessages, undefined, lang.locale) : null}
      </div>
    </div>
  );
}

'use client';
import { useState } from 'react';
import { createCognitoAuth, type CognitoAuthConfig } from '../core/index.js';
import { CognitoStoreProvider, type CognitoProviderProps } from './CognitoProvider.js';

// A file of its own: the one React module that creates a store, and with it the AWS SDK client. A page that
// imports only `CognitoStoreProvider` (server mode) leaves this module, and the SDK, out of its bundle.

/**
 * Makes a Cognito store available to the hooks and components below it. Renders on the server too: no
 * `window` is touched, and the status there is `loading`.
 *
 * @example
 * const auth = createCognitoAuth({ region: 'eu-west-1', userPoolId: 'eu-west-1_AbC123', clientId: '1example23' });
 * root.render(
 *   <CognitoProvider auth={auth}>
 *     <App />
 *   </CognitoProvider>,
 * );
 */
export function CognitoProvider(props: CognitoProviderProps) {
  // A store from `config` is created once for the provider's life (the config is read on first render).
  const given = props.auth ?? props.transport;
  const [auth] = useState(() => given ?? createCognitoAuth(props.config as CognitoAuthConfig));
  const { config: _config, transport: _transport, ...rest } = props;
  return <CognitoStoreProvider {...rest} auth={given ?? auth} />;
}


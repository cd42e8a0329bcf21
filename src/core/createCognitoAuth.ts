import { createAuthStore } from './authStore.js';
import type { CognitoAuth } from './authStore.js';
import { createLazySdkTransport } from './transport/lazySdkTransport.js';
import type { CognitoAuthConfig } from './types.js';

export type { CognitoAuth, SignInInput } from './authStore.js';

/**
 * Creates the sign-in engine for one user pool app client. Without `config.transport`, its requests go
 * through the AWS SDK v3 Cognito client (`createSdkTransport`), in a chunk of its own fetched here at once:
 * the page's first render does not wait for the SDK, and the SDK is there before a first request is sent.
 *
 * @example
 * const auth = createCognitoAuth({ region: 'eu-west-1', userPoolId: 'eu-west-1_AbC123', clientId: '1example23' });
 * let step = await auth.signIn({ username: 'alice', password });
 * if (step.name === 'SOFTWARE_TOKEN_MFA') step = await auth.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code });
 * const snapshot = auth.getSnapshot();
 * if (snapshot.status === 'signedIn') console.log(snapshot.user.attributes.email);
 */
export function createCognitoAuth(config: CognitoAuthConfig): CognitoAuth {
  return createAuthStore(config, (region) =>
    createLazySdkTransport({
      region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.client ? { client: config.client } : {}),
    }),
  );
}

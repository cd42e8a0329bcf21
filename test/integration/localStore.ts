import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createCognitoAuth } from '../../src/core/index.js';
import { LOCAL_POOL } from '../../scripts/localPoolUsers.mjs';

/** The SDK client for the local emulator at `endpoint`, one attempt per request (failures surface at once). */
export const localClient = (endpoint: string) => new CognitoIdentityProviderClient({ region: LOCAL_POOL.region, endpoint, maxAttempts: 1 });

/** A store for the local user pool, with the password flow (the emulator has no SRP) and no background refresh. */
export const localStore = (endpoint: string) =>
  createCognitoAuth({
    region: LOCAL_POOL.region,
    userPoolId: LOCAL_POOL.userPoolId,
    clientId: LOCAL_POOL.clientId,
    authFlow: 'USER_PASSWORD_AUTH',
    client: localClient(endpoint),
    autoRefresh: false,
  });

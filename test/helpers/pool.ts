import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createCognitoAuth } from '../../src/core/createCognitoAuth';
import type { CognitoAuthConfig } from '../../src/core/types';
import { createUserPoolSimulator } from '../../src/testing';

export const REGION = 'eu-west-1';
export const USER_POOL_ID = 'eu-west-1_TestPool1';
export const CLIENT_ID = 'testclient123';

/**
 * One msw server per test file, started and stopped by vitest's lifecycle hooks (not a React hook, hence
 * not `use...`); each test installs its own simulated pool's handlers.
 */
export function setupMswServer() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

type SimulatorOptions = Parameters<typeof createUserPoolSimulator>[0];

/**
 * A simulated pool behind the real AWS SDK client (one attempt, so failures surface at once), and an
 * engine configured for it.
 */
export function createPool(
  server: ReturnType<typeof setupServer>,
  options: Omit<SimulatorOptions, 'userPoolId' | 'clientId'> & { clientId?: string },
  authConfig: Partial<CognitoAuthConfig> = {},
) {
  const sim = createUserPoolSimulator({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID, ...options });
  server.use(...sim.handlers);
  const client = new CognitoIdentityProviderClient({ region: REGION, maxAttempts: 1 });
  const auth = createCognitoAuth({
    region: REGION,
    userPoolId: USER_POOL_ID,
    clientId: options.clientId ?? CLIENT_ID,
    ...(options.clientSecret ? { clientSecret: options.clientSecret } : {}),
    client,
    clock: () => sim.now(),
    ...authConfig,
  });
  /** The operations the pool received, in order. */
  const operations = () => sim.requests.map((r) => r.operation);
  return { sim, auth, operations };
}

export const PASSWORD = 'Passw0rd!long';

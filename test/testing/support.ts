/**
 * Shared set-up of the simulator tests: one MSW server per test file, a fresh simulator per test, and the
 * REAL AWS SDK v3 client talking to it.
 */
import { createHmac } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type InitiateAuthCommandInput,
  type RespondToAuthChallengeCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { createUserPoolSimulator, type UserPoolSimulatorConfig } from '../../src/testing';

export const POOL_ID = 'eu-west-1_AbC123';
export const CLIENT_ID = 'client123';
export const PASSWORD = 'Passw0rd!';

/** Starts one MSW server for the file; `simulate` swaps in a fresh simulator's handlers. */
export function simulatorServerPerFile() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  return function simulate(config: Partial<UserPoolSimulatorConfig> & Pick<UserPoolSimulatorConfig, 'users'>) {
    const sim = createUserPoolSimulator({ userPoolId: POOL_ID, clientId: CLIENT_ID, ...config });
    server.resetHandlers(...sim.handlers);
    // No credentials: the sign-in operations are unauthenticated (smithy.api#noAuth), the SDK must not ask.
    const client = new CognitoIdentityProviderClient({ region: 'eu-west-1', maxAttempts: 1 });
    const initiate = (input: Omit<InitiateAuthCommandInput, 'ClientId'> & { ClientId?: string }) =>
      client.send(new InitiateAuthCommand({ ClientId: CLIENT_ID, ...input }));
    const respond = (input: Omit<RespondToAuthChallengeCommandInput, 'ClientId'> & { ClientId?: string }) =>
      client.send(new RespondToAuthChallengeCommand({ ClientId: CLIENT_ID, ...input }));
    return { sim, client, initiate, respond };
  };
}

export function secretHash(secret: string, username: string, clientId = CLIENT_ID): string {
  return createHmac('sha256', secret).update(username + clientId).digest('base64');
}

/** The claims of a JWT (unverified). */
export function claimsOf(token: string | undefined): Record<string, unknown> {
  if (!token) throw new Error('no token');
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export function headerOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

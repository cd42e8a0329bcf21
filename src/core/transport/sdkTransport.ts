import {
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  ConfirmDeviceCommand,
  ForgetDeviceCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListDevicesCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  UpdateDeviceStatusCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoAuthError } from '../errors.js';
import type { CognitoTransport } from '../types.js';
import { isSdkOperation, sendByName } from './sdkCommands.js';
import { toCognitoAuthError } from './toCognitoAuthError.js';

export interface SdkTransportOptions {
  region: string;
  endpoint?: string;
  client?: CognitoIdentityProviderClient;
}

/**
 * The default transport: the AWS SDK v3 Cognito client, one command per call (so bundlers keep only
 * the commands used). Every failure leaves here as a `CognitoAuthError`.
 *
 * The operations used need no AWS credentials (the service model marks them `smithy.api#noAuth`), so
 * the client never looks for any.
 *
 * @example
 * const transport = createSdkTransport({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:9229' });
 * const auth = createCognitoAuth({ ...config, transport });
 */
export function createSdkTransport(options: SdkTransportOptions): CognitoTransport {
  const client =
    options.client ??
    withoutRetryOfUnsupported(
      new CognitoIdentityProviderClient({
        region: options.region,
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      }),
    );

  const send = async <T>(operation: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toCognitoAuthError(error, operation);
    }
  };

  return {
    initiateAuth: (input) => send('InitiateAuth', () => client.send(new InitiateAuthCommand(input))),
    respondToAuthChallenge: (input) =>
      send('RespondToAuthChallenge', () => client.send(new RespondToAuthChallengeCommand(input))),
    associateSoftwareToken: (input) =>
      send('AssociateSoftwareToken', () => client.send(new AssociateSoftwareTokenCommand(input))),
    verifySoftwareToken: (input) =>
      send('VerifySoftwareToken', () => client.send(new VerifySoftwareTokenCommand(input))),
    getTokensFromRefreshToken: (input) =>
      send('GetTokensFromRefreshToken', () => client.send(new GetTokensFromRefreshTokenCommand(input))),
    revokeToken: (input) => send('RevokeToken', () => client.send(new RevokeTokenCommand(input))),
    globalSignOut: (input) => send('GlobalSignOut', () => client.send(new GlobalSignOutCommand(input))),
    confirmDevice: (input) => send('ConfirmDevice', () => client.send(new ConfirmDeviceCommand(input))),
    updateDeviceStatus: (input) =>
      send('UpdateDeviceStatus', () => client.send(new UpdateDeviceStatusCommand(input))),
    forgetDevice: (input) => send('ForgetDevice', () => client.send(new ForgetDeviceCommand(input))),
    listDevices: (input) => send('ListDevices', () => client.send(new ListDevicesCommand(input))),
    getUser: (input) => send('GetUser', () => client.send(new GetUserCommand(input))),
    command: (operation, input) => {
      if (!isSdkOperation(operation)) {
        return Promise.reject(
          new CognitoAuthError('UnsupportedOperation', `The SDK transport does not send ${operation}.`, { operation }),
        );
      }
      return send(operation, () => sendByName<never>(client, operation, input as object));
    },
  };
}


/** The SDK's retry strategy (V2), as far as it is used here. */
interface RetryStrategy {
  acquireInitialRetryToken(scope: string): Promise<unknown>;
  refreshRetryTokenForRetry(token: unknown, errorInfo: { error?: unknown }): Promise<unknown>;
  recordSuccess(token: unknown): void;
}

/**
 * An answer saying the pool does not have the operation at all: a local emulator's 500 "Unsupported"
 * (cognito-local answers ListDevices, ListWebAuthnCredentials so). Sending it again cannot help.
 */
function isUnsupported(error: unknown): boolean {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; message?: unknown };
  return e.name === 'Unsupported' || (typeof e.message === 'string' && e.message.startsWith('Cognito Local unsupported feature'));
}

/**
 * The client the transport creates keeps the SDK's retries (throttling, 5xx, network), except for an
 * unsupported operation, which the SDK would otherwise send three times before failing the same way.
 */
function withoutRetryOfUnsupported(client: CognitoIdentityProviderClient): CognitoIdentityProviderClient {
  const config = client.config as unknown as { retryStrategy?: () => Promise<unknown> };
  const resolve = config.retryStrategy;
  if (typeof resolve !== 'function') return client;
  let wrapped: Promise<unknown> | undefined;
  config.retryStrategy = () =>
    (wrapped ??= resolve().then((strategy) => {
      const s = strategy as Partial<RetryStrategy>;
      if (typeof s.refreshRetryTokenForRetry !== 'function' || typeof s.acquireInitialRetryToken !== 'function' || typeof s.recordSuccess !== 'function') return strategy;
      const v2 = strategy as RetryStrategy;
      return {
        acquireInitialRetryToken: (scope: string) => v2.acquireInitialRetryToken(scope),
        refreshRetryTokenForRetry: (token: unknown, errorInfo: { error?: unknown }) =>
          isUnsupported(errorInfo?.error) ? Promise.reject(errorInfo.error) : v2.refreshRetryTokenForRetry(token, errorInfo),
        recordSuccess: (token: unknown) => v2.recordSuccess(token),
      } satisfies RetryStrategy;
    }));
  return client;
}

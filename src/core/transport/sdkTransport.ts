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
import { sdkCommand } from './sdkCommands.js';
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
    new CognitoIdentityProviderClient({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    });

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
      const Command = sdkCommand(operation);
      if (!Command) {
        return Promise.reject(
          new CognitoAuthError('UnsupportedOperation', `The SDK transport does not send ${operation}.`, { operation }),
        );
      }
      return send(operation, () => client.send(new Command(input as never)) as unknown as Promise<never>);
    },
  };
}


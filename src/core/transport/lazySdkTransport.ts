import { CognitoAuthError } from '../errors.js';
import type { CognitoTransport } from '../types.js';
import type { SdkTransportOptions } from './sdkTransport.js';

type Operation = Exclude<keyof CognitoTransport, 'command' | 'tokensOnServer'>;
const OPERATIONS: Operation[] = [
  'initiateAuth',
  'respondToAuthChallenge',
  'associateSoftwareToken',
  'verifySoftwareToken',
  'getTokensFromRefreshToken',
  'revokeToken',
  'globalSignOut',
  'confirmDevice',
  'updateDeviceStatus',
  'forgetDevice',
  'listDevices',
  'getUser',
];

/**
 * The SDK transport (`createSdkTransport`) in a chunk of its own: the AWS SDK client is most of a page's
 * weight and its first screen (a form) does not need it, only its first request does. The chunk is fetched
 * at once, beside the page's first render (long before anyone can type a password and submit), and every
 * call waits for it. If it cannot be fetched, a call fails as a retryable `NetworkError` (the form says
 * so), and the next call fetches it again.
 */
export function createLazySdkTransport(options: SdkTransportOptions): CognitoTransport {
  let ready: Promise<CognitoTransport> | undefined;
  const load = () =>
    (ready ??= import('./sdkTransport.js').then(
      (m) => m.createSdkTransport(options),
      (cause: unknown) => {
        ready = undefined;
        throw new CognitoAuthError('NetworkError', 'The code that talks to Cognito could not be loaded.', { retryable: true, cause });
      },
    ));
  void load().catch(() => undefined);
  const transport = Object.fromEntries(
    OPERATIONS.map((name) => [name, (input: never) => load().then((t) => (t[name] as (input: never) => Promise<unknown>)(input))]),
  ) as unknown as CognitoTransport;
  transport.command = (operation, input) => load().then((t) => t.command!(operation, input));
  return transport;
}

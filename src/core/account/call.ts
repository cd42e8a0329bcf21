import type { CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoAuth } from '../authStore.js';
import { CognitoAuthError } from '../errors.js';
import { checkCode, type CodeKind } from '../engine/codeFormat.js';
import { computeSecretHash } from '../engine/secretHash.js';
import type { CodeDelivery } from '../types.js';

export function toCodeDelivery(details: CodeDeliveryDetailsType | undefined): CodeDelivery | undefined {
  if (!details) return undefined;
  return {
    deliveryMedium: details.DeliveryMedium ?? '',
    destination: details.Destination ?? '',
    ...(details.AttributeName ? { attribute: details.AttributeName } : {}),
  };
}

/** Sends one operation through the store's transport (see `CognitoTransport.command`). */
export function send<I extends object, O extends object>(auth: CognitoAuth, operation: string, input: I): Promise<O> {
  const { transport } = auth;
  if (!transport.command) {
    return Promise.reject(
      new CognitoAuthError('UnsupportedOperation', `This transport cannot send ${operation}: it has no command() method.`, { operation }),
    );
  }
  return transport.command<I, O>(operation, input);
}

/**
 * What every public-client operation for a user carries: ClientId, SECRET_HASH when the client has a
 * secret, the configured AnalyticsMetadata and UserContextData, and ClientMetadata for the Lambda triggers.
 */
export async function clientContext(auth: CognitoAuth, username: string, clientMetadata?: Record<string, string>) {
  const { config } = auth;
  const context = typeof config.userContextData === 'function' ? config.userContextData(username) : config.userContextData;
  const metadata = config.clientMetadata || clientMetadata ? { ...config.clientMetadata, ...clientMetadata } : undefined;
  return {
    ClientId: config.clientId,
    ...(config.clientSecret ? { SecretHash: await computeSecretHash(username, config.clientId, config.clientSecret) } : {}),
    ...(config.analyticsMetadata ? { AnalyticsMetadata: config.analyticsMetadata } : {}),
    ...(context ? { UserContextData: context } : {}),
    ...(metadata ? { ClientMetadata: metadata } : {}),
  };
}

/**
 * A signed-in operation: the current access token (refreshed first when it is about to expire). In server
 * mode the browser has none: the server puts the session's in, so the field goes empty.
 */
export async function accessToken(auth: CognitoAuth): Promise<{ AccessToken: string }> {
  if (auth.transport.tokensOnServer) return { AccessToken: '' };
  return { AccessToken: await auth.getAccessToken() };
}

/** Trimmed, or an `InvalidInput` error for the field. */
export function requireText(value: unknown, error: () => CognitoAuthError): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw error();
  return text;
}

/** A code of the given kind (see `checkCode`), normalised, or an `InvalidInput` error. */
export function requireCode(kind: CodeKind, value: unknown, error: () => CognitoAuthError): string {
  const check = checkCode(kind, typeof value === 'string' ? value : '');
  if (!check.ok) throw error();
  return check.code;
}

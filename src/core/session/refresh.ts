import type { AuthenticationResultType, GetUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoAuthError, isCognitoAuthError } from '../errors.js';
import { computeSecretHash } from '../engine/secretHash.js';
import { toCognitoAuthError } from '../transport/toCognitoAuthError.js';
import type { AuthUser, CognitoTransport, MfaType, UserDetails } from '../types.js';
import { sessionFromResult, type Session, type TokenAudience } from './tokens.js';

/** What one refresh needs: the app client, how it renews tokens, and the audience the new ones must have. */
export interface RefreshConfig {
  transport: CognitoTransport;
  clientId: string;
  clientSecret?: string | undefined;
  clientMetadata?: Record<string, string> | undefined;
  /** The app client rotates refresh tokens: GetTokensFromRefreshToken, and the new refresh token is kept. */
  refreshTokenRotation?: boolean | undefined;
  audience: TokenAudience;
  clock: () => number;
}

/** Errors of a refresh that mean the refresh token will never work again: the session is over. */
const SESSION_ENDING_ERRORS = ['NotAuthorizedException', 'UserNotFoundException'] as const;

/**
 * One refresh request for `session`: the new session, not yet adopted. The one implementation of the
 * refresh, for the browser's store and for the server's handler: REFRESH_TOKEN_AUTH, or
 * GetTokensFromRefreshToken when the client rotates refresh tokens; SECRET_HASH over the user's permanent
 * username; the device key the tokens are bound to.
 */
export async function requestRefresh(
  config: RefreshConfig,
  session: Pick<Session, 'tokens' | 'deviceKey' | 'signInName'> & { user: Pick<AuthUser, 'username'> },
): Promise<Session> {
  const { transport } = config;
  // The callers refresh only a session that has a refresh token.
  const refreshToken = session.tokens.refreshToken as string;
  let result: AuthenticationResultType | undefined;
  if (config.refreshTokenRotation) {
    ({ AuthenticationResult: result } = await transport.getTokensFromRefreshToken({
      ClientId: config.clientId,
      RefreshToken: refreshToken,
      ...(config.clientSecret ? { ClientSecret: config.clientSecret } : {}),
      ...(session.deviceKey ? { DeviceKey: session.deviceKey } : {}),
    }));
  } else {
    const params: Record<string, string> = { REFRESH_TOKEN: refreshToken };
    // The secret hash of a refresh is computed over the user's permanent username.
    if (config.clientSecret) params.SECRET_HASH = await computeSecretHash(session.user.username, config.clientId, config.clientSecret);
    if (session.deviceKey) params.DEVICE_KEY = session.deviceKey;
    ({ AuthenticationResult: result } = await transport.initiateAuth({
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: config.clientId,
      AuthParameters: params,
      ...(config.clientMetadata ? { ClientMetadata: config.clientMetadata } : {}),
    }));
  }
  if (!result) throw new CognitoAuthError('InvalidResponse', 'Cognito answered a refresh without tokens.');
  return sessionFromResult(result, config.clock(), config.audience, {
    refreshToken,
    deviceKey: session.deviceKey,
    signInName: session.signInName,
  });
}

/** Converts a refresh failure: a refresh token Cognito refuses ends the session (`SessionEnded`, `ends`). */
export function refreshError(error: unknown, rotation: boolean | undefined): { error: CognitoAuthError; ends: boolean } {
  const e = toCognitoAuthError(error, rotation ? 'GetTokensFromRefreshToken' : 'InitiateAuth');
  if (isCognitoAuthError(e, SESSION_ENDING_ERRORS)) {
    return {
      error: new CognitoAuthError('SessionEnded', 'Your session has ended. Sign in again.', { operation: e.operation, cause: e }),
      ends: true,
    };
  }
  return { error: e, ends: false };
}

const isMfa = (m: string): m is MfaType => m === 'SMS_MFA' || m === 'SOFTWARE_TOKEN_MFA' || m === 'EMAIL_OTP';

/** GetUser's answer as the library shows it: attributes as strings, the MFA methods it knows. */
export function userDetailsFrom(output: GetUserCommandOutput, fallbackUsername: string): UserDetails {
  const attributes: Record<string, string> = {};
  for (const { Name, Value } of output.UserAttributes ?? []) if (Name && Value !== undefined) attributes[Name] = Value;
  const preferred = output.PreferredMfaSetting;
  return {
    username: output.Username ?? fallbackUsername,
    attributes,
    mfa: { enabled: (output.UserMFASettingList ?? []).filter(isMfa), preferred: preferred && isMfa(preferred) ? preferred : undefined },
  };
}

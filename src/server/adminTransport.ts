import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  type AdminInitiateAuthCommandInput,
  type AuthFlowType,
  type CognitoIdentityProviderClient,
  type ContextDataType,
  type InitiateAuthCommandOutput,
  type RespondToAuthChallengeCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { createSdkTransport, type CognitoTransport } from '../core/index.js';
import { toCognitoAuthError } from '../core/shared.js';

/**
 * The engine's transport on a server: sign-in goes through AdminInitiateAuth and AdminRespondToAuthChallenge
 * (signed with the server's IAM credentials, with the user's ContextData so threat protection sees the real
 * client); USER_PASSWORD_AUTH becomes ADMIN_USER_PASSWORD_AUTH. Everything else is the public API.
 */
export function createAdminTransport(options: {
  client: CognitoIdentityProviderClient;
  region: string;
  userPoolId: string;
  contextData: ContextDataType | undefined;
}): CognitoTransport {
  const base = createSdkTransport({ region: options.region, client: options.client });
  const { client, userPoolId, contextData } = options;
  const context = contextData ? { ContextData: contextData } : {};
  return {
    ...base,
    async initiateAuth(input) {
      const flow = (input.AuthFlow === 'USER_PASSWORD_AUTH' ? 'ADMIN_USER_PASSWORD_AUTH' : input.AuthFlow) as AuthFlowType;
      const admin: AdminInitiateAuthCommandInput = {
        UserPoolId: userPoolId,
        ClientId: input.ClientId,
        AuthFlow: flow,
        ...(input.AuthParameters ? { AuthParameters: input.AuthParameters } : {}),
        ...(input.ClientMetadata ? { ClientMetadata: input.ClientMetadata } : {}),
        ...(input.AnalyticsMetadata ? { AnalyticsMetadata: input.AnalyticsMetadata } : {}),
        ...(input.Session ? { Session: input.Session } : {}),
        ...context,
      };
      try {
        return (await client.send(new AdminInitiateAuthCommand(admin))) as InitiateAuthCommandOutput;
      } catch (error) {
        throw toCognitoAuthError(error, 'AdminInitiateAuth');
      }
    },
    async respondToAuthChallenge(input) {
      try {
        return (await client.send(
          new AdminRespondToAuthChallengeCommand({
            UserPoolId: userPoolId,
            ClientId: input.ClientId,
            ChallengeName: input.ChallengeName,
            ...(input.ChallengeResponses ? { ChallengeResponses: input.ChallengeResponses } : {}),
            ...(input.Session ? { Session: input.Session } : {}),
            ...(input.ClientMetadata ? { ClientMetadata: input.ClientMetadata } : {}),
            ...(input.AnalyticsMetadata ? { AnalyticsMetadata: input.AnalyticsMetadata } : {}),
            ...context,
          }),
        )) as RespondToAuthChallengeCommandOutput;
      } catch (error) {
        throw toCognitoAuthError(error, 'AdminRespondToAuthChallenge');
      }
    },
  };
}

/** Headers worth giving Cognito's threat protection; never cookies or authorization. */
const CONTEXT_HEADERS = ['user-agent', 'accept-language', 'accept', 'referer', 'origin', 'x-forwarded-for', 'sec-ch-ua', 'sec-ch-ua-platform'];

/**
 * ContextData from the request: the client's IP (from `x-forwarded-for` only when the app trusts its proxy),
 * the server name the browser addressed (`host`: its Host header, or the forwarded host from a trusted
 * proxy; not `request.url`'s, which frameworks rewrite), the path, and a few headers.
 */
export function contextDataFrom(request: Request, ip: string | undefined, host?: string): ContextDataType {
  const url = new URL(request.url);
  const headers = CONTEXT_HEADERS.flatMap((name) => {
    const value = request.headers.get(name);
    return value ? [{ headerName: name, headerValue: value }] : [];
  });
  return { IpAddress: ip ?? '0.0.0.0', ServerName: host ?? url.host, ServerPath: url.pathname, HttpHeaders: headers };
}

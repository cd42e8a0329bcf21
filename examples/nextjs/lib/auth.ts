// The server side of the sign-in: one handler for the whole app, created on first use (so that `next build`
// needs none of the secrets). Import it only from server code: route handlers and server components.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createAuthHandler, type AuthHandler } from 'cognito-react/server';

let handler: AuthHandler | undefined;

export function auth(): AuthHandler {
  const env = process.env;
  handler ??= createAuthHandler({
    region: env.COGNITO_REGION!,
    userPoolId: env.COGNITO_USER_POOL_ID!,
    clientId: env.COGNITO_CLIENT_ID!,
    clientSecret: env.COGNITO_CLIENT_SECRET,
    cookieSecrets: [env.COOKIE_SECRET!],
    // A local pool (COGNITO_ENDPOINT=http://127.0.0.1:9229): the SDK client speaks to it, and the cookie
    // is not Secure, since the page is served over plain http://.
    ...(env.COGNITO_ENDPOINT
      ? {
          client: new CognitoIdentityProviderClient({
            region: env.COGNITO_REGION,
            endpoint: env.COGNITO_ENDPOINT,
            credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          }),
          cookie: { secure: false },
        }
      : {}),
    ...(env.COGNITO_ISSUER ? { issuer: env.COGNITO_ISSUER } : {}),
    // cognito-local has no SRP: COGNITO_AUTH_FLOW=USER_PASSWORD_AUTH.
    ...(env.COGNITO_AUTH_FLOW === 'USER_PASSWORD_AUTH' ? { authFlow: 'USER_PASSWORD_AUTH' as const } : {}),
  });
  return handler;
}

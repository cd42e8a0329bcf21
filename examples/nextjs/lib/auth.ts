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
    // Federated sign-in through the pool's managed login (COGNITO_OAUTH_DOMAIN, e.g. auth.example.com): the
    // handler's /oauth/start, /oauth/callback and /oauth/logout. APP_URL is this app's public origin; its
    // callback and sign-out URLs below must be allowed on the app client, exactly.
    ...(env.COGNITO_OAUTH_DOMAIN
      ? {
          oauth: {
            domain: env.COGNITO_OAUTH_DOMAIN,
            redirectUri: `${env.APP_URL}/api/auth/oauth/callback`,
            logoutUri: `${env.APP_URL}/`,
            // aws.cognito.signin.user.admin: the account page's settings work for federated users too.
            scopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
          },
        }
      : {}),
  });
  return handler;
}

/** The identity providers the sign-in page offers (COGNITO_OAUTH_PROVIDERS=Google,AcmeSSO): none without managed login. */
export function federatedProviders(): string[] {
  const env = process.env;
  return env.COGNITO_OAUTH_DOMAIN ? (env.COGNITO_OAUTH_PROVIDERS ?? '').split(',').filter(Boolean) : [];
}

// The server side of the sign-in. A `.server` module: React Router keeps it out of the browser's bundle.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createAuthHandler, type AuthHandler } from 'cognito-react/server';

let handler: AuthHandler | undefined;

/** The handler, created on first use so that `react-router build` needs none of the secrets. */
export function auth(): AuthHandler {
  const env = process.env;
  handler ??= createAuthHandler({
    region: env.COGNITO_REGION!,
    userPoolId: env.COGNITO_USER_POOL_ID!,
    clientId: env.COGNITO_CLIENT_ID!,
    clientSecret: env.COGNITO_CLIENT_SECRET,
    cookieSecrets: [env.COOKIE_SECRET!],
    // A local pool over plain http:// (COGNITO_ENDPOINT): the SDK client points at it, the cookie is not Secure.
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

/** The signed-in user of a loader's request, or null; `headers` carries a refreshed cookie back. */
export async function sessionOf(request: Request) {
  const session = await auth().getSession(request);
  const headers = new Headers();
  for (const cookie of session?.setCookie ?? []) headers.append('set-cookie', cookie);
  return { session, headers };
}

import { createCognitoAuth } from 'cognito-react';

const env = import.meta.env;

// Browser mode: the page speaks to Cognito itself and keeps the session in localStorage, so it survives a
// reload and is shared by every tab of this origin (a sign-in or sign-out in one reaches the others).
export const auth = createCognitoAuth({
  region: env.VITE_COGNITO_REGION,
  userPoolId: env.VITE_COGNITO_USER_POOL_ID,
  clientId: env.VITE_COGNITO_CLIENT_ID,
  storage: 'localStorage',
  ...(env.VITE_COGNITO_ENDPOINT ? { endpoint: env.VITE_COGNITO_ENDPOINT } : {}),
  ...(env.VITE_COGNITO_AUTH_FLOW ? { authFlow: env.VITE_COGNITO_AUTH_FLOW } : {}),
  // Federated sign-in through the pool's managed login: its domain, and this app's callback (/callback) and
  // sign-out (/) URLs, which must be allowed on the app client exactly.
  ...(env.VITE_COGNITO_OAUTH_DOMAIN
    ? {
        oauth: {
          domain: env.VITE_COGNITO_OAUTH_DOMAIN,
          redirectUri: `${location.origin}/callback`,
          logoutUri: `${location.origin}/`,
          // aws.cognito.signin.user.admin: the account page's settings work for federated users too.
          scopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
        },
      }
    : {}),
});

/** The identity providers the sign-in page offers (VITE_COGNITO_OAUTH_PROVIDERS=Google,AcmeSSO): none without managed login. */
export const providers: string[] = env.VITE_COGNITO_OAUTH_DOMAIN ? (env.VITE_COGNITO_OAUTH_PROVIDERS ?? '').split(',').filter(Boolean) : [];

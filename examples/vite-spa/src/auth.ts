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
});

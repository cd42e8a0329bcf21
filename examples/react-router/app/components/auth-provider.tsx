import { CognitoStoreProvider, serverTransport } from 'cognito-react';

// The sign-in runs on this app's server (routes/api.auth.ts): the browser never holds a token.
const transport = serverTransport('/api/auth');

export function AuthProvider({ children }: { children: React.ReactNode }) {
  return <CognitoStoreProvider transport={transport}>{children}</CognitoStoreProvider>;
}

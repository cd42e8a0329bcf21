'use client';
// Components that use the provider, the hooks or the forms live in client components: 'use client'.
import { CognitoStoreProvider, serverTransport } from 'cognito-react';

// The sign-in runs on this app's server (app/api/auth/[...path]/route.ts): the browser holds no token.
export const transport = serverTransport('/api/auth');

export function Providers({ children }: { children: React.ReactNode }) {
  return <CognitoStoreProvider transport={transport}>{children}</CognitoStoreProvider>;
}

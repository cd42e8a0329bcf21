import { CognitoStoreProvider, serverTransport, signOutWithRedirect, useSignOut } from 'cognito-react';

// The sign-in runs on this app's server (routes/api.auth.ts): the browser never holds a token.
const transport = serverTransport('/api/auth');

export function AuthProvider({ children }: { children: React.ReactNode }) {
  return <CognitoStoreProvider transport={transport}>{children}</CognitoStoreProvider>;
}

/**
 * Sign-out; with managed login, the federated one: the server revokes and clears the cookie
 * (POST /api/auth/oauth/logout), then the pool's /logout ends its own session and sends the browser back to `/`.
 */
export function useSignOutEverywhere(federated: boolean, then?: () => void) {
  const signOut = useSignOut();
  return () => (federated ? void signOutWithRedirect(transport) : signOut.mutate(undefined, { onSuccess: then }));
}

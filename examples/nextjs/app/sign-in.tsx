'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Authentication, FederatedSignIn, signOutWithRedirect, useAuth, useSignOut } from 'cognito-react';
import { transport } from './providers';

/**
 * Sign-out; with managed login, the federated one: the server revokes and clears the cookie
 * (POST /api/auth/oauth/logout), then the pool's /logout ends its own session and sends the browser back to `/`.
 */
export function useSignOutEverywhere(federated: boolean, then?: () => void) {
  const signOut = useSignOut();
  return () => (federated ? void signOutWithRedirect(transport) : signOut.mutate(undefined, { onSuccess: then }));
}

function SignedIn({ federated }: { federated: boolean }) {
  const username = useAuth((s) => s.user?.username);
  const router = useRouter();
  const signOut = useSignOutEverywhere(federated, () => router.refresh());
  return (
    <section>
      <h2>Signed in as {username}</h2>
      <Link href="/account">Your account</Link> <button onClick={signOut}>Sign out</button>
    </section>
  );
}

export function SignInPanel({ providers }: { providers: string[] }) {
  const router = useRouter();
  // After the sign-in, the server components render again with the new cookie. A provider's button goes to
  // /api/auth/oauth/start, and the server brings the user back here signed in.
  return (
    <Authentication
      signedIn={<SignedIn federated={providers.length > 0} />}
      onSignedIn={() => router.refresh()}
      federatedProviders={providers.length > 0 ? <FederatedSignIn providers={providers} /> : undefined}
    />
  );
}

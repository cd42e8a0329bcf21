'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Authentication, useAuth, useSignOut } from 'cognito-react';

function SignedIn() {
  const username = useAuth((s) => s.user?.username);
  const signOut = useSignOut();
  const router = useRouter();
  return (
    <section>
      <h2>Signed in as {username}</h2>
      <Link href="/account">Your account</Link>{' '}
      <button onClick={() => signOut.mutate(undefined, { onSuccess: () => router.refresh() })}>Sign out</button>
    </section>
  );
}

export function SignInPanel() {
  const router = useRouter();
  // After the sign-in, the server components render again with the new cookie.
  return <Authentication signedIn={<SignedIn />} onSignedIn={() => router.refresh()} />;
}

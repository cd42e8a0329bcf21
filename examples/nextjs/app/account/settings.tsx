'use client';
import { useRouter } from 'next/navigation';
import { AccountSettings, useRequireAuth, useSignOut } from 'cognito-react';

export function Settings() {
  const router = useRouter();
  const signOut = useSignOut();
  // Signed out here or in another tab: back to the sign-in page.
  const { isSignedIn } = useRequireAuth(() => router.replace('/'));
  if (!isSignedIn) return null;
  return (
    <>
      <button onClick={() => signOut.mutate()}>Sign out</button>
      <AccountSettings sections={['profile', 'password', 'mfa']} />
    </>
  );
}

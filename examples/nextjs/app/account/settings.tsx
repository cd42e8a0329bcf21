'use client';
import { useRouter } from 'next/navigation';
import { AccountSettings, useRequireAuth } from 'cognito-react';
import { useSignOutEverywhere } from '../sign-in';

export function Settings({ federated }: { federated: boolean }) {
  const router = useRouter();
  const signOut = useSignOutEverywhere(federated);
  // Signed out here or in another tab: back to the sign-in page.
  const { isSignedIn } = useRequireAuth(() => router.replace('/'));
  if (!isSignedIn) return null;
  return (
    <>
      <button onClick={signOut}>Sign out</button>
      <AccountSettings sections={['profile', 'password', 'mfa']} />
    </>
  );
}

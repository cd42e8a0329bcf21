import { AccountSettings, useRequireAuth } from 'cognito-react';
import { data, redirect, useNavigate } from 'react-router';
import { AuthProvider, useSignOutEverywhere } from '~/components/auth-provider';
import { federatedProviders, sessionOf } from '~/lib/auth.server';
import type { Route } from './+types/account';

// A protected route: the loader redirects to the sign-in page when nobody is signed in.
export async function loader({ request }: Route.LoaderArgs) {
  const { session, headers } = await sessionOf(request);
  if (!session) throw redirect('/');
  return data({ username: session.user.username, federated: federatedProviders().length > 0 }, { headers });
}

function Settings({ federated }: { federated: boolean }) {
  const navigate = useNavigate();
  const signOut = useSignOutEverywhere(federated);
  const { isSignedIn } = useRequireAuth(() => navigate('/', { replace: true }));
  if (!isSignedIn) return null;
  return (
    <>
      <button onClick={signOut}>Sign out</button>
      <AccountSettings sections={['profile', 'password', 'mfa']} />
    </>
  );
}

export default function Account({ loaderData }: Route.ComponentProps) {
  return (
    <main>
      <h1>Account of {loaderData.username}</h1>
      <AuthProvider>
        <Settings federated={loaderData.federated} />
      </AuthProvider>
    </main>
  );
}

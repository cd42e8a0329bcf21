import { Authentication, FederatedSignIn, useAuth } from 'cognito-react';
import { Link, data, useRevalidator } from 'react-router';
import { AuthProvider, useSignOutEverywhere } from '~/components/auth-provider';
import { federatedProviders, sessionOf } from '~/lib/auth.server';
import type { Route } from './+types/home';

// The loader reads the session on the server, from the sealed cookie.
export async function loader({ request }: Route.LoaderArgs) {
  const { session, headers } = await sessionOf(request);
  return data({ username: session?.user.username ?? null, providers: federatedProviders() }, { headers });
}

function SignedIn({ federated }: { federated: boolean }) {
  const username = useAuth((s) => s.user?.username);
  const revalidator = useRevalidator();
  const signOut = useSignOutEverywhere(federated, () => void revalidator.revalidate());
  return (
    <section>
      <h2>Signed in as {username}</h2>
      <Link to="/account">Your account</Link> <button onClick={signOut}>Sign out</button>
    </section>
  );
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const revalidator = useRevalidator();
  return (
    <main>
      <h1>cognito-react with React Router</h1>
      <p data-testid="server-user">{loaderData.username ? `The server sees ${loaderData.username}.` : 'The server sees nobody signed in.'}</p>
      <AuthProvider>
        {/* A provider's button goes to /api/auth/oauth/start; the server brings the user back here signed in. */}
        <Authentication
          signedIn={<SignedIn federated={loaderData.providers.length > 0} />}
          onSignedIn={() => void revalidator.revalidate()}
          federatedProviders={loaderData.providers.length > 0 ? <FederatedSignIn providers={loaderData.providers} /> : undefined}
        />
      </AuthProvider>
    </main>
  );
}

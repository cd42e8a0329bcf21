import { Authentication, useAuth, useSignOut } from 'cognito-react';
import { Link, data, useRevalidator } from 'react-router';
import { AuthProvider } from '~/components/auth-provider';
import { sessionOf } from '~/lib/auth.server';
import type { Route } from './+types/home';

// The loader reads the session on the server, from the sealed cookie.
export async function loader({ request }: Route.LoaderArgs) {
  const { session, headers } = await sessionOf(request);
  return data({ username: session?.user.username ?? null }, { headers });
}

function SignedIn() {
  const username = useAuth((s) => s.user?.username);
  const signOut = useSignOut();
  const revalidator = useRevalidator();
  return (
    <section>
      <h2>Signed in as {username}</h2>
      <Link to="/account">Your account</Link>{' '}
      <button onClick={() => signOut.mutate(undefined, { onSuccess: () => void revalidator.revalidate() })}>Sign out</button>
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
        <Authentication signedIn={<SignedIn />} onSignedIn={() => void revalidator.revalidate()} />
      </AuthProvider>
    </main>
  );
}

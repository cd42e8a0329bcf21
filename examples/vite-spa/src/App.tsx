import { AccountSettings, Authentication, FederatedSignIn, RedirectCallback, signOutWithRedirect, useAuth, useRequireAuth, useSignOut } from 'cognito-react';
import { Link, Route, Routes, useNavigate } from 'react-router';
import { auth, providers } from './auth.ts';

function Home() {
  const username = useAuth((s) => s.user?.username);
  const signOut = useSignOut();
  // With managed login, the federated sign-out: RevokeToken, then the pool's /logout (which ends its own
  // session, else the next sign-in picks the same account silently) sends the browser back to `/`.
  const onSignOut = () => (providers.length > 0 ? void signOutWithRedirect(auth) : signOut.mutate());
  return (
    <section>
      <h2>Signed in as {username}</h2>
      <Link to="/account">Your account</Link> <button onClick={onSignOut}>Sign out</button>
    </section>
  );
}

/** A protected route: back to the sign-in page as soon as nobody is signed in (here or in another tab). */
function Account() {
  const navigate = useNavigate();
  const { isSignedIn } = useRequireAuth(() => navigate('/', { replace: true }));
  if (!isSignedIn) return null;
  return (
    <section>
      <h1>Your account</h1>
      <Link to="/">Home</Link>
      <AccountSettings sections={['profile', 'password', 'mfa', 'devices']} />
    </section>
  );
}

/** The redirect route of managed login (the callback URL): completes the sign-in, then back where it started. */
function Callback() {
  const navigate = useNavigate();
  return (
    <RedirectCallback
      onSignedIn={(appState) => navigate((appState as { returnTo?: string } | undefined)?.returnTo ?? '/', { replace: true })}
      retry={() => navigate('/', { replace: true })}
    />
  );
}

export function App() {
  const federated = providers.length > 0 ? <FederatedSignIn providers={providers} appState={{ returnTo: '/' }} /> : undefined;
  return (
    <Routes>
      <Route path="/" element={<Authentication signedIn={<Home />} federatedProviders={federated} />} />
      <Route path="/account" element={<Account />} />
      <Route path="/callback" element={<Callback />} />
    </Routes>
  );
}

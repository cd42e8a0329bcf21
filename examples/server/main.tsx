import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { AccountSettings, Authentication, CognitoStoreProvider, serverTransport, useAuth, useSignOut } from 'cognito-react';

// The sign-in runs on this page's server: the browser holds no token, only an HttpOnly cookie it cannot read.
const auth = serverTransport('/api/auth');

function Home() {
  const username = useAuth((s) => s.user?.username);
  const signOut = useSignOut();
  const [me, setMe] = useState<string>('…');
  useEffect(() => {
    // The app's own API, authenticated by the cookie on the server.
    void fetch('/api/me').then(async (r) => setMe(r.ok ? `${(await r.json()).email}` : `refused (${r.status})`));
  }, []);
  return (
    <section>
      <h1>Signed in as {username}</h1>
      <p data-testid="me">Your API says: {me}</p>
      <button onClick={() => signOut.mutate()}>Sign out</button>
      {/* Account settings work through the server too: it adds the session's access token to each request. */}
      <AccountSettings sections={['profile', 'password', 'mfa', 'delete']} />
    </section>
  );
}

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <CognitoStoreProvider transport={auth}>
      {/* Sign in, create an account, reset a password: every request goes through this page's server. */}
      <Authentication signedIn={<Home />} />
    </CognitoStoreProvider>
  </StrictMode>,
);

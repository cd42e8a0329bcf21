import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Authentication, CognitoStoreProvider, FederatedSignIn, serverTransport, signOutWithRedirect, useAuth, useSignOut } from 'cognito-react';
import 'cognito-react/styles.css';

// The sign-in runs on the Express server (/api/auth): the page never holds a token.
const transport = serverTransport('/api/auth');

function Orders({ federated }: { federated: boolean }) {
  const username = useAuth((s) => s.user?.username);
  const signOut = useSignOut();
  const [orders, setOrders] = useState('Loading your orders…');
  useEffect(() => {
    // The protected API: the browser sends the HttpOnly cookie, the server reads the session from it.
    void fetch('/api/orders').then(async (r) =>
      setOrders(r.ok ? (await r.json()).orders.map((o: { item: string }) => o.item).join(', ') : `Refused (${r.status})`),
    );
  }, []);
  // With managed login, the federated sign-out: the server revokes and clears the cookie, then the pool's
  // /logout ends its own session and sends the browser back here.
  return (
    <section>
      <h2>Signed in as {username}</h2>
      <p data-testid="orders">Your orders: {orders}</p>
      <button onClick={() => (federated ? void signOutWithRedirect(transport) : signOut.mutate())}>Sign out</button>
    </section>
  );
}

function App() {
  // The providers the server has set up (GET /api/sign-in-options); none until it has said.
  const [providers, setProviders] = useState<string[]>([]);
  useEffect(() => {
    void fetch('/api/sign-in-options')
      .then((r) => (r.ok ? r.json() : { providers: [] }))
      .then((options: { providers: string[] }) => setProviders(options.providers), () => setProviders([]));
  }, []);
  return (
    <Authentication
      signedIn={<Orders federated={providers.length > 0} />}
      // A provider's button goes to /api/auth/oauth/start; the server brings the user back here signed in.
      federatedProviders={providers.length > 0 ? <FederatedSignIn providers={providers} /> : undefined}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CognitoStoreProvider transport={transport}>
      <App />
    </CognitoStoreProvider>
  </StrictMode>,
);

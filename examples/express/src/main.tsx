import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Authentication, CognitoStoreProvider, serverTransport, useAuth, useSignOut } from 'cognito-react';
import 'cognito-react/styles.css';

// The sign-in runs on the Express server (/api/auth): the page never holds a token.
const transport = serverTransport('/api/auth');

function Orders() {
  const username = useAuth((s) => s.user?.username);
  const signOut = useSignOut();
  const [orders, setOrders] = useState('Loading your orders…');
  useEffect(() => {
    // The protected API: the browser sends the HttpOnly cookie, the server reads the session from it.
    void fetch('/api/orders').then(async (r) =>
      setOrders(r.ok ? (await r.json()).orders.map((o: { item: string }) => o.item).join(', ') : `Refused (${r.status})`),
    );
  }, []);
  return (
    <section>
      <h2>Signed in as {username}</h2>
      <p data-testid="orders">Your orders: {orders}</p>
      <button onClick={() => signOut.mutate()}>Sign out</button>
    </section>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CognitoStoreProvider transport={transport}>
      <Authentication signedIn={<Orders />} />
    </CognitoStoreProvider>
  </StrictMode>,
);

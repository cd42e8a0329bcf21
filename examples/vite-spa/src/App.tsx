import { AccountSettings, Authentication, useAuth, useRequireAuth, useSignOut } from 'cognito-react';
import { Link, Route, Routes, useNavigate } from 'react-router';

function Home() {
  const username = useAuth((s) => s.user?.username);
  const signOut = useSignOut();
  return (
    <section>
      <h2>Signed in as {username}</h2>
      <Link to="/account">Your account</Link> <button onClick={() => signOut.mutate()}>Sign out</button>
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

export function App() {
  return (
    <Routes>
      <Route path="/" element={<Authentication signedIn={<Home />} />} />
      <Route path="/account" element={<Account />} />
    </Routes>
  );
}

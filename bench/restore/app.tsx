// The page of the restore-latency benchmark (bench/restoreLatency.mjs): <CognitoProvider> with the session in
// localStorage and a component that shows who is signed in. `?signin` signs alice in against the simulated
// pool (behind an MSW service worker) and stores the session; a plain load then only restores it from
// storage (a valid access token needs no request), and records when the signed-in content first rendered.
import { delay, http } from 'msw';
import { setupWorker } from 'msw/browser';
import { useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { CognitoProvider, useAuth, useInitiateAuth } from '../../src/index.js';
import { createUserPoolSimulator } from '../../src/testing/index.js';

const signIn = new URLSearchParams(location.search).has('signin');
const marks = { signedInAt: 0, ready: false };
Object.assign(window, { restoreMarks: marks });
const config = { region: 'eu-west-1', userPoolId: 'eu-west-1_Bench1', clientId: 'benchclient', storage: 'localStorage', autoRefresh: false } as const;

function Who() {
  const user = useAuth((s) => (s.status === 'signedIn' ? s.user.username : null));
  useLayoutEffect(() => {
    if (user) marks.signedInAt ||= performance.now();
  }, [user]);
  return <p>{user ? `Signed in as ${user}` : 'Loading'}</p>;
}

function SignInOnce() {
  const { mutateAsync } = useInitiateAuth();
  useLayoutEffect(() => {
    void mutateAsync({ username: 'alice', password: 'Passw0rd!long' }).then(() => (marks.ready = true));
  }, [mutateAsync]);
  return null;
}

if (signIn) {
  const sim = createUserPoolSimulator({ userPoolId: config.userPoolId, clientId: config.clientId, users: [{ username: 'alice', password: 'Passw0rd!long' }] });
  const worker = setupWorker(http.post('https://cognito-idp.eu-west-1.amazonaws.com/', () => delay(1)), ...sim.handlers);
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
}
createRoot(document.getElementById('root')!).render(
  <CognitoProvider config={config}>
    {signIn ? <SignInOnce /> : <Who />}
  </CognitoProvider>,
);

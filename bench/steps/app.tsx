// The page of the step-latency benchmark (bench/stepLatency.mjs): <CognitoProvider> + <SignIn> against the
// simulated pool behind an MSW service worker, every Cognito request held RTT ms (a network's round trip).
// It records when the password is submitted and when the next step's field takes the focus (usable).
import { delay, http } from 'msw';
import { setupWorker } from 'msw/browser';
import { createRoot } from 'react-dom/client';
import { CognitoProvider, SignIn } from '../../src/index.js';
import { createUserPoolSimulator } from '../../src/testing/index.js';

const params = new URLSearchParams(location.search);
const rtt = Number(params.get('rtt') ?? '50');
// Without the idle prefetch: the forms can only come while the sign-in's requests are in flight.
if (params.has('noidle')) window.requestIdleCallback = () => 0;

const sim = createUserPoolSimulator({
  userPoolId: 'eu-west-1_Bench1',
  clientId: 'benchclient',
  users: [{ username: 'alice', password: 'Passw0rd!long', mfa: { totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' } }],
});
const marks = { submitAt: 0, usableAt: 0 };
Object.assign(window, { stepMarks: marks });
document.addEventListener('submit', () => (marks.submitAt ||= performance.now()), true);
document.addEventListener('focusin', (event) => {
  const target = event.target as HTMLElement;
  if (target.matches('input') && target.closest('[data-step="SOFTWARE_TOKEN_MFA"]')) marks.usableAt ||= performance.now();
});

const worker = setupWorker(
  http.post('https://cognito-idp.eu-west-1.amazonaws.com/', async () => {
    await delay(rtt);
  }),
  ...sim.handlers,
);
await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
createRoot(document.getElementById('root')!).render(
  <CognitoProvider config={{ region: 'eu-west-1', userPoolId: sim.userPoolId, clientId: sim.clientId, autoRefresh: false }}>
    <SignIn />
  </CognitoProvider>,
);

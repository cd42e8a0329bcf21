// A demo without any server: signs a user in, through every kind of step the
// engine handles, against the simulated user pool, using the built package and the real AWS SDK client.
// Run it with `npm run demo` (which builds first).
import { setupServer } from 'msw/node';
import { createCognitoAuth } from '../dist/core.js';
import { createUserPoolSimulator, totpCode } from '../dist/testing.js';

const userPoolId = 'eu-west-1_Demo1';
const clientId = 'democlient';
const password = 'Demo-passw0rd!';
const totpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const sim = createUserPoolSimulator({
  userPoolId,
  clientId,
  mfaConfiguration: 'OPTIONAL',
  users: [
    { username: 'alice', password, attributes: { email: 'alice@example.com', name: 'Alice' }, mfa: { totpSecret } },
    { username: 'bob', password, attributes: { phone_number: '+15555551234' }, mfa: { sms: true } },
  ],
});
const server = setupServer(...sim.handlers);
server.listen({ onUnhandledRequest: 'error' });

async function signInAs(username, answer) {
  const auth = createCognitoAuth({ region: 'eu-west-1', userPoolId, clientId, clock: () => sim.now() });
  const started = performance.now();
  let step = await auth.signIn({ username, password });
  console.log(`${username}: USER_SRP_AUTH -> ${step.name}`);
  while (step.name !== 'DONE') {
    step = await auth.respondToChallenge(await answer(step));
    console.log(`${username}: answered -> ${step.name}`);
  }
  const { user } = auth.getSnapshot();
  console.log(`${username}: signed in as ${user.username} (sub ${user.sub}) in ${(performance.now() - started).toFixed(0)} ms, ${sim.requests.length} requests so far`);
}

try {
  await signInAs('alice', async (step) => ({ name: step.name, code: await totpCode(totpSecret, sim.now()) }));
  await signInAs('bob', async (step) => {
    console.log(`bob: code sent to ${step.codeDelivery.destination} (the simulator says ${sim.lastCode('bob')})`);
    return { name: 'SMS_MFA', code: sim.lastCode('bob') };
  });
  console.log('\nDone. The tokens never left this process; nothing was logged but the steps.');
} finally {
  server.close();
}

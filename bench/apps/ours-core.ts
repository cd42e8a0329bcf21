// Ours, core only: the engine without React (an SRP sign-in answering TOTP).
import { createCognitoAuth } from '../../src/core/index.js';

const auth = createCognitoAuth({ region: 'eu-west-1', userPoolId: 'eu-west-1_Bench1', clientId: 'benchclient' });
document.querySelector('form')?.addEventListener('submit', async () => {
  const step = await auth.signIn({ username: 'alice', password: 'secret' });
  if (step.name === 'SOFTWARE_TOKEN_MFA') await auth.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: '123456' });
});

// Theirs, headless: aws-amplify's signIn + confirmSignIn.
import { Amplify } from 'aws-amplify';
import { confirmSignIn, signIn } from 'aws-amplify/auth';

Amplify.configure({ Auth: { Cognito: { userPoolId: 'eu-west-1_Bench1', userPoolClientId: 'benchclient' } } });
document.querySelector('form')?.addEventListener('submit', async () => {
  const result = await signIn({ username: 'alice', password: 'secret' });
  if (!result.isSignedIn) await confirmSignIn({ challengeResponse: '123456' });
});

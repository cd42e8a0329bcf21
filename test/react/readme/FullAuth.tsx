import { AccountSettings, Authentication, CognitoProvider, createCognitoAuth, useSignOut } from 'cognito-react';

const auth = createCognitoAuth({ region: 'eu-west-1', userPoolId: 'eu-west-1_AbC123', clientId: '1example23456789' });

export function App() {
  return (
    <CognitoProvider auth={auth}>
      {/* Sign in, create an account (then confirm it and be signed in), or reset a forgotten password. */}
      <Authentication signUpAttributes={['email', { name: 'name', required: false }]} signedIn={<Account />} />
    </CognitoProvider>
  );
}

function Account() {
  const signOut = useSignOut();
  return (
    <>
      <button onClick={() => signOut.mutate()}>Sign out</button>
      {/* Profile with email verification, password, two-step verification, devices, passkeys, deletion. */}
      <AccountSettings attributes={['email', 'name', 'phone_number']} />
    </>
  );
}

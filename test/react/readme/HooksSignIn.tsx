import { useState, type FormEvent } from 'react';
import { CognitoProvider, createCognitoAuth, useAuth, useInitiateAuth, useRespondToAuthChallenge, useSignOut } from 'cognito-react';

const auth = createCognitoAuth({ region: 'eu-west-1', userPoolId: 'eu-west-1_AbC123', clientId: '1example23456789' });

export function App() {
  return (
    <CognitoProvider auth={auth}>
      <SignInFlow />
    </CognitoProvider>
  );
}

function SignInFlow() {
  const { status, step, user, error, username } = useAuth();
  const signIn = useInitiateAuth();
  const respond = useRespondToAuthChallenge();
  const signOut = useSignOut();
  const [code, setCode] = useState('');
  const fields = (e: FormEvent<HTMLFormElement>) => (e.preventDefault(), new FormData(e.currentTarget));
  const alert = error && <p role="alert">{error.message}</p>;

  if (status === 'loading') return <p>Loading…</p>;
  if (status === 'signedIn') {
    return (
      <p>
        Hello {user.attributes.email} <button onClick={() => signOut.mutate()}>Sign out</button>
      </p>
    );
  }
  if (step?.name === 'SMS_MFA' || step?.name === 'EMAIL_OTP' || step?.name === 'SOFTWARE_TOKEN_MFA') {
    const { name } = step;
    const sentTo = name === 'SOFTWARE_TOKEN_MFA' ? 'your authenticator app' : step.codeDelivery.destination;
    return (
      <form onSubmit={(e) => (e.preventDefault(), respond.mutate({ name, code }), setCode(''))}>
        <label>
          Code from {sentTo}
          <input value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="one-time-code" />
        </label>
        {alert}
        <button disabled={respond.isPending}>Verify</button>
      </form>
    );
  }
  if (step?.name === 'NEW_PASSWORD_REQUIRED') {
    return (
      <form onSubmit={(e) => respond.mutate({ name: step.name, newPassword: String(fields(e).get('password')) })}>
        <label>
          New password <input name="password" type="password" autoComplete="new-password" />
        </label>
        {alert}
        <button disabled={respond.isPending}>Set password</button>
      </form>
    );
  }
  if (step) return <p>This example does not handle {step.name}.</p>;
  return (
    <form
      onSubmit={(e) => {
        const data = fields(e);
        signIn.mutate({ username: String(data.get('username')), password: String(data.get('password')) });
      }}
    >
      <label>
        Username <input name="username" defaultValue={username ?? ''} autoComplete="username" />
      </label>
      <label>
        Password <input name="password" type="password" autoComplete="current-password" />
      </label>
      {alert}
      <button disabled={signIn.isPending}>Sign in</button>
    </form>
  );
}

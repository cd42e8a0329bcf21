// Ours, hooks only: a custom form on useInitiateAuth / useRespondToAuthChallenge.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CognitoProvider, useAuth, useInitiateAuth, useRespondToAuthChallenge } from '../../src/index.js';

function Form() {
  const step = useAuth((s) => s.step);
  const signIn = useInitiateAuth();
  const respond = useRespondToAuthChallenge();
  const [value, setValue] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (step?.name === 'SOFTWARE_TOKEN_MFA') respond.mutate({ name: 'SOFTWARE_TOKEN_MFA', code: value });
        else signIn.mutate({ username: 'alice', password: value });
      }}
    >
      <input aria-label="value" value={value} onChange={(e) => setValue(e.target.value)} />
      <button>{step?.name ?? 'Sign in'}</button>
    </form>
  );
}

createRoot(document.getElementById('root')!).render(
  <CognitoProvider config={{ region: 'eu-west-1', userPoolId: 'eu-west-1_Bench1', clientId: 'benchclient' }}>
    <Form />
  </CognitoProvider>,
);

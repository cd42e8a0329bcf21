// Ours, complete: <CognitoProvider> + <SignIn> with every challenge form (the QR code loads lazily).
import { createRoot } from 'react-dom/client';
import { CognitoProvider, SignIn } from '../../src/index.js';

createRoot(document.getElementById('root')!).render(
  <CognitoProvider config={{ region: 'eu-west-1', userPoolId: 'eu-west-1_Bench1', clientId: 'benchclient' }}>
    <SignIn />
  </CognitoProvider>,
);

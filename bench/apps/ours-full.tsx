// Ours, everything: <CognitoProvider> + <Authentication> (sign-in, sign-up, password reset, every challenge),
// and once signed in <AccountSettings> with all its sections.
import { createRoot } from 'react-dom/client';
import { AccountSettings, Authentication, CognitoProvider } from '../../src/index.js';

createRoot(document.getElementById('root')!).render(
  <CognitoProvider config={{ region: 'eu-west-1', userPoolId: 'eu-west-1_Bench1', clientId: 'benchclient' }}>
    <Authentication signedIn={<AccountSettings />} />
  </CognitoProvider>,
);

// Ours in server mode: the store runs on the app's server (`serverTransport`), the page shows <SignIn>. The
// browser never calls Cognito, so this build must hold no module of the AWS SDK (checked by --check).
import { createRoot } from 'react-dom/client';
import { CognitoStoreProvider, SignIn, serverTransport } from '../../src/index.js';

createRoot(document.getElementById('root')!).render(
  <CognitoStoreProvider transport={serverTransport('/api/auth')}>
    <SignIn />
  </CognitoStoreProvider>,
);

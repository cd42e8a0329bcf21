// The page of the browser-mode managed-login e2e test (test/e2e/oauthBrowser.test.ts), bundled by it with Vite.
import { createRoot } from 'react-dom/client';
import { useState } from 'react';
import { createCognitoAuth } from '../../src/core/index.js';
import { CognitoProvider, FederatedSignIn, RedirectCallback, SignIn, useAuth } from '../../src/index.js';

const idp = (window as unknown as { IDP: string }).IDP;
const auth = createCognitoAuth({
  region: 'eu-west-1',
  userPoolId: 'eu-west-1_E2eOAuth2',
  clientId: 'e2ebrowserclient',
  storage: 'localStorage',
  autoRefresh: false,
  oauth: { domain: idp, redirectUri: `${location.origin}/callback`, scopes: ['openid', 'email', 'profile'] },
});

function Home() {
  const username = useAuth((s) => s.user?.username);
  return <h1>Signed in as {username}</h1>;
}

function App() {
  const [path, setPath] = useState(location.pathname);
  if (path === '/callback') {
    return (
      <RedirectCallback
        onSignedIn={(state) => {
          const to = (state as { returnTo?: string } | undefined)?.returnTo ?? '/';
          history.pushState(null, '', to);
          setPath(to);
        }}
        retry={() => {
          history.pushState(null, '', '/');
          setPath('/');
        }}
      />
    );
  }
  return <SignIn signedIn={<Home />} federatedProviders={<FederatedSignIn providers={['Google']} appState={{ returnTo: '/orders' }} />} />;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <CognitoProvider auth={auth}>
    <App />
  </CognitoProvider>,
);

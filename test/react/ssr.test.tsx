// Runs in plain Node: there is no window, document or localStorage, as on a server.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Authenticated, CognitoProvider, useAuth, useUser } from '../../src/index.js';
import { strict } from './helpers';

function Page() {
  const status = useAuth((s) => s.status);
  const user = useUser();
  return (
    <main>
      <p>status: {status}</p>
      <p>profile: {user.fetchStatus}</p>
      <Authenticated fallback={<p>sign in</p>} loading={<p>restoring your session</p>}>
        <p>secret</p>
      </Authenticated>
    </main>
  );
}

describe('server rendering', () => {
  it('renders a tree with the provider without touching browser globals, in the loading state', () => {
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      strict(
        <CognitoProvider config={{ region: 'eu-west-1', userPoolId: 'eu-west-1_Ssr1', clientId: 'ssr-client', storage: 'localStorage' }}>
          <Page />
        </CognitoProvider>,
      ),
    );
    expect(html).toContain('status: <!-- -->loading');
    expect(html).toContain('profile: <!-- -->idle');
    expect(html).toContain('restoring your session');
    expect(html).not.toContain('secret');
  });
});

import type { Meta, StoryObj } from '@storybook/react-vite';
import { delay, http } from 'msw';
import { useEffect, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { signInWithRedirect } from '../src/core/index.js';
import { FederatedSignIn, RedirectCallback, SignIn, useAuth } from '../src/index.js';
import type { UserPoolSimulator } from '../src/testing/index.js';
import { users, withPool, withProvider, type PoolContext } from './support/pool';
import { startWorker } from './support/worker';

/**
 * Federated sign-in through the simulated pool's managed login: the provider buttons above `<SignIn>`'s
 * form, and the redirect route's `<RedirectCallback>` in each of its states. A page cannot leave Storybook
 * for the pool's domain, so the "redirect" is the simulator's own endpoints answering in the page: its
 * /oauth2/authorize and its simulated Google, then the real code exchange at /oauth2/token (MSW worker).
 */
const DOMAIN = 'auth.stories.example';
const CALLBACK = `${location.origin}/callback`;
const navigations: string[] = [];

const poolWithLogin = withPool(
  {
    users: [users.password],
    oauth: {
      domain: DOMAIN,
      callbackUrls: [CALLBACK],
      identityProviders: [{ name: 'Google', users: [{ sub: '1029384756', attributes: { email: 'gina@gmail.example', name: 'Gina' } }] }],
    },
  },
  { config: { oauth: { domain: DOMAIN, redirectUri: CALLBACK, navigate: (url) => void navigations.push(url), pendingStorage: sessionStorage } } },
);

/** What a browser does between the authorize URL and the callback, with the simulated Google's one account chosen (or cancel). */
async function followManagedLogin(sim: UserPoolSimulator, url: string, choice: { sub: string } | { cancel: true }): Promise<string> {
  const handle = sim.managedLogin!.handle;
  const toProvider = (await handle(new Request(url))) as Response;
  const page = new URL(toProvider.headers.get('location') as string, url);
  const form = new URLSearchParams(page.search);
  if ('sub' in choice) form.set('sub', choice.sub);
  else form.set('cancel', '1');
  const back = (await handle(
    new Request(`${page.origin}${page.pathname}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form }),
  )) as Response;
  return back.headers.get('location') as string;
}

function SignedInAs() {
  const username = useAuth((s) => s.user?.username);
  return <p>Signed in as {username}</p>;
}

/** The sign-in page; once the "redirect" came back, the callback route. */
function Flow({ sim, choice }: { sim: UserPoolSimulator; choice: { sub: string } | { cancel: true } }) {
  const [callback, setCallback] = useState<string | null>(null);
  const [seen, setSeen] = useState(navigations.length);
  useEffect(() => {
    const timer = setInterval(() => {
      if (navigations.length > seen) {
        setSeen(navigations.length);
        void followManagedLogin(sim, navigations.at(-1) as string, choice).then(setCallback);
      }
    }, 50);
    return () => clearInterval(timer);
  }, [seen, sim, choice]);
  if (callback) return <RedirectCallback url={callback} signedIn={<SignedInAs />} retry={() => setCallback(null)} />;
  return <SignIn federatedProviders={<FederatedSignIn providers={['Google', { name: 'AcmeSSO', label: 'Sign in with your Acme account' }]} />} />;
}

const meta = {
  title: 'Simulated user pool/Federated sign-in',
  component: FederatedSignIn,
  decorators: [withProvider],
  args: { providers: ['Google'] },
} satisfies Meta<typeof FederatedSignIn>;
export default meta;
type Story = StoryObj<typeof meta>;

const pool = (loaded: Record<string, unknown>) => loaded.pool as PoolContext;

/** The buttons alone: named after each provider, no logos (the app may give its own `icon`). */
export const Buttons: Story = {
  loaders: [poolWithLogin],
  args: { providers: ['Google', 'SignInWithApple', { name: 'AcmeSSO', label: 'Sign in with your Acme account' }] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('group', { name: 'Sign in with' })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Continue with Google' })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Sign in with your Acme account' })).toBeInTheDocument();
  },
};

/** Above `<SignIn>`'s form: Google, through the simulated provider, to signed in as Google_<sub>. */
export const SignInWithGoogle: Story = {
  loaders: [poolWithLogin],
  render: (_args, { loaded }) => <Flow sim={pool(loaded).sim} choice={{ sub: '1029384756' }} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('Username')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Continue with Google' }));
    await waitFor(() => expect(canvas.getByText('Signed in as Google_1029384756')).toBeInTheDocument(), { timeout: 5000 });
  },
};

/** The user backs out at the provider: the callback says so, from the message table, and offers to start again. */
export const CallbackCancelled: Story = {
  loaders: [poolWithLogin],
  render: (_args, { loaded }) => <Flow sim={pool(loaded).sim} choice={{ cancel: true }} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Continue with Google' }));
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('The sign-in was cancelled.'), { timeout: 5000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in again' }));
    await expect(canvas.getByRole('button', { name: 'Continue with Google' })).toBeInTheDocument();
  },
};

/** A pool, and a callback URL for a sign-in started in this tab, with `params` as the provider sent them. */
function poolWithCallback(params: Record<string, string>, before?: () => Promise<void>) {
  return async () => {
    const loaded = await poolWithLogin();
    await before?.();
    await signInWithRedirect(loaded.pool.auth, { provider: 'Google' });
    const state = new URL(navigations.at(-1) as string).searchParams.get('state') as string;
    return { ...loaded, callback: `${CALLBACK}?${new URLSearchParams({ ...params, state })}` };
  };
}

/** While the code is exchanged (here /oauth2/token never answers): a polite status. */
export const CallbackPending: Story = {
  render: (_args, { loaded }) => <RedirectCallback url={loaded.callback as string} />,
  loaders: [
    poolWithCallback({ code: 'a-code-whose-exchange-never-ends' }, async () => {
      const worker = await startWorker();
      worker.use(http.post(`https://${DOMAIN}/oauth2/token`, () => delay('infinite')));
    }),
  ],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Signing you in…');
  },
};

/** The provider's error text carries markup: the page shows the table's words, never that text. */
export const CallbackProviderError: Story = {
  render: (_args, { loaded }) => <RedirectCallback url={loaded.callback as string} />,
  loaders: [poolWithCallback({ error: 'server_error', error_description: '<img src=x onerror=alert(1)> call 555-0100' })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('The sign-in service could not sign you in.'));
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(canvasElement.textContent).not.toContain('555-0100');
  },
};

/** A callback this tab did not start (opened in another tab, or already used). */
export const CallbackFromAnotherTab: Story = {
  render: () => <RedirectCallback url={`${CALLBACK}?code=c0de&state=not-this-tabs`} />,
  loaders: [
    async () => {
      const loaded = await poolWithLogin();
      sessionStorage.clear();
      return loaded;
    },
  ],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).getByRole('alert')).toHaveTextContent('started in another tab'));
  },
};

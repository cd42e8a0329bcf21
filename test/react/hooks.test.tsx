// @vitest-environment happy-dom
import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense, useState, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createCognitoAuth } from '../../src/core/index.js';
import { createUserPoolSimulator } from '../../src/testing/index.js';
import {
  Authenticated,
  CognitoProvider,
  cognitoQueryKeys,
  useAccessToken,
  useAuth,
  useDevices,
  useInitiateAuth,
  useRememberDevice,
  useRequireAuth,
  useRespondToAuthChallenge,
  useSuspenseAccessToken,
  useSignOut,
  useUser,
} from '../../src/react/index.js';
import { PASSWORD, createPool, setupMswServer } from '../helpers/pool';
import { renderWithAuth, strict, testQueryClient } from './helpers';

const server = setupMswServer();
const smsUser = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', phone_number: '+15555550100' }, mfa: { sms: true } };
const plainUser = { username: 'bob', password: PASSWORD, attributes: { email: 'bob@example.com' } };

/** A sign-in UI made of hooks only: username and password, then the SMS code. */
function HookSignIn() {
  const { status, step, user, error } = useAuth();
  const signIn = useInitiateAuth();
  const respond = useRespondToAuthChallenge();
  const [code, setCode] = useState('');
  if (status === 'signedIn') return <p>Signed in as {user?.attributes.email}</p>;
  if (step?.name === 'SMS_MFA') {
    return (
      <form onSubmit={(e) => (e.preventDefault(), respond.mutate({ name: 'SMS_MFA', code }))}>
        <label>
          Code sent to {step.codeDelivery.destination}
          <input value={code} onChange={(e) => setCode(e.target.value)} />
        </label>
        <button disabled={respond.isPending}>Verify</button>
        {error && <p role="alert">{error.name}</p>}
      </form>
    );
  }
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        signIn.mutate({ username: String(data.get('username')), password: String(data.get('password')) });
      }}
    >
      <label>
        Username <input name="username" />
      </label>
      <label>
        Password <input name="password" type="password" />
      </label>
      <button disabled={signIn.isPending}>Sign in</button>
    </form>
  );
}

describe('given hooks used outside <CognitoProvider>', () => {
  it.each<[string, () => unknown]>([
    ['useAuth', () => useAuth()],
    ['useInitiateAuth', () => useInitiateAuth()],
    ['useUser', () => useUser()],
  ])('%s throws an error naming the hook and the provider', (name, hook) => {
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={testQueryClient()}>{children}</QueryClientProvider>;
    expect(() => renderHook(hook, { wrapper })).toThrow(`${name}() must be used inside <CognitoProvider>`);
  });
});

describe('given a user with SMS MFA', () => {
  it('signs in with SRP and the SMS code through hooks only, sending each request once under StrictMode', async () => {
    const { auth, sim, operations } = createPool(server, { users: [smsUser] });
    renderWithAuth(<HookSignIn />, auth);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const codeField = await screen.findByLabelText(/Code sent to \+\*+0100/);
    await user.type(codeField, sim.lastCode('alice')!);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Signed in as alice@example.com')).toBeTruthy();
    expect(operations()).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'RespondToAuthChallenge']);
  });

  it('shows a wrong code as an error and keeps the step', async () => {
    const { auth, sim } = createPool(server, { users: [smsUser] });
    renderWithAuth(<HookSignIn />, auth);
    await act(() => auth.signIn({ username: 'alice', password: PASSWORD }));
    const user = userEvent.setup();
    const wrong = sim.lastCode('alice') === '111111' ? '222222' : '111111';
    await user.type(screen.getByRole('textbox'), wrong);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect((await screen.findByRole('alert')).textContent).toBe('CodeMismatchException');
    expect(screen.getByRole('button', { name: 'Verify' })).toBeTruthy();
  });
});

describe('re-renders', () => {
  it('a component that reads only the user does not re-render on a token refresh', async () => {
    const { auth } = createPool(server, { users: [plainUser] }, { authFlow: 'USER_PASSWORD_AUTH', autoRefresh: false });
    await auth.signIn({ username: 'bob', password: PASSWORD });
    let renders = 0;
    function Name() {
      const user = useAuth((s) => s.user);
      renders++;
      return <p>{user?.attributes.email}</p>;
    }
    renderWithAuth(<Name />, auth);
    const before = renders;
    const oldToken = auth.getTokens()?.accessToken;
    await act(() => auth.getAccessToken({ forceRefresh: true }));
    expect(auth.getTokens()?.accessToken).not.toBe(oldToken);
    expect(renders).toBe(before);
    await act(() => auth.signOut());
    expect(renders).toBeGreaterThan(before);
  });
});

describe('queries', () => {
  it('useUser reads GetUser once for the signed-in user and forgets it at sign-out', async () => {
    const { auth, operations } = createPool(server, { users: [plainUser] }, { authFlow: 'USER_PASSWORD_AUTH' });
    await auth.signIn({ username: 'bob', password: PASSWORD });
    function Profile() {
      const { data } = useUser();
      const signOut = useSignOut();
      return (
        <>
          <p>{data ? `Email: ${data.attributes.email}` : 'No profile'}</p>
          <button onClick={() => signOut.mutate()}>Sign out</button>
        </>
      );
    }
    const { queryClient } = renderWithAuth(<Profile />, auth);
    expect(await screen.findByText('Email: bob@example.com')).toBeTruthy();
    expect(operations().filter((o) => o === 'GetUser')).toHaveLength(1);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(screen.getByText('No profile')).toBeTruthy());
    // Nothing of bob's stays in the cache (only the signed-out, disabled query of nobody may remain).
    expect(queryClient.getQueryCache().findAll({ queryKey: cognitoQueryKeys(auth).all }).map((q) => q.state.data)).toEqual([undefined]);
  });

  it('useAccessToken gives a valid token, follows refreshes, and never leaves the token in serialisable cache data', async () => {
    const { auth } = createPool(server, { users: [plainUser] }, { authFlow: 'USER_PASSWORD_AUTH', autoRefresh: false });
    await auth.signIn({ username: 'bob', password: PASSWORD });
    const client = testQueryClient();
    const { result } = renderHook(() => useAccessToken(), {
      wrapper: ({ children }) => strict(<CognitoProvider auth={auth} queryClient={client}>{children}</CognitoProvider>),
    });
    await waitFor(() => expect(result.current.data).toBe(auth.getTokens()?.accessToken));
    await act(() => auth.getAccessToken({ forceRefresh: true }));
    await waitFor(() => expect(result.current.data).toBe(auth.getTokens()?.accessToken));
    const cached = JSON.stringify(client.getQueryCache().getAll().map((q) => q.state.data));
    expect(cached).not.toContain(auth.getTokens()!.accessToken);
  });

  it('useSuspenseAccessToken suspends until the token is there', async () => {
    const { auth } = createPool(server, { users: [plainUser] }, { authFlow: 'USER_PASSWORD_AUTH', autoRefresh: false });
    await auth.signIn({ username: 'bob', password: PASSWORD });
    function Token() {
      const token = useSuspenseAccessToken();
      return <p>{token === auth.getTokens()?.accessToken ? 'has the current token' : 'wrong token'}</p>;
    }
    renderWithAuth(
      <Suspense fallback={<p>waiting</p>}>
        <Token />
      </Suspense>,
      auth,
    );
    expect(screen.getByText('waiting')).toBeTruthy();
    expect(await screen.findByText('has the current token')).toBeTruthy();
  });

  it('useRememberDevice remembers this device and the device list shows it', async () => {
    const { auth } = createPool(
      server,
      { users: [plainUser], deviceTracking: true, deviceRemembering: 'userOptIn' },
      { authFlow: 'USER_PASSWORD_AUTH', deviceTracking: 'userOptIn', deviceName: 'Test' },
    );
    await auth.signIn({ username: 'bob', password: PASSWORD });
    function RememberMe() {
      const device = useAuth((s) => s.device);
      const remember = useRememberDevice();
      const { data: devices = [] } = useDevices();
      return (
        <>
          <p>{devices.map((d) => `${d.name}: ${d.remembered ? 'remembered' : 'not remembered'}`).join(', ') || 'no devices'}</p>
          {device && !device.remembered && <button onClick={() => remember.mutate()}>Remember this device</button>}
        </>
      );
    }
    renderWithAuth(<RememberMe />, auth);
    expect(await screen.findByText('Test: not remembered')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Remember this device' }));
    expect(await screen.findByText('Test: remembered')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('useDevices lists devices only once signed in', async () => {
    const { auth } = createPool(server, { users: [plainUser], deviceTracking: true }, { authFlow: 'USER_PASSWORD_AUTH', deviceTracking: 'always', deviceName: 'Test' });
    const { result } = renderHook(() => useDevices(), { wrapper: ({ children }) => strict(<CognitoProvider auth={auth}>{children}</CognitoProvider>) });
    expect(result.current.fetchStatus).toBe('idle');
    await act(() => auth.signIn({ username: 'bob', password: PASSWORD }));
    await waitFor(() => expect(result.current.data).toEqual([expect.objectContaining({ name: 'Test', current: true })]));
  });
});

describe('providers and query clients', () => {
  it('uses the QueryClient it is given, and the one of a QueryClientProvider above it', async () => {
    const { auth } = createPool(server, { users: [plainUser] }, { authFlow: 'USER_PASSWORD_AUTH' });
    await auth.signIn({ username: 'bob', password: PASSWORD });
    function Email() {
      return <p>{useUser().data?.attributes.email ?? '…'}</p>;
    }
    const given = testQueryClient();
    const { unmount } = renderWithAuth(<Email />, auth, { queryClient: given });
    await screen.findByText('bob@example.com');
    expect(given.getQueryCache().findAll({ queryKey: cognitoQueryKeys(auth).all })).toHaveLength(1);
    unmount();

    const outer = testQueryClient();
    render(
      strict(
        <QueryClientProvider client={outer}>
          <CognitoProvider auth={auth}>
            <Email />
          </CognitoProvider>
        </QueryClientProvider>,
      ),
    );
    await screen.findByText('bob@example.com');
    expect(outer.getQueryCache().findAll({ queryKey: cognitoQueryKeys(auth).all })).toHaveLength(1);
  });

  it('keeps two pools on one page apart, even in one QueryClient', async () => {
    const first = createPool(server, { users: [plainUser] }, { authFlow: 'USER_PASSWORD_AUTH' });
    // A second pool in another region, with a user of the same name.
    const otherSim = createUserPoolSimulator({ userPoolId: 'us-east-1_Other1', clientId: 'otherclient', users: [{ ...plainUser, attributes: { email: 'bob@other.example' } }] });
    server.use(...otherSim.handlers);
    const second = { auth: createCognitoAuth({ region: 'us-east-1', userPoolId: 'us-east-1_Other1', clientId: 'otherclient', authFlow: 'USER_PASSWORD_AUTH' }) };
    await first.auth.signIn({ username: 'bob', password: PASSWORD });
    await second.auth.signIn({ username: 'bob', password: PASSWORD });
    function Email({ label }: { label: string }) {
      const status = useAuth((s) => s.status);
      return <p>{`${label}: ${status} ${useUser().data?.attributes.email ?? '…'}`}</p>;
    }
    const shared = testQueryClient();
    render(
      strict(
        <QueryClientProvider client={shared}>
          <CognitoProvider auth={first.auth}>
            <Email label="first" />
          </CognitoProvider>
          <CognitoProvider auth={second.auth}>
            <Email label="second" />
          </CognitoProvider>
        </QueryClientProvider>,
      ),
    );
    expect(await screen.findByText('first: signedIn bob@example.com')).toBeTruthy();
    expect(await screen.findByText('second: signedIn bob@other.example')).toBeTruthy();
    await act(() => first.auth.signOut());
    expect(await screen.findByText('first: signedOut …')).toBeTruthy();
    expect(screen.getByText('second: signedIn bob@other.example')).toBeTruthy();
  });

  it('creates its own store from config', async () => {
    const { sim } = createPool(server, { users: [plainUser] });
    function Status() {
      return <p>{useAuth((s) => s.status)}</p>;
    }
    render(strict(<CognitoProvider config={{ region: sim.region, userPoolId: sim.userPoolId, clientId: sim.clientId }}><Status /></CognitoProvider>));
    expect(screen.getByText('signedOut')).toBeTruthy();
  });
});

describe('guards', () => {
  it('<Authenticated> shows its children only while signed in, and useRequireAuth reports the sign-out', async () => {
    const { auth } = createPool(server, { users: [plainUser] }, { authFlow: 'USER_PASSWORD_AUTH' });
    const reasons: unknown[] = [];
    function Guarded() {
      useRequireAuth((reason) => reasons.push(reason));
      return <p>Secret area</p>;
    }
    renderWithAuth(
      <Authenticated fallback={<p>Please sign in</p>}>
        <Guarded />
      </Authenticated>,
      auth,
    );
    expect(screen.getByText('Please sign in')).toBeTruthy();
    await act(() => auth.signIn({ username: 'bob', password: PASSWORD }));
    expect(screen.getByText('Secret area')).toBeTruthy();
    await act(() => auth.signOut());
    expect(screen.getByText('Please sign in')).toBeTruthy();
  });

  it('useRequireAuth calls back with the reason when the session ends', async () => {
    const { auth } = createPool(server, { users: [plainUser] }, { authFlow: 'USER_PASSWORD_AUTH' });
    await auth.signIn({ username: 'bob', password: PASSWORD });
    const reasons: unknown[] = [];
    renderHook(() => useRequireAuth((reason) => reasons.push(reason)), {
      wrapper: ({ children }) => strict(<CognitoProvider auth={auth}>{children}</CognitoProvider>),
    });
    expect(reasons).toEqual([]);
    await act(() => auth.signOut());
    expect(reasons.at(-1)).toBe('signOut');
  });
});


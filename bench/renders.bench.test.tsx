// @vitest-environment happy-dom
/**
 * Renders during a full SRP + TOTP sign-in through <SignIn>: how often a component that reads only the user
 * renders, and how many commits the form tree makes. No StrictMode here: it would double every render.
 */
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import { afterEach, it } from 'vitest';
import { CognitoProvider, SignIn, useAuth } from '../src/react/index.js';
import { totpCode } from '../src/testing/index.js';
import { PASSWORD, createPool, setupMswServer } from '../test/helpers/pool';
import { record } from './record';

const server = setupMswServer();
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
afterEach(() => cleanup());

it('counts renders and commits of a whole SRP + TOTP sign-in', async () => {
  const { auth, sim } = createPool(server, { users: [{ username: 'alice', password: PASSWORD, mfa: { totpSecret: TOTP } }] }, { autoRefresh: false });
  let userReaderRenders = 0;
  let formCommits = 0;
  function UserReader() {
    const user = useAuth((s) => s.user);
    userReaderRenders++;
    return <p>{user ? 'signed in' : 'nobody'}</p>;
  }
  render(
    <CognitoProvider auth={auth} queryClient={new QueryClient()}>
      <UserReader />
      <Profiler id="form" onRender={() => formCommits++}>
        <SignIn signedIn={<p>Welcome</p>} />
      </Profiler>
    </CognitoProvider>,
  );
  const user = userEvent.setup();
  const start = { userReaderRenders, formCommits };
  await user.type(screen.getByLabelText('Username'), 'alice');
  await user.type(screen.getByLabelText('Password'), PASSWORD);
  const typed = { formCommits };
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  const code = await screen.findByLabelText('Code');
  const beforeCode = formCommits;
  await user.type(code, await totpCode(TOTP, sim.now()));
  const afterCode = formCommits;
  await user.click(screen.getByRole('button', { name: 'Verify' }));
  await screen.findByText('Welcome');
  const result = {
    userReaderRenders: userReaderRenders - start.userReaderRenders,
    formCommits: formCommits - start.formCommits,
    formCommitsWhileTyping: typed.formCommits - start.formCommits + (afterCode - beforeCode),
    charactersTyped: 'alice'.length + PASSWORD.length + 6,
  };
  record('renders', result);
  console.log(result);
});

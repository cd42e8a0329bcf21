// @vitest-environment happy-dom
/**
 * <SignIn> and the hooks against the local emulator: what a user does in the browser, over real HTTP.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, inject, it } from 'vitest';
import { AccountSettings, Authentication, SignIn, useUser } from '../../src/index.js';
import { totpCode } from '../../src/testing/index.js';
import { LOCAL_POOL } from '../../scripts/localPoolUsers.mjs';
import { renderWithAuth } from '../react/helpers';
import { localStore } from './localStore';

const endpoint = inject('localPoolEndpoint');
const store = () =>
  localStore(endpoint);

function Profile() {
  const { data } = useUser();
  return <p>{data ? `Profile of ${data.attributes.email}` : 'Loading profile'}</p>;
}

describe('<SignIn> against the local emulator', () => {
  it('signs a TOTP user in, then useUser reads the profile with GetUser', async () => {
    renderWithAuth(<SignIn signedIn={<Profile />} />, store());
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'tia');
    await user.type(screen.getByLabelText('Password'), LOCAL_POOL.users.tia!.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('Code'), await totpCode(LOCAL_POOL.totpSecret, Date.now()));
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Profile of tia@example.com', {}, { timeout: 5000 })).toBeTruthy();
  });

  it('shows a wrong password as such (the emulator says InvalidPasswordException) and keeps the username', async () => {
    renderWithAuth(<SignIn />, store());
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'pat');
    await user.type(screen.getByLabelText('Password'), 'Wrong-passw0rd!');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Incorrect username or password.'));
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('pat');
  });

  it('takes a user through the forced password change', async () => {
    renderWithAuth(<SignIn signedIn={<p>Welcome</p>} />, store());
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'noa');
    await user.type(screen.getByLabelText('Password'), LOCAL_POOL.users.noa!.password);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText('New password'), 'N3w-passw0rd!');
    await user.type(screen.getByLabelText('Confirm new password'), 'N3w-passw0rd!');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
  });

  it('creates an account with <Authentication>: sign up, confirm with the code, signed in; then changes the password in <AccountSettings>', async () => {
    const username = `ui${Date.now().toString(36)}`;
    const auth = store();
    renderWithAuth(<Authentication signedIn={<AccountSettings sections={['profile', 'password']} />} />, auth);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create an account' }));
    // The sign-up view's code may still be on its way (it loads when reached).
    await user.type(await screen.findByLabelText('Username'), username);
    await user.type(screen.getByLabelText('Email'), `${username}@example.com`);
    await user.type(screen.getByLabelText('Password'), 'Passw0rd!long');
    await user.type(screen.getByLabelText('Confirm password'), 'Passw0rd!long');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await user.type(await screen.findByLabelText('Code'), LOCAL_POOL.code);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('heading', { name: 'Account settings' }, { timeout: 5000 })).toBeTruthy();
    expect(auth.getSnapshot().user?.username).toBe(username);
    await waitFor(() => expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe(`${username}@example.com`));
    await user.type(screen.getByLabelText('Current password'), 'Passw0rd!long');
    await user.type(screen.getByLabelText('New password'), 'Changed!Passw0rd');
    await user.type(screen.getByLabelText('Confirm new password'), 'Changed!Passw0rd');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Your password is changed.')).toBeTruthy();
    await expect(store().signIn({ username, password: 'Changed!Passw0rd' })).resolves.toEqual({ name: 'DONE' });
  });
});

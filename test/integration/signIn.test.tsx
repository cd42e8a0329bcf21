// @vitest-environment happy-dom
/**
 * <SignIn> and the hooks against the local emulator: what a user does in the browser, over real HTTP.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, inject, it } from 'vitest';
import { createCognitoAuth } from '../../src/core/index.js';
import { SignIn, useUser } from '../../src/react/index.js';
import { totpCode } from '../../src/testing/index.js';
import { LOCAL_POOL } from '../../scripts/localPoolUsers.mjs';
import { renderWithAuth } from '../react/helpers';

const endpoint = inject('localPoolEndpoint');
const store = () =>
  createCognitoAuth({
    region: LOCAL_POOL.region,
    userPoolId: LOCAL_POOL.userPoolId,
    clientId: LOCAL_POOL.clientId,
    authFlow: 'USER_PASSWORD_AUTH',
    client: new CognitoIdentityProviderClient({ region: LOCAL_POOL.region, endpoint, maxAttempts: 1 }),
    autoRefresh: false,
  });

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
});

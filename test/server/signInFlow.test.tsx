// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Authentication, isCognitoAuthError, serverTransport, SignIn } from '../../src/index.js';
import { PASSWORD, mswServerPerFile } from '../helpers/pool';
import { renderWithAuth } from '../react/helpers';
import { createServerPool } from './support';

const server = mswServerPerFile();

describe('<Authentication> in server mode: straight to the form that resolves a refused sign-in', () => {
  it('confirms an unconfirmed account with a new code and signs the user in, every call through the server', async () => {
    const una = { username: 'una', password: PASSWORD, status: 'UNCONFIRMED' as const, attributes: { email: 'una@example.com' } };
    const pool = createServerPool(server, { users: [una] });
    renderWithAuth(<Authentication signedIn={<p>Welcome</p>} />, serverTransport('/api/auth', { fetch: pool.browserFetch }));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'una');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter the 6-digit code we sent to u***@e***.')).toBeTruthy();
    await user.type(screen.getByLabelText('Code'), pool.sim.lastCode('una')!);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(pool.sim.requests.map((r) => r.operation)).toEqual([
      'AdminInitiateAuth',
      'AdminRespondToAuthChallenge',
      'ResendConfirmationCode',
      'ConfirmSignUp',
      'AdminInitiateAuth',
      'AdminRespondToAuthChallenge',
    ]);
  });

  it('sends a user whose password must be reset to the code step, then back to sign-in with the username', async () => {
    const rita = { username: 'rita', password: PASSWORD, status: 'RESET_REQUIRED' as const, attributes: { email: 'rita@example.com', email_verified: 'true' } };
    const pool = createServerPool(server, { users: [rita] });
    renderWithAuth(<Authentication signedIn={<p>Welcome</p>} />, serverTransport('/api/auth', { fetch: pool.browserFetch }));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'rita');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter the 6-digit code we sent to r***@e***, and your new password.')).toBeTruthy();
    expect(screen.getByText('You need to reset your password before you can sign in.').getAttribute('role')).toBe('status');
    await user.type(screen.getByLabelText('Code'), pool.sim.lastCode('rita')!);
    await user.type(screen.getByLabelText('New password'), 'N3w!Passw0rd');
    await user.type(screen.getByLabelText('Confirm new password'), 'N3w!Passw0rd');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('Your password is changed. Sign in with your new password.')).toBeTruthy();
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('rita');
    await user.type(screen.getByLabelText('Password'), 'N3w!Passw0rd');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
  });
});

describe('server mode, an app client without ALLOW_USER_AUTH', () => {
  it('gives the browser AuthFlowNotEnabled and the specific message', async () => {
    const onError = vi.fn();
    const pool = createServerPool(server, { users: [{ username: 'alice', password: PASSWORD }], explicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'] }, { authFlows: ['USER_AUTH'] });
    renderWithAuth(<SignIn authFlow="USER_AUTH" onError={onError} signedIn={<p>Welcome</p>} />, serverTransport('/api/auth', { fetch: pool.browserFetch }));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'alice');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe("This app is not set up for this way of signing in. Contact the app's support."));
    expect(isCognitoAuthError(onError.mock.calls[0]?.[0], 'AuthFlowNotEnabled')).toBe(true);
  });
});

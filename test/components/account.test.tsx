// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { AccountSettings, Authentication, ChangePasswordForm, DeleteAccount, MfaSettings, UserAttributesForm } from '../../src/index.js';
import { totpCode } from '../../src/testing/index.js';
import { PASSWORD, createPool, mswServerPerFile } from '../helpers/pool';
import { renderWithAuth } from '../react/helpers';

const server = mswServerPerFile();
const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true', name: 'Alice' } };

async function noAxeViolations(container: HTMLElement) {
  const { violations } = await axe.run(container);
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

describe('<Authentication>', () => {
  it('signs a new user up: checks the fields, keeps what was typed after a refusal, confirms the code, and signs in', async () => {
    const pool = createPool(server, { users: [alice] });
    const { container } = renderWithAuth(<Authentication signedIn={<p>Welcome</p>} signUpAttributes={['email']} />, pool.auth);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create an account' }));
    // The view's code may still be on its way (it loads when reached).
    await user.click(await screen.findByRole('button', { name: 'Create account' }));
    expect(screen.getByText('Choose a username.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Username'));
    expect(pool.sim.requests).toHaveLength(0);
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.type(screen.getByLabelText('Confirm password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByText('Enter a valid email address.')).toBeTruthy();
    await user.clear(screen.getByLabelText('Email'));
    await user.type(screen.getByLabelText('Email'), 'nia@example.com');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.type(screen.getByLabelText('Confirm password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('That username is taken. Choose another, or sign in.')).toBeTruthy();
    expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('nia@example.com');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    await user.clear(screen.getByLabelText('Username'));
    await user.type(screen.getByLabelText('Username'), 'nia');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.type(screen.getByLabelText('Confirm password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Enter the 6-digit code we sent to n***@e***.')).toBeTruthy();
    const resend = screen.getByRole('button', { name: /Send a new code in \d+ s/ });
    expect((resend as HTMLButtonElement).disabled).toBe(true);
    await noAxeViolations(container);
    await user.type(screen.getByLabelText('Code'), pool.sim.lastCode('nia')!);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(pool.auth.getSnapshot().user?.username).toBe('nia');
  });

  it('resets a forgotten password in two steps and returns to sign-in with the username and a notice', async () => {
    const pool = createPool(server, { users: [alice] });
    renderWithAuth(<Authentication signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Forgot your password?' }));
    await user.type(await screen.findByLabelText('Username'), 'alice');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await screen.findByText(/Enter the 6-digit code we sent to a\*\*\*@e\*\*\*/);
    await user.type(screen.getByLabelText('Code'), pool.sim.lastCode('alice')!);
    await user.type(screen.getByLabelText('New password'), 'N3w!Passw0rd');
    await user.type(screen.getByLabelText('Confirm new password'), 'N3w!Passw0rd-typo');
    expect(screen.getByText('The passwords do not match.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(pool.sim.requests.map((r) => r.operation)).toEqual(['ForgotPassword']);
    await user.clear(screen.getByLabelText('Confirm new password'));
    await user.type(screen.getByLabelText('Confirm new password'), 'N3w!Passw0rd');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('Your password is changed. Sign in with your new password.')).toBeTruthy();
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('alice');
    await user.type(screen.getByLabelText('Password'), 'N3w!Passw0rd');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
  });

  it('leaves the focus to the app once signed in: it does not jump into the signed-in view\'s first field', async () => {
    const pool = createPool(server, { users: [alice] });
    renderWithAuth(<Authentication signedIn={<input aria-label="Search" />} />, pool.auth);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const search = await screen.findByLabelText('Search');
    expect(document.activeElement).not.toBe(search);
  });

  it('hides the links when asked', () => {
    const pool = createPool(server, { users: [alice] });
    renderWithAuth(<Authentication hideSignUp hideForgotPassword />, pool.auth);
    expect(screen.queryByRole('button', { name: 'Create an account' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Forgot your password?' })).toBeNull();
  });

  it('holds the resend button after a rate limit and says why', async () => {
    const pool = createPool(server, { users: [alice], codeSendLimit: 1 });
    renderWithAuth(<Authentication />, pool.auth);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Forgot your password?' }));
    await user.type(await screen.findByLabelText('Username'), 'alice');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await screen.findByLabelText('Code');
    // The first countdown (30 s) would hold the button: the form's own resend is rate-limited on the server,
    // so a second ForgotPassword from a fresh form shows the limit.
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    await user.click(screen.getByRole('button', { name: 'Forgot your password?' }));
    await user.type(await screen.findByLabelText('Username'), 'alice');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByText('Too many attempts. Wait a few minutes, then try again.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Send code' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('account settings', () => {
  async function signedIn(ui: React.ReactElement, options: Parameters<typeof createPool>[1] = { users: [alice] }) {
    const pool = createPool(server, options);
    await pool.auth.signIn({ username: 'alice', password: PASSWORD });
    const view = renderWithAuth(ui, pool.auth);
    return { ...pool, ...view, user: userEvent.setup() };
  }

  it('changes the password; a wrong current password says so and clears the fields', async () => {
    const { user } = await signedIn(<ChangePasswordForm />);
    await user.type(screen.getByLabelText('Current password'), 'wrong');
    await user.type(screen.getByLabelText('New password'), 'N3w!Passw0rd');
    await user.type(screen.getByLabelText('Confirm new password'), 'N3w!Passw0rd');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Your current password is not right.')).toBeTruthy();
    expect((screen.getByLabelText('Current password') as HTMLInputElement).value).toBe('');
    await user.type(screen.getByLabelText('Current password'), PASSWORD);
    await user.type(screen.getByLabelText('New password'), 'N3w!Passw0rd');
    await user.type(screen.getByLabelText('Confirm new password'), 'N3w!Passw0rd');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Your password is changed.')).toBeTruthy();
  });

  it('edits the profile; a new email is verified with its code', async () => {
    const { user, sim, container } = await signedIn(<UserAttributesForm attributes={['email', 'name']} />);
    const email = (await screen.findByLabelText('Email')) as HTMLInputElement;
    expect(email.value).toBe('alice@example.com');
    expect(screen.getByText('Verified')).toBeTruthy();
    await noAxeViolations(container);
    await user.clear(email);
    await user.type(email, 'alice@new.example');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const code = await screen.findByLabelText('Code');
    await user.type(code, sim.lastCode('alice')!);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect((screen.getByLabelText('Email') as HTMLInputElement).value).toBe('alice@new.example'));
    expect(await screen.findByText('Verified')).toBeTruthy();
    expect(sim.user('alice')?.attributes.email_verified).toBe('true');
  });

  it('edits the phone number with the dial-code picker: the number shows as its country and national number, and is sent as E.164', async () => {
    const withPhone = { ...alice, attributes: { ...alice.attributes, phone_number: '+447700900123', phone_number_verified: 'true' } };
    const { user, sim, container } = await signedIn(<UserAttributesForm attributes={['name', 'phone_number']} />, { users: [withPhone] });
    const country = (await screen.findByRole('combobox', { name: 'Country or region' })) as HTMLSelectElement;
    await waitFor(() => expect(country.value).toBe('GB'));
    const phone = screen.getByLabelText('Phone number') as HTMLInputElement;
    expect(phone.value).toBe('7700900123');
    await noAxeViolations(container);
    // Only what changed is sent: the new national number, with the country's code.
    await user.clear(phone);
    await user.type(phone, '07700 900456');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sim.user('alice')?.attributes.phone_number).toBe('+447700900456'));
    const update = sim.requests.find((r) => r.operation === 'UpdateUserAttributes')?.input as { UserAttributes: { Name: string; Value: string }[] };
    expect(update.UserAttributes).toEqual([{ Name: 'phone_number', Value: '+447700900456' }]);
  });

  it('sets up an authenticator app with a QR code and turns it on', async () => {
    const { user, sim } = await signedIn(<MfaSettings methods={['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']} />);
    await user.click(await screen.findByRole('button', { name: 'Set up an authenticator app' }));
    expect(await screen.findByRole('img', { name: /QR code/ })).toBeTruthy();
    const secret = screen.getByText((_, el) => el?.hasAttribute('data-secret') ?? false).textContent!.replace(/\s/g, '');
    await user.type(screen.getByLabelText('Code'), await totpCode(secret, sim.now()));
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(await screen.findByText('Your authenticator app is set up.')).toBeTruthy();
    const item = await waitFor(() => {
      const li = document.querySelector('[data-method="SOFTWARE_TOKEN_MFA"]') as HTMLElement;
      expect(li.dataset.enabled).toBe('true');
      return li;
    });
    expect(within(item).getByText(/Preferred/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Turn on Email' }));
    await waitFor(() => expect((document.querySelector('[data-method="EMAIL_OTP"]') as HTMLElement).dataset.enabled).toBe('true'));
  });

  it('deletes the account only after the confirmation word', async () => {
    const { user, sim, auth } = await signedIn(<DeleteAccount />);
    await user.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(screen.getByText('Type DELETE to confirm.')).toBeTruthy();
    expect(sim.user('alice')).toBeTruthy();
    await user.type(screen.getByLabelText('Confirmation'), 'DELETE');
    await user.click(screen.getByRole('button', { name: 'Delete my account' }));
    await waitFor(() => expect(auth.getSnapshot().status).toBe('signedOut'));
    expect(sim.user('alice')).toBeUndefined();
  });

  it('composes every section, and has no axe violations', async () => {
    const { container } = await signedIn(<AccountSettings />, { users: [alice], deviceTracking: true });
    await screen.findByLabelText('Email');
    await screen.findByText('No devices are remembered.');
    await screen.findByText('You have no passkeys yet.');
    expect(screen.getByRole('heading', { name: 'Account settings' })).toBeTruthy();
    await noAxeViolations(container);
  });
});

// @vitest-environment happy-dom
/**
 * The defects a new user saw in the prebuilt forms (issue: forms that look finished), each proved on the
 * rendered markup and the store's state, plus the details every sign-in form is expected to have:
 * a show-password toggle, placeholders, slots, a theme on every root, focus when the view changes.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { AccountSettings, Authentication, SignIn, SignUp } from '../../src/index.js';
import { PASSWORD, createPool, mswServerPerFile } from '../helpers/pool';
import { renderWithAuth } from '../react/helpers';

const server = mswServerPerFile();
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true', name: 'Alice', phone_number: '+15555550100' } };

async function signIn(user: ReturnType<typeof userEvent.setup>, username: string, password = PASSWORD) {
  await user.type(screen.getByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

/** The text of the form's live error region (empty when nothing is wrong). */
const alertText = () => screen.getAllByRole('alert').map((a) => a.textContent ?? '').join('');

describe('secondary actions', () => {
  it('are links grouped under the form, inside the card, apart from the one primary button', () => {
    const pool = createPool(server, { users: [alice] });
    const { container } = renderWithAuth(<Authentication />, pool.auth);
    const forgot = screen.getByRole('button', { name: 'Forgot your password?' });
    const signUp = screen.getByRole('button', { name: 'Create an account' });
    const group = forgot.parentElement as HTMLElement;
    expect(group.hasAttribute('data-links')).toBe(true);
    expect(signUp.parentElement).toBe(group);
    expect(forgot.getAttribute('data-link')).toBe('forgotPassword');
    expect(group.closest('.cognito-react')).not.toBeNull();
    // One primary action per view.
    expect(container.querySelectorAll('[data-variant="primary"]')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Sign in' }).getAttribute('data-variant')).toBe('primary');
  });
});

describe('given a SELECT_MFA_TYPE step', () => {
  it('asks the question once: the heading names the choice, no legend repeats it', async () => {
    const pool = createPool(server, { users: [{ ...alice, mfa: { sms: true, totpSecret: TOTP } }] });
    renderWithAuth(<SignIn />, pool.auth);
    const user = userEvent.setup();
    await signIn(user, 'alice');
    const group = await screen.findByRole('group', { name: 'How do you want to verify it is you?' });
    expect(screen.getAllByText('How do you want to verify it is you?')).toHaveLength(1);
    expect(within(group).getAllByRole('radio').length).toBeGreaterThan(1);
    const { violations } = await axe.run(document.body);
    expect(violations.map((v) => v.id)).toEqual([]);
  });
});

describe('passwords that do not match', () => {
  it('are reported once after a refused submit, by the confirmation field alone', async () => {
    const pool = createPool(server, { users: [alice] });
    renderWithAuth(<SignUp />, pool.auth);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'bob');
    await user.type(screen.getByLabelText('Email'), 'bob@example.com');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.type(screen.getByLabelText('Confirm password'), `${PASSWORD}x`);
    // While typing: the live check says it.
    expect(screen.getAllByText('The passwords do not match.')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getAllByText('The passwords do not match.')).toHaveLength(1);
    expect(screen.getByLabelText('Confirm password').getAttribute('aria-invalid')).toBe('true');
    expect(pool.sim.requests).toHaveLength(0);
  });
});

describe('given a user who never confirmed the account', () => {
  const una = { username: 'una', password: PASSWORD, status: 'UNCONFIRMED' as const, attributes: { email: 'una@example.com' } };

  it('goes to the confirmation inside its own card, without the old alert, and signs in once confirmed', async () => {
    const pool = createPool(server, { users: [una] });
    renderWithAuth(<Authentication signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await signIn(user, 'una');
    const hint = await screen.findByText('Enter the 6-digit code we sent to u***@e***.');
    expect(hint.closest('.cognito-react')).toBe(document.querySelector('[data-view="confirmSignUp"]'));
    // The store forgot the failure that sent the user here, and nothing says it any more.
    expect(pool.auth.getSnapshot().error).toBeNull();
    expect(alertText()).toBe('');
    expect(screen.queryByText('Your account is not confirmed yet. Confirm it, then sign in.')).toBeNull();
    await user.type(screen.getByLabelText('Code'), pool.sim.lastCode('una')!);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
  });
});

describe('given a user whose password must be reset (PasswordResetRequiredException)', () => {
  it('opens the reset at its code step for the username typed at sign-in, and returns without the old alert', async () => {
    const rita = { username: 'rita', password: PASSWORD, status: 'RESET_REQUIRED' as const, attributes: { email: 'rita@example.com', email_verified: 'true' } };
    const pool = createPool(server, { users: [rita] });
    renderWithAuth(<Authentication signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await signIn(user, 'rita');
    await screen.findByText('Enter the 6-digit code we sent to r***@e***, and your new password.');
    expect(alertText()).toBe('');
    expect(pool.auth.getSnapshot().error).toBeNull();
    await user.type(screen.getByLabelText('Code'), pool.sim.lastCode('rita')!);
    await user.type(screen.getByLabelText('New password'), 'N3w!Passw0rd');
    await user.type(screen.getByLabelText('Confirm new password'), 'N3w!Passw0rd');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('Your password is changed. Sign in with your new password.')).toBeTruthy();
    expect(screen.queryByText('You need to reset your password before you can sign in.')).toBeNull();
    expect(alertText()).toBe('');
    expect(pool.auth.getSnapshot().error).toBeNull();
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('rita');
    await user.type(screen.getByLabelText('Password'), 'N3w!Passw0rd');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
  });
});

describe('once signed in', () => {
  it('<SignIn> without `signedIn` renders nothing at all (no empty card)', async () => {
    const pool = createPool(server, { users: [alice] });
    const { container } = renderWithAuth(<SignIn />, pool.auth);
    const user = userEvent.setup();
    await signIn(user, 'alice');
    await waitFor(() => expect(pool.auth.getSnapshot().status).toBe('signedIn'));
    await waitFor(() => expect(container.innerHTML).toBe(''));
  });

  it('<SignIn> with `signedIn` renders it outside the card', async () => {
    const pool = createPool(server, { users: [alice] });
    const { container } = renderWithAuth(<SignIn signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await signIn(user, 'alice');
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(container.querySelector('.cognito-react')).toBeNull();
  });
});

describe('<AccountSettings>', () => {
  async function signedIn() {
    const pool = createPool(server, { users: [{ ...alice, mfa: { totpSecret: TOTP } }] });
    await pool.auth.signIn({ username: 'alice', password: PASSWORD, authFlow: 'USER_PASSWORD_AUTH' }).then(async (step) => {
      if (step.name === 'SOFTWARE_TOKEN_MFA') {
        const { totpCode } = await import('../../src/testing/index.js');
        await pool.auth.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code: await totpCode(TOTP, Date.now()) });
      }
    });
    return pool;
  }

  it('is one card: sections inside it, none a card of its own', async () => {
    const pool = await signedIn();
    const { container } = renderWithAuth(<AccountSettings />, pool.auth);
    await screen.findByRole('button', { name: 'Save' });
    expect(container.querySelectorAll('.cognito-react')).toHaveLength(1);
    const sections = container.querySelectorAll('.cognito-react > [data-account-section]');
    expect(sections).toHaveLength(6);
  });

  it('shows placeholders of the right shape while loading, not a "Loading…" sentence', async () => {
    const pool = await signedIn();
    const { container } = renderWithAuth(<AccountSettings />, pool.auth);
    // First render: GetUser, the devices and the passkeys are still on their way.
    const skeletons = container.querySelectorAll('[data-skeleton]');
    expect(skeletons.length).toBeGreaterThanOrEqual(3);
    for (const s of skeletons) {
      expect(s.getAttribute('aria-busy')).toBe('true');
      expect(s.querySelectorAll('[data-skeleton-row][aria-hidden="true"]').length).toBeGreaterThan(0);
      // The words stay for screen readers, in an element the theme hides visually.
      expect(s.querySelector('[data-loading-label]')?.textContent).toBe('Loading…');
    }
    expect([...container.querySelectorAll('p')].some((p) => p.textContent === 'Loading…')).toBe(false);
    await screen.findByRole('button', { name: 'Save' });
  });

  it('draws "Delete my account" in the danger style, not as the primary action', async () => {
    const pool = await signedIn();
    renderWithAuth(<AccountSettings sections={['delete']} />, pool.auth);
    expect(screen.getByRole('button', { name: 'Delete my account' }).getAttribute('data-variant')).toBe('danger');
  });

  it('lists two-step verification methods as a list the theme can draw without bullets', async () => {
    const pool = await signedIn();
    const { container } = renderWithAuth(<AccountSettings sections={['mfa']} />, pool.auth);
    await waitFor(() => expect(container.querySelector('[data-section="mfa"] ul > li[data-method]')).not.toBeNull());
  });
});

describe('the show-password toggle', () => {
  it('is a pressed/unpressed button that shows the password, keeps the caret, and sends nothing', async () => {
    const pool = createPool(server, { users: [alice] });
    renderWithAuth(<SignIn />, pool.auth);
    const user = userEvent.setup();
    const password = screen.getByLabelText('Password') as HTMLInputElement;
    await user.type(password, 'secret');
    password.setSelectionRange(2, 4);
    const toggle = screen.getByRole('button', { name: 'Show password' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(toggle.getAttribute('type')).toBe('button');
    expect(toggle.getAttribute('aria-controls')).toBe(password.id);
    await user.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(password.type).toBe('text');
    expect(password.value).toBe('secret');
    expect([password.selectionStart, password.selectionEnd]).toEqual([2, 4]);
    await user.click(toggle);
    expect(password.type).toBe('password');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(pool.sim.requests).toHaveLength(0);
    expect(screen.queryByText('Enter your username.')).toBeNull();
  });
});

describe('placeholders', () => {
  it('come from the message table, and there are none by default', () => {
    const pool = createPool(server, { users: [alice] });
    const { unmount } = renderWithAuth(<SignIn />, pool.auth);
    expect(screen.getByLabelText('Username').hasAttribute('placeholder')).toBe(false);
    unmount();
    renderWithAuth(<SignIn messages={{ 'placeholder.username': 'you@example.com' }} />, pool.auth);
    expect(screen.getByLabelText('Username').getAttribute('placeholder')).toBe('you@example.com');
  });
});

describe('the theme', () => {
  it('reaches every root the library renders, on every view', async () => {
    const pool = createPool(server, { users: [alice] });
    const { container } = renderWithAuth(<Authentication theme="dark" />, pool.auth);
    const user = userEvent.setup();
    const roots = () => [...container.querySelectorAll('.cognito-react')].map((r) => r.getAttribute('data-theme'));
    expect(roots()).toEqual(['dark']);
    await user.click(screen.getByRole('button', { name: 'Create an account' }));
    // The view's code may still be on its way (it loads when reached).
    await user.click(await screen.findByRole('button', { name: 'Back to sign in' }));
    await user.click(screen.getByRole('button', { name: 'Forgot your password?' }));
    await screen.findByRole('button', { name: 'Send code' });
    expect(roots()).toEqual(['dark']);
  });

  it('"light" is set on the root, so that a dark system setting does not darken it', () => {
    const pool = createPool(server, { users: [alice] });
    const { container } = renderWithAuth(<SignIn theme="light" />, pool.auth);
    expect(container.querySelector('.cognito-react')?.getAttribute('data-theme')).toBe('light');
  });
});

describe('slots', () => {
  const Header = ({ view }: { view: string }) => <p data-testid="header">Acme · {view}</p>;
  const Footer = () => <p data-testid="footer">Help</p>;

  it('adds a header and a footer inside the card of every view and step, and per view', async () => {
    const pool = createPool(server, { users: [alice] });
    renderWithAuth(
      <Authentication components={{ Header, SIGN_IN: { Footer }, signUp: { Footer: () => <p data-testid="terms">Terms</p> } }} />,
      pool.auth,
    );
    const user = userEvent.setup();
    const card = () => document.querySelector('.cognito-react') as HTMLElement;
    expect(within(card()).getByTestId('header').textContent).toBe('Acme · SIGN_IN');
    expect(within(card()).getByTestId('footer')).toBeTruthy();
    // The header comes first in the card, the footer last.
    expect(card().firstElementChild?.contains(screen.getByTestId('header'))).toBe(true);
    expect(card().lastElementChild?.contains(screen.getByTestId('footer'))).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Create an account' }));
    await screen.findByRole('button', { name: 'Create account' });
    expect(within(card()).getByTestId('header').textContent).toBe('Acme · signUp');
    expect(within(card()).getByTestId('terms')).toBeTruthy();
    expect(screen.queryByTestId('footer')).toBeNull();
  });

  it('adds a footer to one sign-in step only', async () => {
    const pool = createPool(server, { users: [{ ...alice, mfa: { sms: true } }] });
    renderWithAuth(<SignIn components={{ SMS_MFA: { Footer: () => <a href="/help/sms">No code?</a> } }} />, pool.auth);
    const user = userEvent.setup();
    expect(screen.queryByRole('link', { name: 'No code?' })).toBeNull();
    await signIn(user, 'alice');
    await screen.findByLabelText('Code');
    expect(screen.getByRole('link', { name: 'No code?' }).closest('.cognito-react')).not.toBeNull();
  });
});

describe('switching views', () => {
  it('moves the focus to the first field of the view a link opens, and back', async () => {
    const pool = createPool(server, { users: [alice] });
    renderWithAuth(<Authentication />, pool.auth);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create an account' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Username')));
    expect(screen.getByRole('heading', { name: 'Create an account' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Username')));
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
  });
});

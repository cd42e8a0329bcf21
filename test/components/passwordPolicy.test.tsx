// @vitest-environment happy-dom
/**
 * The password policy given once on the provider (issue 18: "give the pool's policy and the new-password
 * fields show a live checklist announced politely to screen readers; the service's refusal still shows"):
 * sign-up, NEW_PASSWORD_REQUIRED, the password reset and the password change, against the simulated pool.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { CognitoAuth, PasswordPolicy } from '../../src/core/index.js';
import { Authentication, ChangePasswordForm, CognitoProvider, CognitoStoreProvider, SignIn } from '../../src/index.js';
import de from '../../src/locales/de.js';
import { PASSWORD, createPool, mswServerPerFile } from '../helpers/pool';
import { strict, testQueryClient } from '../react/helpers';

const server = mswServerPerFile();
const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true' } };
/** Cognito's default policy with a longer minimum: what the simulated pool enforces too. */
const strong: PasswordPolicy = { MinimumLength: 10, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };
const simulatorPolicy = { minLength: 10, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true };
const NOT_MET = ['Not met: At least 10 characters', 'Not met: An uppercase letter (A–Z)', 'Not met: A lowercase letter (a–z)', 'Not met: A number (0–9)', 'Not met: A symbol such as ! ? @ # or a space'];

function renderUnder(auth: CognitoAuth, passwordPolicy: PasswordPolicy | undefined, ui: ReactNode, extra: { locale?: string; messages?: Record<string, string> } = {}) {
  return render(
    strict(
      <CognitoProvider auth={auth} queryClient={testQueryClient()} {...(passwordPolicy ? { passwordPolicy } : {})} {...extra}>
        {ui}
      </CognitoProvider>,
    ),
  );
}

/** The list of rules the input is described by (found through its aria-describedby, as a screen reader does). */
function rulesOf(input: HTMLElement): HTMLElement {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
  const list = ids.map((id) => document.getElementById(id)).find((el) => el?.tagName === 'UL');
  if (!list) throw new Error(`no list of rules describes the input (aria-describedby="${input.getAttribute('aria-describedby')}")`);
  return list;
}
const items = (list: HTMLElement) => within(list).getAllByRole('listitem').map((li) => li.textContent);
const announcement = (list: HTMLElement) => within(list.parentElement as HTMLElement).getByRole('status');

async function noAxeViolations(container: HTMLElement) {
  const { violations } = await axe.run(container);
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

describe('<ChangePasswordForm> under <CognitoProvider passwordPolicy>', () => {
  async function setUp(policy: PasswordPolicy | undefined, extra: Parameters<typeof renderUnder>[3] = {}) {
    const pool = createPool(server, { users: [alice], passwordPolicy: simulatorPolicy });
    await pool.auth.signIn({ username: 'alice', password: PASSWORD });
    const view = renderUnder(pool.auth, policy, <ChangePasswordForm />, extra);
    return { ...pool, ...view, user: userEvent.setup() };
  }

  it('lists every rule under the new password, each marked met or not as the user types, and the input is described by the list', async () => {
    const { user, container } = await setUp(strong);
    const input = screen.getByLabelText('New password');
    const list = rulesOf(input);
    expect(items(list)).toEqual(NOT_MET);
    await user.type(input, 'abc');
    expect(items(list)).toEqual([NOT_MET[0], NOT_MET[1], 'Met: A lowercase letter (a–z)', NOT_MET[3], NOT_MET[4]]);
    await user.type(input, 'DEF 12');
    expect(items(list)).toEqual([NOT_MET[0], 'Met: An uppercase letter (A–Z)', 'Met: A lowercase letter (a–z)', 'Met: A number (0–9)', 'Met: A symbol such as ! ? @ # or a space']);
    expect(within(list).getAllByRole('listitem').map((li) => li.getAttribute('data-met'))).toEqual(['false', 'true', 'true', 'true', 'true']);
    await user.type(input, '3');
    expect(items(list)[0]).toBe('Met: At least 10 characters');
    // The confirmation is not the new password: it is not described by the rules.
    expect(screen.getByLabelText('Confirm new password').getAttribute('aria-describedby') ?? '').not.toContain(list.id);
    await noAxeViolations(container);
  });

  it('tells screen readers politely how many rules are left once the typing pauses, not at every key', async () => {
    const { user } = await setUp(strong);
    const input = screen.getByLabelText('New password');
    const status = announcement(rulesOf(input));
    expect(status.textContent).toBe('');
    await user.type(input, 'a');
    // Not at once: the summary waits for the rules to stay the same a moment.
    expect(status.textContent).toBe('');
    await waitFor(() => expect(status.textContent).toBe('4 password requirements still to meet.'));
    await user.type(input, 'bcdefghij');
    // Nine more keys, one rule flipped (the length): one new summary.
    await waitFor(() => expect(status.textContent).toBe('3 password requirements still to meet.'));
    await user.type(input, 'A1!');
    await waitFor(() => expect(status.textContent).toBe('Your password meets every requirement.'));
  });

  it('does not send a password that breaks a rule: it says so at the field and focuses it', async () => {
    const { user, sim } = await setUp(strong);
    await user.type(screen.getByLabelText('Current password'), PASSWORD);
    await user.type(screen.getByLabelText('New password'), 'longbutlower');
    await user.type(screen.getByLabelText('Confirm new password'), 'longbutlower');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    const input = screen.getByLabelText('New password');
    expect(screen.getByText('Choose a password that meets every requirement.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input);
    expect(rulesOf(input).parentElement?.hasAttribute('data-invalid')).toBe(true);
    expect(sim.requests.map((r) => r.operation)).not.toContain('ChangePassword');
    await user.clear(input);
    await user.type(input, 'N3w!Passw0rd');
    await user.clear(screen.getByLabelText('Confirm new password'));
    await user.type(screen.getByLabelText('Confirm new password'), 'N3w!Passw0rd');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Your password is changed.')).toBeTruthy();
  });

  it('still shows Cognito’s refusal when the app’s policy is looser than the pool’s', async () => {
    const { user, sim } = await setUp({ MinimumLength: 6 });
    await user.type(screen.getByLabelText('Current password'), PASSWORD);
    await user.type(screen.getByLabelText('New password'), 'sixchars');
    expect(items(rulesOf(screen.getByLabelText('New password')))).toEqual(['Met: At least 6 characters']);
    await user.type(screen.getByLabelText('Confirm new password'), 'sixchars');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That password does not meet the requirements. Choose another.'));
    expect(sim.requests.map((r) => r.operation)).toContain('ChangePassword');
  });

  it('shows no list without a policy, and then sends what the user typed', async () => {
    const { user, container } = await setUp(undefined);
    expect(container.querySelector('[data-password-policy]')).toBeNull();
    expect(screen.getByLabelText('New password').getAttribute('aria-describedby')).toBeNull();
    await user.type(screen.getByLabelText('Current password'), PASSWORD);
    await user.type(screen.getByLabelText('New password'), 'short');
    await user.type(screen.getByLabelText('Confirm new password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That password does not meet the requirements. Choose another.'));
  });

  it('words the rules in the provider’s language, the length with its plural', async () => {
    await setUp({ MinimumLength: 1, RequireNumbers: true }, { locale: 'de', messages: de });
    expect(items(rulesOf(screen.getByLabelText('Neues Passwort')))).toEqual(['Nicht erfüllt: Mindestens 1 Zeichen', 'Nicht erfüllt: Eine Ziffer (0–9)']);
  });
});

describe('the other new-password fields', () => {
  it('sign-up: the rules under the password, and a password that breaks one is not sent', async () => {
    const pool = createPool(server, { users: [alice], passwordPolicy: simulatorPolicy });
    const { container } = renderUnder(pool.auth, strong, <Authentication initialView="signUp" signUpAttributes={['email']} signedIn={<p>Welcome</p>} />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'nia');
    await user.type(screen.getByLabelText('Email'), 'nia@example.com');
    const password = screen.getByLabelText('Password');
    expect(items(rulesOf(password))).toEqual(NOT_MET);
    await user.type(password, 'Passw0rd!');
    expect(items(rulesOf(password))[0]).toBe('Not met: At least 10 characters');
    await user.type(screen.getByLabelText('Confirm password'), 'Passw0rd!');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByText('Choose a password that meets every requirement.')).toBeTruthy();
    expect(pool.operations()).toEqual([]);
    await noAxeViolations(container);
    await user.type(password, 'long');
    await user.type(screen.getByLabelText('Confirm password'), 'long');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByLabelText('Code')).toBeTruthy();
    expect(pool.operations()).toEqual(['SignUp']);
  });

  it('the password reset: the rules under the new password after the code, and Cognito’s refusal when the app’s policy is looser', async () => {
    const pool = createPool(server, { users: [alice], passwordPolicy: simulatorPolicy });
    renderUnder(pool.auth, { MinimumLength: 10 }, <Authentication initialView="forgotPassword" signedIn={<p>Welcome</p>} />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'alice');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    const input = await screen.findByLabelText('New password');
    expect(items(rulesOf(input))).toEqual(['Not met: At least 10 characters']);
    await user.type(screen.getByLabelText('Code'), pool.sim.lastCode('alice')!);
    await user.type(input, 'short');
    await user.type(screen.getByLabelText('Confirm new password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(screen.getByText('Choose a password that meets every requirement.')).toBeTruthy();
    expect(pool.operations()).toEqual(['ForgotPassword']);
    await user.clear(input);
    await user.type(input, 'longenoughbutweak');
    await user.clear(screen.getByLabelText('Confirm new password'));
    await user.type(screen.getByLabelText('Confirm new password'), 'longenoughbutweak');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That password does not meet the requirements. Choose another.'));
    expect(pool.operations()).toEqual(['ForgotPassword', 'ConfirmForgotPassword']);
  });

  it('NEW_PASSWORD_REQUIRED, under the store provider of server mode too: the rules, then the sign-in', async () => {
    const pool = createPool(server, { users: [{ username: 'tina', password: 'Temp0rary!pass', status: 'FORCE_CHANGE_PASSWORD' }], mfaConfiguration: 'OFF', passwordPolicy: simulatorPolicy });
    render(
      strict(
        <CognitoStoreProvider auth={pool.auth} queryClient={testQueryClient()} passwordPolicy={strong}>
          <SignIn signedIn={<p>Welcome</p>} />
        </CognitoStoreProvider>,
      ),
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'tina');
    await user.type(screen.getByLabelText('Password'), 'Temp0rary!pass');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const input = await screen.findByLabelText('New password');
    expect(items(rulesOf(input))).toEqual(NOT_MET);
    await user.type(input, 'N3w-passw0rd!');
    expect(items(rulesOf(input)).every((text) => text?.startsWith('Met: '))).toBe(true);
    await user.type(screen.getByLabelText('Confirm new password'), 'N3w-passw0rd!');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
  });
});

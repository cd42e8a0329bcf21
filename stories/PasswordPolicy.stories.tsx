import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { PasswordPolicy } from '../src/core/index.js';
import { Authentication, ChangePasswordForm, CognitoProvider, NewPasswordRequiredForm } from '../src/index.js';
import ar, { dir as arDir, locale as arLocale } from '../src/locales/ar.js';
import { expectAlert } from './support/play';
import { PASSWORD, reachChallenge, users, withPool, type PoolContext } from './support/pool';
import { themed } from './support/theme';

/**
 * The password policy given on the provider (`passwordPolicy`): the rules under every new password, each
 * ticked as the user types, a password that breaks one not sent, and Cognito's own refusal when the app's
 * policy is looser than the pool's.
 */
const strong: PasswordPolicy = { MinimumLength: 12, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };
/** What the stories' simulated pool enforces (the same rules). */
const poolPolicy = { minLength: 12, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true };

function Provider({ auth, policy, language, children }: { auth: PoolContext['auth']; policy: PasswordPolicy; language?: 'ar'; children: React.ReactNode }) {
  const [queryClient] = useState(() => new QueryClient());
  const locale = language === 'ar' ? { messages: ar, locale: arLocale, dir: arDir } : {};
  return (
    <CognitoProvider auth={auth} queryClient={queryClient} passwordPolicy={policy} {...locale}>
      {children}
    </CognitoProvider>
  );
}

/** A provider for the loader's pool with this policy (the story's `parameters.policy`, else `strong`). */
const withPolicy: Decorator = (Story, { loaded, parameters }) => (
  <Provider auth={(loaded.pool as PoolContext).auth} policy={(parameters.policy as PasswordPolicy | undefined) ?? strong} {...(parameters.language === 'ar' ? { language: 'ar' as const } : {})}>
    <Story />
  </Provider>
);

const signedIn = withPool({ users: [users.password], passwordPolicy: poolPolicy }, { reach: ({ auth }) => auth.signIn({ username: 'pat', password: PASSWORD }) });

const meta = {
  title: 'Forms/PasswordPolicy',
  component: ChangePasswordForm,
  decorators: [withPolicy],
  loaders: [signedIn],
} satisfies Meta<typeof ChangePasswordForm>;
export default meta;
type Story = StoryObj<typeof meta>;

const rules = (canvasElement: HTMLElement) => [...canvasElement.querySelectorAll('[data-password-policy] li')].map((li) => li.getAttribute('data-met'));

/** The change-password form before anything is typed: every rule unmet, the input described by the list. */
export const Idle: Story = {
  decorators: [themed('light')],
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByLabelText('New password');
    const list = canvasElement.querySelector('[data-password-policy] ul') as HTMLElement;
    await expect(input.getAttribute('aria-describedby')).toContain(list.id);
    await expect(rules(canvasElement)).toEqual(['false', 'false', 'false', 'false', 'false']);
  },
};

/** Part of the way: the rules met so far are ticked (an icon and, for screen readers, "Met:"). */
export const Typing: Story = {
  decorators: [themed('light')],
  play: async ({ canvasElement }) => {
    await userEvent.type(within(canvasElement).getByLabelText('New password'), 'abc DEF');
    await expect(rules(canvasElement)).toEqual(['false', 'true', 'true', 'false', 'true']);
  },
};

/** Every rule met, in the dark theme; the polite summary says so after the pause. */
export const AllMetDark: Story = {
  decorators: [themed('dark')],
  play: async ({ canvasElement }) => {
    await userEvent.type(within(canvasElement).getByLabelText('New password'), 'N3w!Passw0rd-ok');
    await expect(rules(canvasElement)).toEqual(['true', 'true', 'true', 'true', 'true']);
    await waitFor(() => expect(canvasElement.querySelector('[data-password-policy-status]')).toHaveTextContent('Your password meets every requirement.'), { timeout: 5000 });
  },
};

/** Submitted with a rule unmet: not sent; the field says why, and the unmet rules turn to crosses. */
export const SubmittedUnmet: Story = {
  decorators: [themed('light')],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Current password'), PASSWORD);
    await userEvent.type(canvas.getByLabelText('New password'), 'lowercase only');
    await userEvent.type(canvas.getByLabelText('Confirm new password'), 'lowercase only');
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
    await expect(canvas.getByText('Choose a password that meets every requirement.')).toBeVisible();
    await expect(canvasElement.querySelector('[data-password-policy]')).toHaveAttribute('data-invalid');
  },
};

/** The app's policy is looser than the pool's: the password goes to Cognito, whose refusal shows. */
export const RefusedByCognito: Story = {
  decorators: [themed('light')],
  parameters: { policy: { MinimumLength: 8 } satisfies PasswordPolicy },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Current password'), PASSWORD);
    await userEvent.type(canvas.getByLabelText('New password'), 'eightchars');
    await userEvent.type(canvas.getByLabelText('Confirm new password'), 'eightchars');
    await userEvent.click(canvas.getByRole('button', { name: 'Change password' }));
    await expectAlert(canvasElement, 'That password does not meet the requirements. Choose another.');
  },
};

/** Sign-up under the policy: the rules under the password pair. */
export const SignUp: Story = {
  loaders: [withPool({ users: [], passwordPolicy: poolPolicy })],
  decorators: [themed('light', { card: false })],
  render: () => <Authentication theme="light" initialView="signUp" signUpAttributes={['email']} signedIn={<p>Signed in</p>} />,
  play: async ({ canvasElement }) => {
    // The view's code may still be on its way (it loads when reached).
    await userEvent.type(await within(canvasElement).findByLabelText('Password'), 'Passw0rd');
    await expect(rules(canvasElement)).toEqual(['false', 'true', 'true', 'true', 'false']);
  },
};

/** NEW_PASSWORD_REQUIRED under the policy. */
export const NewPasswordRequired: Story = {
  loaders: [withPool({ users: [users.newPassword], mfaConfiguration: 'OFF', passwordPolicy: poolPolicy }, { reach: reachChallenge('nia', 'Temp0rary!pass') })],
  decorators: [themed('light')],
  render: () => <NewPasswordRequiredForm />,
  play: async ({ canvasElement }) => {
    await expect(rules(canvasElement)).toHaveLength(5);
  },
};

/** The reset after the code, under the policy. */
export const PasswordReset: Story = {
  // A reset needs a verified email to send the code to.
  loaders: [withPool({ users: [{ ...users.password, attributes: { email: 'pat@example.com', email_verified: 'true' } }], passwordPolicy: poolPolicy })],
  decorators: [themed('light', { card: false })],
  render: () => <Authentication theme="light" initialView="forgotPassword" signedIn={<p>Signed in</p>} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText('Username'), 'pat');
    await userEvent.click(canvas.getByRole('button', { name: 'Send code' }));
    await userEvent.type(await canvas.findByLabelText('New password', {}, { timeout: 5000 }), 'N3W!');
    await expect(rules(canvasElement)).toEqual(['false', 'true', 'false', 'true', 'true']);
  },
};

/** In Arabic, right to left: the icons stand at the start of each line, on the right. */
export const Arabic: Story = {
  parameters: { language: 'ar' },
  decorators: [themed('light', { card: false })],
  render: () => <Authentication theme="light" initialView="signUp" signUpAttributes={['email']} signedIn={<p>Signed in</p>} />,
  loaders: [withPool({ users: [], passwordPolicy: poolPolicy })],
  play: async ({ canvasElement }) => {
    const item = canvasElement.querySelector('[data-password-policy] li') as HTMLElement;
    await expect(getComputedStyle(item).direction).toBe('rtl');
    const icon = item.getBoundingClientRect();
    const text = document.createRange();
    text.selectNodeContents(item.lastChild as Node);
    // The icon (::before, the first flex item) is at the right edge of the line.
    await expect(icon.right - text.getBoundingClientRect().right).toBeLessThanOrEqual(26);
    await expect(text.getBoundingClientRect().right).toBeLessThan(icon.right);
  },
};

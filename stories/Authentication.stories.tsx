import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Authentication, ConfirmSignUp, ForgotPassword, SignUp } from '../src/index.js';
import { expectAlert, fillAndSubmit } from './support/play';
import { PASSWORD, users, withPool, withProvider, type PoolContext } from './support/pool';
import { themed } from './support/theme';

/**
 * `<Authentication>`: sign-in, sign-up and password reset in one component, against a simulated user pool.
 * Each part is also shown alone, in its states.
 */
const meta = {
  title: 'Account/Authentication',
  component: Authentication,
  decorators: [withProvider],
  loaders: [withPool({ users: [{ ...users.password, attributes: { email: 'pat@example.com', email_verified: 'true' } }] })],
  args: { signedIn: <p>Signed in</p> },
} satisfies Meta<typeof Authentication>;
export default meta;
type Story = StoryObj<typeof meta>;

const pool = (loaded: Record<string, unknown>) => loaded.pool as PoolContext;

async function fillSignUp(canvasElement: HTMLElement, username: string) {
  return fillAndSubmit(
    canvasElement,
    { Username: username, Email: `${username}@example.com`, Password: PASSWORD, 'Confirm password': PASSWORD },
    'Create account',
  );
}

/** The sign-in form with its two links. */
export const SignInWithLinks: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Create an account' })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Forgot your password?' })).toBeInTheDocument();
  },
};

export const SignUpToSignedIn: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Create an account' }));
    await fillSignUp(canvasElement, 'nia');
    await canvas.findByText('Enter the 6-digit code we sent to n***@e***.', {}, { timeout: 5000 });
    await fillAndSubmit(canvasElement, { Code: pool(loaded).sim.lastCode('nia')! }, 'Confirm');
    await waitFor(() => expect(canvas.getByText('Signed in')).toBeInTheDocument(), { timeout: 5000 });
  },
};

export const SignUpEmptyFields: Story = {
  args: { initialView: 'signUp' },
  play: async ({ canvasElement }) => {
    const canvas = await fillAndSubmit(canvasElement, {}, 'Create account');
    await expect(canvas.getByText('Choose a username.')).toBeInTheDocument();
    await expect(canvas.getByText('Enter your email.')).toBeInTheDocument();
    await expect(canvas.getByLabelText('Username')).toHaveFocus();
  },
};

export const SignUpUsernameTaken: Story = {
  args: { initialView: 'signUp' },
  play: async ({ canvasElement }) => {
    await fillSignUp(canvasElement, 'pat');
    await expectAlert(canvasElement, 'That username is taken. Choose another, or sign in.');
    await expect(within(canvasElement).getByLabelText('Username')).toHaveValue('pat');
  },
};

export const SignUpThemedLight: Story = { args: { initialView: 'signUp' }, decorators: [themed('light', { card: false })] };
export const SignUpThemedDark: Story = { args: { initialView: 'signUp' }, decorators: [themed('dark', { card: false })] };

export const ConfirmWrongCode: Story = {
  args: { initialView: 'signUp' },
  play: async ({ canvasElement, loaded }) => {
    await fillSignUp(canvasElement, 'noa');
    const canvas = within(canvasElement);
    await canvas.findByLabelText('Code', {}, { timeout: 5000 });
    const wrong = pool(loaded).sim.lastCode('noa') === '000000' ? '111111' : '000000';
    await fillAndSubmit(canvasElement, { Code: wrong }, 'Confirm');
    await expectAlert(canvasElement, 'That code is not right. Check it and try again.');
    await expect(canvas.getByRole('button', { name: /Send a new code in \d+ s/ })).toBeDisabled();
  },
};

export const ForgotPasswordToSignIn: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Forgot your password?' }));
    await fillAndSubmit(canvasElement, { Username: 'pat' }, 'Send code');
    await canvas.findByLabelText('Code', {}, { timeout: 5000 });
    await fillAndSubmit(
      canvasElement,
      { Code: pool(loaded).sim.lastCode('pat')!, 'New password': 'N3w!Passw0rd', 'Confirm new password': 'N3w!Passw0rd' },
      'Set password',
    );
    await canvas.findByText('Your password is changed. Sign in with your new password.', {}, { timeout: 5000 });
    await expect(canvas.getByLabelText('Username')).toHaveValue('pat');
  },
};

export const ForgotPasswordRateLimited: Story = {
  loaders: [withPool({ users: [{ ...users.password, attributes: { email: 'pat@example.com', email_verified: 'true' } }], codeSendLimit: 0 })],
  args: { initialView: 'forgotPassword' },
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, { Username: 'pat' }, 'Send code');
    await expectAlert(canvasElement, 'Too many attempts. Wait a few minutes, then try again.');
    await expect(within(canvasElement).getByRole('button', { name: 'Send code' })).toBeDisabled();
  },
};

/** The parts alone. */
export const SignUpAlone: StoryObj = {
  render: () => <SignUp attributes={['email', { name: 'name', required: false }, 'phone_number']} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('Phone number')).toHaveAttribute('type', 'tel');
    await expect(canvas.getByLabelText('Email')).toHaveAttribute('autocomplete', 'email');
    await expect(canvas.getByLabelText('Password')).toHaveAttribute('autocomplete', 'new-password');
  },
};

export const ConfirmSignUpAlone: StoryObj = {
  render: () => <ConfirmSignUp username="nia" codeDelivery={{ deliveryMedium: 'EMAIL', destination: 'n***@e***' }} />,
};

export const ForgotPasswordAlone: StoryObj = { render: () => <ForgotPassword /> };

export const SignUpRenderProp: StoryObj = {
  render: () => (
    <SignUp>
      {(form) => (
        <form {...form.formProps} aria-label="Join us">
          <p>Join us: pick a name and a password.</p>
          {form.fields.username && (
            <label>
              Your name <input {...form.fields.username.inputProps} />
            </label>
          )}
          {form.fields['attribute:email'] && (
            <label>
              Your email <input {...form.fields['attribute:email'].inputProps} />
            </label>
          )}
          {form.fields.password && (
            <label>
              Secret <input {...form.fields.password.inputProps} />
            </label>
          )}
          {form.fields.confirm && (
            <label>
              Secret again <input {...form.fields.confirm.inputProps} />
            </label>
          )}
          <div role="alert">{form.error}</div>
          <button type="submit" disabled={form.pending}>
            Join
          </button>
        </form>
      )}
    </SignUp>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Join' })).toBeInTheDocument();
  },
};

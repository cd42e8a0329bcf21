import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Authentication } from '../src/index.js';
import { expectAlert, fillAndSubmit } from './support/play';
import { PASSWORD, users, withPool, withProvider, type PoolContext } from './support/pool';

/**
 * Sign-in flow behaviours of `<Authentication>` against a simulated user pool: where a refused sign-in goes
 * next, a pre-selected choice, a preferred first factor, and an app client that does not allow USER_AUTH.
 */
const meta = {
  title: 'Simulated user pool/Sign-in flow',
  component: Authentication,
  decorators: [withProvider],
  args: { signedIn: <p>Signed in</p> },
} satisfies Meta<typeof Authentication>;
export default meta;
type Story = StoryObj<typeof meta>;

const pool = (loaded: Record<string, unknown>) => loaded.pool as PoolContext;

async function signedIn(canvasElement: HTMLElement) {
  await waitFor(() => expect(within(canvasElement).getByText('Signed in')).toBeInTheDocument(), { timeout: 5000 });
}

/** A user who never confirmed the account: a new code at once, the confirmation, then signed in without retyping. */
export const UnconfirmedGoesToConfirmation: Story = {
  loaders: [withPool({ users: [{ username: 'una', password: PASSWORD, status: 'UNCONFIRMED', attributes: { email: 'una@example.com' } }] })],
  play: async ({ canvasElement, loaded }) => {
    const canvas = await fillAndSubmit(canvasElement, { Username: 'una', Password: PASSWORD }, 'Sign in');
    await canvas.findByText('Enter the 6-digit code we sent to u***@e***.', {}, { timeout: 5000 });
    await fillAndSubmit(canvasElement, { Code: pool(loaded).sim.lastCode('una')! }, 'Confirm');
    await signedIn(canvasElement);
  },
};

/** A user whose password must be reset: a code at once and the reset's code step, the username carried. */
export const ResetRequiredGoesToReset: Story = {
  loaders: [withPool({ users: [{ username: 'rita', password: PASSWORD, status: 'RESET_REQUIRED', attributes: { email: 'rita@example.com', email_verified: 'true' } }] })],
  play: async ({ canvasElement }) => {
    const canvas = await fillAndSubmit(canvasElement, { Username: 'rita', Password: PASSWORD }, 'Sign in');
    await canvas.findByText('You need to reset your password before you can sign in.', {}, { timeout: 5000 });
    await canvas.findByText('Enter the 6-digit code we sent to r***@e***, and your new password.', {}, { timeout: 5000 });
    await expect(canvas.getByLabelText('New password')).toBeInTheDocument();
  },
};

/** `preferredMfa`: the authenticator app is selected when the user is asked to choose (SELECT_MFA_TYPE). */
export const PreferredMfaPreselected: Story = {
  args: { preferredMfa: 'SOFTWARE_TOKEN_MFA' },
  loaders: [withPool({ users: [users.select] })],
  play: async ({ canvasElement }) => {
    const canvas = await fillAndSubmit(canvasElement, { Username: 'sol', Password: PASSWORD }, 'Sign in');
    const choice = await canvas.findByLabelText('A code from my authenticator app', {}, { timeout: 5000 });
    await expect(choice).toBeChecked();
    await expect(canvas.getByLabelText('A code by text message')).not.toBeChecked();
  },
};

/** `preferredChallenge` with USER_AUTH: the emailed code comes at once, without the choice. */
export const PreferredChallenge: Story = {
  args: { authFlow: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' },
  loaders: [withPool({ users: [{ username: 'erin', password: PASSWORD, attributes: { email: 'erin@example.com', email_verified: 'true' } }] })],
  play: async ({ canvasElement, loaded }) => {
    const canvas = await fillAndSubmit(canvasElement, { Username: 'erin' }, 'Sign in');
    await canvas.findByLabelText('Code', {}, { timeout: 5000 });
    await fillAndSubmit(canvasElement, { Code: pool(loaded).sim.lastCode('erin')! }, 'Verify');
    await signedIn(canvasElement);
  },
};

/** `preferredChallenge` the user does not have (no phone for SMS_OTP): Cognito offers the choice instead. */
export const PreferredChallengeFallsBack: Story = {
  args: { authFlow: 'USER_AUTH', preferredChallenge: 'SMS_OTP' },
  loaders: [withPool({ users: [{ username: 'erin', password: PASSWORD, attributes: { email: 'erin@example.com', email_verified: 'true' } }] })],
  play: async ({ canvasElement }) => {
    const canvas = await fillAndSubmit(canvasElement, { Username: 'erin' }, 'Sign in');
    await canvas.findByRole('group', { name: 'How do you want to sign in?' }, { timeout: 5000 });
    await userEvent.click(canvas.getByLabelText('With my password'));
    await expect(canvas.getByLabelText('Password')).toBeInTheDocument();
  },
};

/** An app client without ALLOW_USER_AUTH: a specific message instead of "Something went wrong". */
export const UserAuthNotAllowed: Story = {
  args: { authFlow: 'USER_AUTH' },
  loaders: [withPool({ users: [users.password], explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] })],
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, { Username: 'pat' }, 'Sign in');
    await expectAlert(canvasElement, "This app is not set up for this way of signing in. Contact the app's support.");
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { addPasskeyStep, rememberDeviceStep, SignIn, verifyContactStep } from '../src/index.js';
import { createVirtualAuthenticator } from '../src/testing/index.js';
import { fillAndSubmit } from './support/play';
import { PASSWORD, failWith, hang, withPool, withProvider, type PoolContext } from './support/pool';
import { themed } from './support/theme';

/**
 * The optional steps after a sign-in (`afterSignIn`), in the sign-in card, before `signedIn`: verify an
 * unverified email or phone number, "Remember this device?", "Add a passkey". Each story signs in through
 * the form (a session that was already there skips them), against a simulated user pool.
 */
const meta = {
  title: 'Account/After sign-in',
  component: SignIn,
  decorators: [withProvider],
  args: { signedIn: <p>Signed in</p> },
} satisfies Meta<typeof SignIn>;
export default meta;
type Story = StoryObj<typeof meta>;

const pool = (loaded: Record<string, unknown>) => loaded.pool as PoolContext;
const signIn = (canvasElement: HTMLElement, username: string) => fillAndSubmit(canvasElement, { Username: username, Password: PASSWORD }, 'Sign in');

const vera = { username: 'vera', password: PASSWORD, attributes: { email: 'vera@example.com', phone_number: '+15555550123' } };
const sam = { username: 'sam', password: PASSWORD, attributes: { email: 'sam@example.com', email_verified: 'true', phone_number: '+15555550100' }, mfa: { sms: true } };
const pia = { username: 'pia', password: PASSWORD, attributes: { email: 'pia@example.com', email_verified: 'true' } };

const verifyPool = withPool({ users: [vera] });
const devicePool = withPool({ users: [sam], deviceTracking: true, deviceRemembering: 'userOptIn' }, { config: { deviceTracking: 'userOptIn' } });
const passkeyPool = async () => {
  const authenticator = await createVirtualAuthenticator();
  return withPool({ users: [pia] }, { config: { webAuthnCreate: authenticator.create } })();
};

async function reachVerify(canvasElement: HTMLElement) {
  await signIn(canvasElement, 'vera');
  return within(canvasElement).findByRole('heading', { name: 'Verify your contact information' }, { timeout: 5000 });
}

/** Both contacts unverified: the user picks where the code goes, or skips. */
export const VerifyContactChoose: Story = {
  loaders: [verifyPool],
  args: { afterSignIn: [verifyContactStep()] },
  play: async ({ canvasElement }) => {
    await reachVerify(canvasElement);
    const group = within(canvasElement).getByRole('group', { name: 'Where should we send the code?' });
    await expect(within(group).getByLabelText(/Email/)).toBeChecked();
    await expect(within(canvasElement).queryByText('Signed in')).toBeNull();
  },
};
export const VerifyContactChooseDark: Story = { ...VerifyContactChoose, args: { ...VerifyContactChoose.args, theme: 'dark' }, decorators: [themed('dark', { card: false })] };
export const VerifyContactChooseLight: Story = { ...VerifyContactChoose, args: { ...VerifyContactChoose.args, theme: 'light' }, decorators: [themed('light', { card: false })] };

/** The code sent: confirm it (VerifyUserAttribute), send a new one, or skip. */
export const VerifyContactCode: Story = {
  loaders: [verifyPool],
  args: { afterSignIn: [verifyContactStep()] },
  play: async ({ canvasElement }) => {
    await reachVerify(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Send code' }));
    await within(canvasElement).findByLabelText('Code', {}, { timeout: 5000 });
    await expect(within(canvasElement).getByRole('button', { name: 'Skip' })).toBeInTheDocument();
  },
};
export const VerifyContactCodeThemed: Story = { ...VerifyContactCode, decorators: [themed('light', { card: false })] };

/** The right code: the user goes on to the app, the attribute verified. */
export const VerifyContactDone: Story = {
  loaders: [verifyPool],
  args: { afterSignIn: [verifyContactStep({ attributes: ['email'] })] },
  play: async ({ canvasElement, loaded }) => {
    await signIn(canvasElement, 'vera');
    await within(canvasElement).findByText('We will send a code to vera@example.com.', {}, { timeout: 5000 });
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Send code' }));
    await within(canvasElement).findByLabelText('Code', {}, { timeout: 5000 });
    await fillAndSubmit(canvasElement, { Code: pool(loaded).sim.lastCode('vera')! }, 'Verify');
    await waitFor(() => expect(within(canvasElement).getByText('Signed in')).toBeInTheDocument(), { timeout: 5000 });
    await expect(pool(loaded).sim.user('vera')?.attributes.email_verified).toBe('true');
  },
};

async function reachRemember(canvasElement: HTMLElement, loaded: Record<string, unknown>) {
  await signIn(canvasElement, 'sam');
  await within(canvasElement).findByLabelText('Code', {}, { timeout: 5000 });
  await fillAndSubmit(canvasElement, { Code: pool(loaded).sim.lastCode('sam')! }, 'Verify');
  return within(canvasElement).findByRole('heading', { name: 'Remember this device?' }, { timeout: 5000 });
}

/** After an MFA sign-in on a new device (the pool remembers devices on the user's opt-in). */
export const RememberDevice: Story = {
  loaders: [devicePool],
  args: { afterSignIn: [rememberDeviceStep()] },
  play: async ({ canvasElement, loaded }) => {
    await reachRemember(canvasElement, loaded);
    await expect(within(canvasElement).getByRole('button', { name: 'Remember this device' })).toBeInTheDocument();
    await expect(within(canvasElement).getByRole('button', { name: 'Do not remember' })).toBeInTheDocument();
  },
};
export const RememberDeviceDark: Story = { ...RememberDevice, args: { ...RememberDevice.args, theme: 'dark' }, decorators: [themed('dark', { card: false })] };
export const RememberDeviceLight: Story = { ...RememberDevice, args: { ...RememberDevice.args, theme: 'light' }, decorators: [themed('light', { card: false })] };

/** Yes, while UpdateDeviceStatus is in flight. */
export const RememberDevicePending: Story = {
  loaders: [devicePool],
  args: { afterSignIn: [rememberDeviceStep()] },
  play: async ({ canvasElement, loaded }) => {
    await reachRemember(canvasElement, loaded);
    await hang('UpdateDeviceStatus');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Remember this device' }));
    await waitFor(() => expect(within(canvasElement).getByRole('button', { name: 'Remember this device' })).toBeDisabled(), { timeout: 5000 });
  },
};

/** Yes: remembered at Cognito, and the app shows. */
export const RememberDeviceYes: Story = {
  loaders: [devicePool],
  args: { afterSignIn: [rememberDeviceStep()] },
  play: async ({ canvasElement, loaded }) => {
    await reachRemember(canvasElement, loaded);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Remember this device' }));
    await waitFor(() => expect(within(canvasElement).getByText('Signed in')).toBeInTheDocument(), { timeout: 5000 });
    await expect(pool(loaded).sim.user('sam')?.devices[0]?.remembered).toBe(true);
  },
};

async function reachPasskey(canvasElement: HTMLElement) {
  await signIn(canvasElement, 'pia');
  return within(canvasElement).findByRole('heading', { name: 'Sign in faster with a passkey' }, { timeout: 5000 });
}

/** A user without a passkey, in a browser with WebAuthn (Chromium): the offer, snoozable. */
export const AddPasskey: Story = {
  loaders: [passkeyPool],
  args: { afterSignIn: [addPasskeyStep({ snoozeDays: 0 })] },
  play: async ({ canvasElement }) => {
    await reachPasskey(canvasElement);
    await expect(within(canvasElement).getByRole('button', { name: 'Not now' })).toBeInTheDocument();
  },
};
export const AddPasskeyDark: Story = { ...AddPasskey, args: { ...AddPasskey.args, theme: 'dark' }, decorators: [themed('dark', { card: false })] };
export const AddPasskeyLight: Story = { ...AddPasskey, args: { ...AddPasskey.args, theme: 'light' }, decorators: [themed('light', { card: false })] };

/** The passkey registered (here by a software authenticator): the user continues to the app. */
export const AddPasskeyDone: Story = {
  loaders: [passkeyPool],
  args: { afterSignIn: [addPasskeyStep({ snoozeDays: 0 })] },
  play: async ({ canvasElement, loaded }) => {
    await reachPasskey(canvasElement);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Add a passkey' }));
    await within(canvasElement).findByText('Your passkey is added.', {}, { timeout: 5000 });
    await expect(pool(loaded).sim.user('pia')?.passkeyCount).toBe(1);
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(within(canvasElement).getByText('Signed in')).toBeInTheDocument(), { timeout: 5000 });
  },
};

/** Registration refused by Cognito (the pool has no relying party set up, say): the reason, and "Not now" still works. */
export const AddPasskeyError: Story = {
  loaders: [passkeyPool],
  args: { afterSignIn: [addPasskeyStep({ snoozeDays: 0 })] },
  play: async ({ canvasElement }) => {
    await reachPasskey(canvasElement);
    await failWith('StartWebAuthnRegistration', 'WebAuthnNotEnabledException');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Add a passkey' }));
    await waitFor(() => expect(within(canvasElement).getByRole('alert')).not.toBeEmptyDOMElement(), { timeout: 5000 });
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(within(canvasElement).getByText('Signed in')).toBeInTheDocument(), { timeout: 5000 });
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AccountSettings, ChangePasswordForm, DeleteAccount, DeviceList, MfaSettings, PasskeyList, UserAttributesForm } from '../src/index.js';
import { createVirtualAuthenticator, totpCode } from '../src/testing/index.js';
import { expectAlert, fillAndSubmit } from './support/play';
import { PASSWORD, withPool, withProvider, type PoolContext } from './support/pool';
import { themed } from './support/theme';

/** What a signed-in user manages themselves, against a simulated user pool (signed in before the story). */
const ada = {
  username: 'ada',
  password: PASSWORD,
  attributes: { email: 'ada@example.com', email_verified: 'true', name: 'Ada', phone_number: '+15555550123', phone_number_verified: 'false' },
};
const signedIn = withPool({ users: [ada], deviceTracking: true }, { reach: ({ auth }) => auth.signIn({ username: 'ada', password: PASSWORD }) });
const pool = (loaded: Record<string, unknown>) => loaded.pool as PoolContext;

const meta = {
  title: 'Account/AccountSettings',
  component: AccountSettings,
  decorators: [withProvider],
  loaders: [signedIn],
} satisfies Meta<typeof AccountSettings>;
export default meta;
type Story = StoryObj<typeof meta>;

export const AllSections: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByLabelText('Email')).toHaveValue('ada@example.com'), { timeout: 5000 });
    await canvas.findByText('You have no passkeys yet.', {}, { timeout: 5000 });
  },
};

export const Themed: Story = { decorators: [themed('light', { card: false })] };
export const ThemedDark: Story = { decorators: [themed('dark', { card: false })] };

export const ProfileVerifyPhone: StoryObj = {
  render: () => <UserAttributesForm attributes={['email', 'name', 'phone_number']} />,
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Verify phone number' }, { timeout: 5000 }));
    await canvas.findByLabelText('Code', {}, { timeout: 5000 });
    await fillAndSubmit(canvasElement, { Code: pool(loaded).sim.lastCode('ada')! }, 'Verify');
    await waitFor(() => expect(canvasElement.querySelector('[data-attribute="phone_number"] [data-verified]')).toHaveAttribute('data-verified', 'true'), { timeout: 5000 });
  },
};

export const ProfileInvalidPhone: StoryObj = {
  render: () => <UserAttributesForm attributes={['email', 'phone_number']} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The dial-code picker, once its chunk is in: the user's number shows as its country and national number.
    await canvas.findByRole('combobox', { name: 'Country or region' }, { timeout: 5000 });
    const phone = canvas.getByLabelText('Phone number');
    await userEvent.clear(phone);
    await userEvent.type(phone, '555 0100');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    // Too short for the country: refused before anything is sent, as at sign-up.
    await expect(canvas.getByText('That is not a valid phone number. Check the country and the number.')).toBeInTheDocument();
    await expect(phone).toHaveFocus();
  },
};

export const ChangePasswordWrongCurrent: StoryObj = {
  render: () => <ChangePasswordForm />,
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, { 'Current password': 'not-it', 'New password': 'N3w!Passw0rd', 'Confirm new password': 'N3w!Passw0rd' }, 'Change password');
    await expectAlert(canvasElement, 'Your current password is not right.');
  },
};

export const TotpSetup: StoryObj = {
  render: () => <MfaSettings />,
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Set up an authenticator app' }, { timeout: 5000 }));
    await canvas.findByRole('img', { name: /QR code/ }, { timeout: 5000 });
    const secret = canvasElement.querySelector('[data-secret]')!.textContent!.replace(/\s/g, '');
    await fillAndSubmit(canvasElement, { Code: await totpCode(secret, pool(loaded).sim.now()) }, 'Turn on');
    await canvas.findByText('Your authenticator app is set up.', {}, { timeout: 5000 });
  },
};

export const RememberedDevices: StoryObj = {
  loaders: [
    withPool(
      { users: [ada], deviceTracking: true },
      {
        // The store confirms this browser as a device at sign-in; the simulated pool remembers it at once.
        config: { deviceTracking: 'always' },
        reach: async ({ auth }) => {
          await auth.signIn({ username: 'ada', password: PASSWORD });
          await waitFor(() => expect(auth.getSnapshot().device).not.toBeNull(), { timeout: 5000 });
        },
      },
    ),
  ],
  render: () => <DeviceList />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const forget = await canvas.findByRole('button', { name: /Forget/ }, { timeout: 5000 });
    await userEvent.click(forget);
    await canvas.findByText('No devices are remembered.', {}, { timeout: 5000 });
  },
};

export const AddPasskey: StoryObj = {
  loaders: [
    async () => {
      const passkey = await createVirtualAuthenticator();
      return withPool({ users: [ada] }, { config: { webAuthnCreate: passkey.create }, reach: ({ auth }) => auth.signIn({ username: 'ada', password: PASSWORD }) })();
    },
  ],
  render: () => <PasskeyList />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('You have no passkeys yet.', {}, { timeout: 5000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Add a passkey' }));
    await canvas.findByText('Your passkey is added.', {}, { timeout: 5000 });
    await canvas.findByRole('button', { name: 'Delete Passkey' }, { timeout: 5000 });
  },
};

export const DeleteNeedsConfirmation: StoryObj = {
  render: () => <DeleteAccount />,
  play: async ({ canvasElement }) => {
    const canvas = await fillAndSubmit(canvasElement, { Confirmation: 'delete' }, 'Delete my account');
    await expect(canvas.getByText('Type DELETE to confirm.')).toBeInTheDocument();
  },
};

export const MfaRenderProp: StoryObj = {
  render: () => (
    <MfaSettings>
      {(s) => (
        <ul aria-label="Second factors">
          {s.methods.map((m) => (
            <li key={m.method}>
              {m.label} {m.enabled ? '✔' : '✘'}
            </li>
          ))}
        </ul>
      )}
    </MfaSettings>
  ),
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('list', { name: 'Second factors' });
  },
};

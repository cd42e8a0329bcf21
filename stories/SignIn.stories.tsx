import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SignIn } from '../src/index.js';
import { totpCode } from '../src/testing/index.js';
import { PASSWORD, TOTP_SECRET, users, withPool, withProvider, type PoolContext } from './support/pool';

/**
 * `<SignIn>` against a simulated user pool (in the browser, through an MSW service worker, behind the real
 * AWS SDK): one story per kind of user, each played to the end by a user typing.
 */
const meta = {
  title: 'Simulated user pool/SignIn flows',
  component: SignIn,
  decorators: [withProvider],
  args: { signedIn: <p>Signed in</p> },
} satisfies Meta<typeof SignIn>;
export default meta;
type Story = StoryObj<typeof meta>;

async function typeCredentials(canvasElement: HTMLElement, username: string, password = PASSWORD) {
  const canvas = within(canvasElement);
  await userEvent.type(canvas.getByLabelText('Username'), username);
  await userEvent.type(canvas.getByLabelText('Password'), password);
  await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
  return canvas;
}

async function signedIn(canvasElement: HTMLElement) {
  await waitFor(() => expect(within(canvasElement).getByText('Signed in')).toBeInTheDocument(), { timeout: 5000 });
}

const pool = (loaded: Record<string, unknown>) => loaded.pool as PoolContext;

export const PasswordOnly: Story = {
  loaders: [withPool({ users: [users.password] })],
  play: async ({ canvasElement }) => {
    await typeCredentials(canvasElement, 'pat');
    await signedIn(canvasElement);
  },
};

export const SmsMfa: Story = {
  loaders: [withPool({ users: [users.sms] })],
  play: async ({ canvasElement, loaded }) => {
    const canvas = await typeCredentials(canvasElement, 'sam');
    await userEvent.type(await canvas.findByLabelText('Code'), pool(loaded).sim.lastCode('sam')!);
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }));
    await signedIn(canvasElement);
  },
};

export const Totp: Story = {
  loaders: [withPool({ users: [users.totp] })],
  play: async ({ canvasElement, loaded }) => {
    const canvas = await typeCredentials(canvasElement, 'tia');
    await userEvent.type(await canvas.findByLabelText('Code'), await totpCode(TOTP_SECRET, pool(loaded).sim.now()));
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }));
    await signedIn(canvasElement);
  },
};

export const EmailOtp: Story = {
  loaders: [withPool({ users: [users.email] })],
  play: async ({ canvasElement, loaded }) => {
    const canvas = await typeCredentials(canvasElement, 'eve');
    await userEvent.type(await canvas.findByLabelText('Code'), pool(loaded).sim.lastCode('eve')!);
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }));
    await signedIn(canvasElement);
  },
};

export const SelectMfa: Story = {
  loaders: [withPool({ users: [users.select] })],
  play: async ({ canvasElement, loaded }) => {
    const canvas = await typeCredentials(canvasElement, 'sol');
    await userEvent.click(await canvas.findByLabelText('A code by text message'));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await userEvent.type(await canvas.findByLabelText('Code'), pool(loaded).sim.lastCode('sol')!);
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }));
    await signedIn(canvasElement);
  },
};

export const ForcedNewPassword: Story = {
  loaders: [withPool({ users: [users.newPassword], requiredAttributes: ['name'], mfaConfiguration: 'OFF' })],
  play: async ({ canvasElement }) => {
    const canvas = await typeCredentials(canvasElement, 'nia', 'Temp0rary!pass');
    await userEvent.type(await canvas.findByLabelText('Name'), 'Nia');
    await userEvent.type(canvas.getByLabelText('New password'), 'N3w-passw0rd!');
    await userEvent.type(canvas.getByLabelText('Confirm new password'), 'N3w-passw0rd!');
    await expect(canvas.getByText('The passwords match.')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Set password' }));
    await signedIn(canvasElement);
  },
};

export const MfaSetup: Story = {
  loaders: [withPool({ users: [users.password], mfaConfiguration: 'ON' })],
  play: async ({ canvasElement, loaded }) => {
    const canvas = await typeCredentials(canvasElement, 'pat');
    await canvas.findByRole('img', { name: /QR code/ });
    const secret = pool(loaded).sim.totpSecret('pat')!;
    await userEvent.type(canvas.getByLabelText('Code'), await totpCode(secret, pool(loaded).sim.now()));
    await userEvent.click(canvas.getByRole('button', { name: 'Turn on' }));
    await signedIn(canvasElement);
  },
};

export const PasswordlessEmail: Story = {
  loaders: [withPool({ users: [users.password] }, { config: { authFlow: 'USER_AUTH' } })],
  args: { authFlow: 'USER_AUTH' },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Username'), 'pat');
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await userEvent.click(await canvas.findByLabelText('With a code by email'));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await userEvent.type(await canvas.findByLabelText('Code'), pool(loaded).sim.lastCode('pat')!);
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }));
    await signedIn(canvasElement);
  },
};

export const CustomChallenge: Story = {
  loaders: [withPool({ users: [users.custom] }, { config: { authFlow: 'CUSTOM_WITH_SRP' } })],
  args: {
    render: {
      CUSTOM_CHALLENGE: (form) => (
        <form {...form.formProps}>
          <label htmlFor={form.fields.answer.inputProps.id}>{form.step?.parameters.question ?? form.fields.answer.label}</label>
          <input {...form.fields.answer.inputProps} />
          <button disabled={form.pending}>{form.submitLabel}</button>
        </form>
      ),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = await typeCredentials(canvasElement, 'cal');
    await userEvent.type(await canvas.findByLabelText('What is 3 + 4?'), '7');
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await signedIn(canvasElement);
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { EmailOtpForm, SmsOtpForm, SoftwareTokenMfaForm } from '../src/index.js';
import { expectAlert, fillAndSubmit } from './support/play';
import { reachChallenge, users, withPool, withProvider, type PoolContext } from './support/pool';

/** The authenticator-app, email and passwordless text-message code forms. */
const meta = {
  title: 'Forms/Other code forms',
  decorators: [withProvider],
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

export const SoftwareTokenMfa: Story = {
  render: () => <SoftwareTokenMfaForm />,
  loaders: [withPool({ users: [users.totp] }, { reach: reachChallenge('tia') })],
};

export const SoftwareTokenMfaWrongCode: Story = {
  render: () => <SoftwareTokenMfaForm />,
  loaders: [withPool({ users: [users.totp] }, { reach: reachChallenge('tia') })],
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, { Code: '000000' }, 'Verify');
    await expectAlert(canvasElement, 'That code is not right. Check it and try again.');
  },
};

export const EmailOtp: Story = {
  render: () => <EmailOtpForm />,
  loaders: [withPool({ users: [users.email] }, { reach: reachChallenge('eve') })],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Enter the code we sent to e***@e***.')).toBeInTheDocument();
  },
};

export const EmailOtpWrongCode: Story = {
  render: () => <EmailOtpForm />,
  loaders: [withPool({ users: [users.email] }, { reach: reachChallenge('eve') })],
  play: async ({ canvasElement, loaded }) => {
    const code = (loaded.pool as PoolContext).sim.lastCode('eve') === '111111' ? '222222' : '111111';
    await fillAndSubmit(canvasElement, { Code: code }, 'Verify');
    await expectAlert(canvasElement, 'That code is not right. Check it and try again.');
  },
};

export const SmsOtpPasswordless: Story = {
  render: () => <SmsOtpForm />,
  loaders: [
    withPool(
      { users: [users.sms] },
      { config: { authFlow: 'USER_AUTH' }, reach: ({ auth }) => auth.signIn({ username: 'sam', preferredChallenge: 'SMS_OTP' }) },
    ),
  ],
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, { Code: '1234567' }, 'Verify');
    await expect(within(canvasElement).getByText('The code is 6 or 8 digits.')).toBeInTheDocument();
  },
};

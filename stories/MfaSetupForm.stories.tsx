import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { MfaSetupForm } from '../src/index.js';
import { expectAlert, fillAndSubmit } from './support/play';
import { reachChallenge, users, withPool, withProvider } from './support/pool';
import { themed } from './support/theme';

/** MFA_SETUP: an authenticator app (QR code made in the browser), an email address, or the choice. */
const meta = {
  title: 'Forms/MfaSetupForm',
  component: MfaSetupForm,
  decorators: [withProvider],
  loaders: [withPool({ users: [users.password], mfaConfiguration: 'ON' }, { reach: reachChallenge('pat') })],
} satisfies Meta<typeof MfaSetupForm>;
export default meta;
type Story = StoryObj<typeof meta>;

export const TotpOnly: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('img', { name: /QR code/ })).toBeInTheDocument();
  },
};

export const TotpThemed: Story = { decorators: [themed('light')] };

export const TotpWrongCode: Story = {
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('img', { name: /QR code/ });
    await fillAndSubmit(canvasElement, { Code: '000000' }, 'Turn on');
    await expectAlert(canvasElement, 'That code is not right. Enter the code your app shows now.');
  },
};

export const EmailOnly: Story = {
  loaders: [withPool({ users: [{ username: 'pat', password: 'Passw0rd!long' }], mfaConfiguration: 'ON', mfaSetupMethods: ['EMAIL_OTP'] }, { reach: reachChallenge('pat') })],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText('Email address')).toHaveAttribute('type', 'email');
  },
};

export const Both: Story = {
  loaders: [
    withPool(
      { users: [{ username: 'pat', password: 'Passw0rd!long' }], mfaConfiguration: 'ON', mfaSetupMethods: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] },
      { reach: reachChallenge('pat') },
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByLabelText('An authenticator app'));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await expect(await canvas.findByRole('img', { name: /QR code/ })).toBeInTheDocument();
  },
};

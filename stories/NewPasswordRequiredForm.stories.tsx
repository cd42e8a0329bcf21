import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { NewPasswordRequiredForm } from '../src/index.js';
import { expectAlert, fillAndSubmit } from './support/play';
import { reachChallenge, users, withPool, withProvider } from './support/pool';
import { themed } from './support/theme';

/** NEW_PASSWORD_REQUIRED: the new password twice, and the attributes the pool requires. */
const meta = {
  title: 'Forms/NewPasswordRequiredForm',
  component: NewPasswordRequiredForm,
  decorators: [withProvider],
  loaders: [withPool({ users: [users.newPassword], mfaConfiguration: 'OFF' }, { reach: reachChallenge('nia', 'Temp0rary!pass') })],
} satisfies Meta<typeof NewPasswordRequiredForm>;
export default meta;
type Story = StoryObj<typeof meta>;

const withAttributes = withPool(
  { users: [users.newPassword], requiredAttributes: ['email', 'phone_number', 'birthdate', 'name'], mfaConfiguration: 'OFF' },
  { reach: reachChallenge('nia', 'Temp0rary!pass') },
);

export const WithoutAttributes: Story = {};

export const WithAttributes: Story = {
  loaders: [withAttributes],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('Phone number')).toHaveAttribute('type', 'tel');
    await expect(canvas.getByLabelText('Date of birth')).toHaveAttribute('type', 'date');
    await expect(canvas.queryByLabelText('Email')).toBeNull();
  },
};

export const ThemedWithAttributes: Story = { loaders: [withAttributes], decorators: [themed('light')] };

export const PasswordsDoNotMatch: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('New password'), 'N3w-passw0rd!');
    await userEvent.type(canvas.getByLabelText('Confirm new password'), 'N3w-passw0rd?');
    await userEvent.click(canvas.getByRole('button', { name: 'Set password' }));
    await expect(canvas.getAllByText('The passwords do not match.').length).toBeGreaterThan(0);
    await expect(canvas.getByLabelText('Confirm new password')).toHaveFocus();
  },
};

export const PasswordRefused: Story = {
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, { 'New password': 'short', 'Confirm new password': 'short' }, 'Set password');
    await expectAlert(canvasElement, 'That password does not meet the requirements. Choose another.');
  },
};

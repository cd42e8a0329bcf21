import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { SignInForm } from '../src/index.js';
import { expectAlert, expectPending, fillAndSubmit } from './support/play';
import { PASSWORD, goOffline, hang, users, withPool, withProvider } from './support/pool';
import { themed } from './support/theme';

/** The first step: username and password (username only with USER_AUTH). */
const meta = {
  title: 'Forms/SignInForm',
  component: SignInForm,
  decorators: [withProvider],
  loaders: [withPool({ users: [users.sms] })],
} satisfies Meta<typeof SignInForm>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {};

export const Themed: Story = { decorators: [themed('light')] };

export const ThemedDark: Story = { decorators: [themed('dark')] };

export const UsernameOnly: Story = { args: { authFlow: 'USER_AUTH' } };

export const EmptyFields: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await expect(canvas.getByText('Enter your username.')).toBeInTheDocument();
    await expect(canvas.getByText('Enter your password.')).toBeInTheDocument();
    await expect(canvas.getByLabelText('Username')).toHaveFocus();
  },
};

export const WrongPassword: Story = {
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, { Username: 'sam', Password: 'Wrong-passw0rd!' }, 'Sign in');
    await expectAlert(canvasElement, 'Incorrect username or password.');
    await expect(within(canvasElement).getByLabelText('Username')).toHaveValue('sam');
    await expect(within(canvasElement).getByLabelText('Password')).toHaveValue('');
  },
};

export const NetworkDown: Story = {
  play: async ({ canvasElement }) => {
    await goOffline();
    await fillAndSubmit(canvasElement, { Username: 'sam', Password: PASSWORD }, 'Sign in');
    await expectAlert(canvasElement, 'We could not reach the server. Check your connection and try again.');
  },
};

export const Pending: Story = {
  play: async ({ canvasElement }) => {
    await hang('InitiateAuth');
    await fillAndSubmit(canvasElement, { Username: 'sam', Password: PASSWORD }, 'Sign in');
    await expectPending(canvasElement);
  },
};

export const RenderProp: Story = {
  args: {
    children: (form) => (
      <form {...form.formProps} aria-label="Custom sign-in">
        <input aria-label="Email or username" {...form.fields.username.inputProps} />
        {form.fields.password && <input aria-label="Secret" {...form.fields.password.inputProps} />}
        <button disabled={form.pending}>Go</button>
        <p role="alert">{form.error}</p>
      </form>
    ),
  },
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, { 'Email or username': 'sam', Secret: 'Wrong-passw0rd!' }, 'Go');
    await expectAlert(canvasElement, 'Incorrect username or password.');
  },
};

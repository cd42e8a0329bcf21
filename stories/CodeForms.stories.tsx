import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { SmsMfaForm } from '../src/index.js';
import { expectAlert, expectPending, fillAndSubmit } from './support/play';
import { failWith, goOffline, hang, reachChallenge, users, withPool, withProvider, type PoolContext } from './support/pool';
import { themed } from './support/theme';

/** SMS_MFA: the code sent by text message. The other code forms share its behaviour (see their stories). */
const meta = {
  title: 'Forms/SmsMfaForm',
  component: SmsMfaForm,
  decorators: [withProvider],
  loaders: [withPool({ users: [users.sms] }, { reach: reachChallenge('sam') })],
} satisfies Meta<typeof SmsMfaForm>;
export default meta;
type Story = StoryObj<typeof meta>;

const wrong = (loaded: Record<string, unknown>) => ((loaded.pool as PoolContext).sim.lastCode('sam') === '111111' ? '222222' : '111111');

export const Idle: Story = {};

export const Themed: Story = { decorators: [themed('light')] };

export const InvalidFormat: Story = {
  play: async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, { Code: '12a' }, 'Verify');
    await expect(within(canvasElement).getByText('The code is 6 digits.')).toBeInTheDocument();
  },
};

export const WrongCode: Story = {
  play: async ({ canvasElement, loaded }) => {
    await fillAndSubmit(canvasElement, { Code: wrong(loaded) }, 'Verify');
    await expectAlert(canvasElement, 'That code is not right. Check it and try again.');
    await expect(within(canvasElement).getByLabelText('Code')).toHaveValue('');
  },
};

export const ExpiredCode: Story = {
  play: async ({ canvasElement }) => {
    await failWith('RespondToAuthChallenge', 'ExpiredCodeException', 'Invalid code provided, please request a code again.');
    await fillAndSubmit(canvasElement, { Code: '123456' }, 'Verify');
    await expectAlert(canvasElement, 'That code has expired. Sign in again to get a new one.');
  },
};

export const TooManyAttempts: Story = {
  play: async ({ canvasElement }) => {
    await failWith('RespondToAuthChallenge', 'TooManyRequestsException', 'Rate exceeded');
    await fillAndSubmit(canvasElement, { Code: '123456' }, 'Verify');
    await expectAlert(canvasElement, 'Too many attempts. Wait a moment, then try again.');
  },
};

export const NetworkDown: Story = {
  play: async ({ canvasElement }) => {
    await goOffline();
    await fillAndSubmit(canvasElement, { Code: '123456' }, 'Verify');
    await expectAlert(canvasElement, 'We could not reach the server. Check your connection and try again.');
  },
};

export const Pending: Story = {
  play: async ({ canvasElement }) => {
    await hang('RespondToAuthChallenge');
    await fillAndSubmit(canvasElement, { Code: '123456' }, 'Verify');
    await expectPending(canvasElement);
  },
};

export const RenderProp: Story = {
  args: {
    children: (form) => (
      <form {...form.formProps} aria-label="Custom code form">
        <p>We texted {form.step?.codeDelivery.destination}</p>
        <input aria-label="Six digits" {...form.fields.code.inputProps} />
        <button disabled={form.pending}>Check</button>
        <p role="alert">{form.error}</p>
      </form>
    ),
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('We texted +*******0100')).toBeInTheDocument();
  },
};

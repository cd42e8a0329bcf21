import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AccountSettings, Authentication, SignIn } from '../src/index.js';
import { hang, PASSWORD, reachChallenge, users, withPool, withProvider } from './support/pool';
import { themed } from './support/theme';

/**
 * The theme's parts and the customisation between "labels" and "replace the whole step": `theme`, header and
 * footer slots (`components`), the show-password toggle, placeholders, skeletons. Against a simulated pool.
 */
const meta = {
  title: 'Theme/Design',
  component: Authentication,
  decorators: [withProvider],
  loaders: [withPool({ users: [users.password, users.sms] })],
  args: { signedIn: <p>Signed in</p> },
} satisfies Meta<typeof Authentication>;
export default meta;
type Story = StoryObj<typeof meta>;

const Logo = () => <p style={{ margin: 0, fontWeight: 700, fontSize: 20, color: 'var(--cr-fg)' }}>◆ Acme</p>;
const Help = () => (
  <p style={{ margin: 0 }}>
    Need help? <a href="#help">Contact support</a>
  </p>
);

/** `theme="dark"` on the component: every root it renders is dark, whatever the system prefers. */
export const ThemeDark: Story = {
  args: { theme: 'dark' },
  decorators: [themed('dark', { card: false })],
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.cognito-react')).toHaveAttribute('data-theme', 'dark');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Create an account' }));
    await expect(canvasElement.querySelector('.cognito-react')).toHaveAttribute('data-theme', 'dark');
  },
};

/** `theme="light"`: stays light under a dark system setting. */
export const ThemeLight: Story = {
  args: { theme: 'light' },
  decorators: [themed('light', { card: false })],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(getComputedStyle(canvasElement.querySelector('.cognito-react') as Element).backgroundColor).toBe('rgb(255, 255, 255)'));
  },
};

/** A header and a footer on every view and step, inside the card. */
export const SlotsOnEveryView: Story = {
  args: { components: { Header: Logo, Footer: Help } },
  decorators: [themed('light', { card: false })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = () => canvasElement.querySelector('.cognito-react') as HTMLElement;
    await expect(within(card()).getByText('◆ Acme')).toBeInTheDocument();
    await expect(within(card()).getByRole('link', { name: 'Contact support' })).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Create an account' }));
    await expect(within(card()).getByText('◆ Acme')).toBeInTheDocument();
  },
};

/** A footer on one view only: the terms under the sign-up form. */
export const SlotOnOneView: Story = {
  args: {
    initialView: 'signUp',
    components: {
      signUp: {
        Footer: () => (
          <p style={{ margin: 0 }}>
            By creating an account you accept the <a href="#terms">terms</a>.
          </p>
        ),
      },
    },
  },
  decorators: [themed('light', { card: false })],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('link', { name: 'terms' })).toBeInTheDocument();
  },
};

/** A footer on one sign-in step: help under the SMS code form, not under the others. */
export const SlotOnOneStep: StoryObj = {
  loaders: [withPool({ users: [users.sms] }, { reach: reachChallenge('sam') })],
  decorators: [themed('light', { card: false })],
  render: () => <SignIn theme="light" components={{ SMS_MFA: { Footer: () => <a href="#no-code">Did not get a code?</a> } }} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByLabelText('Code', { exact: true }, { timeout: 5000 });
    await expect(canvas.getByRole('link', { name: 'Did not get a code?' })).toBeInTheDocument();
  },
};

/** The eye toggle: pressed shows the password as text, the caret stays, nothing is sent. */
export const ShowPassword: Story = {
  decorators: [themed('light', { card: false })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const password = canvas.getByLabelText('Password', { exact: true }) as HTMLInputElement;
    await userEvent.type(password, PASSWORD);
    const toggle = canvas.getByRole('button', { name: 'Show password' });
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(password).toHaveAttribute('type', 'text');
    await expect(password).toHaveValue(PASSWORD);
  },
};

/** Placeholders from the message table (none by default). */
export const Placeholders: Story = {
  args: { messages: { 'placeholder.username': 'you@example.com', 'placeholder.password': 'Your password' } },
  decorators: [themed('light', { card: false })],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText('Username')).toHaveAttribute('placeholder', 'you@example.com');
  },
};

/** The pending state: the primary button keeps its colour and shows a spinner. */
export const Pending: Story = {
  decorators: [themed('light', { card: false })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await hang('InitiateAuth');
    await userEvent.type(canvas.getByLabelText('Username'), 'pat');
    await userEvent.type(canvas.getByLabelText('Password', { exact: true }), PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(canvasElement.querySelector('form')).toHaveAttribute('data-pending'));
  },
};

/** Account settings while loading: skeleton bars of the right shape, the words kept for screen readers. */
export const AccountSettingsLoading: StoryObj = {
  loaders: [
    withPool(
      { users: [users.password] },
      {
        reach: async ({ auth }) => {
          await auth.signIn({ username: 'pat', password: PASSWORD });
          for (const operation of ['GetUser', 'ListDevices', 'ListWebAuthnCredentials']) await hang(operation);
        },
      },
    ),
  ],
  decorators: [themed('light', { card: false })],
  render: () => <AccountSettings theme="light" />,
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('[data-skeleton]').length).toBeGreaterThan(1));
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Authentication, SignIn, SignUp, UserAttributesForm, type FieldConfig } from '../src/index.js';
import { PASSWORD, reachChallenge, users, withPool, withProvider, type PoolContext } from './support/pool';
import { themed } from './support/theme';

/**
 * Fields: the declarative field list of sign-up and NEW_PASSWORD_REQUIRED (order, optional fields, the
 * app's own validator, a terms box that holds submit), the dial-code picker that assembles E.164, username
 * kinds, passwordless sign-up, and the labels of every standard attribute. Against a simulated user pool.
 */
const meta = {
  title: 'Account/Fields',
  component: SignUp,
  decorators: [withProvider],
  loaders: [withPool({ users: [] })],
} satisfies Meta<typeof SignUp>;
export default meta;
type Story = StoryObj<typeof meta>;

const pool = (loaded: Record<string, unknown>) => loaded.pool as PoolContext;

const list: FieldConfig[] = [
  'given_name',
  { name: 'family_name', required: false },
  'username',
  'email',
  { name: 'phone_number', required: false, defaultCountry: 'DE' },
  { name: 'website', required: false, placeholder: 'https://' },
  { name: 'custom:team', label: 'Team', validate: (v) => (/^[a-z]+$/.test(v) ? null : 'Use lower-case letters only.') },
  'password',
  { name: 'terms', type: 'checkbox', label: 'I accept the terms and conditions' },
];

async function countriesLoaded(canvasElement: HTMLElement) {
  const select = await within(canvasElement).findByRole('combobox', { name: 'Country or region' }, { timeout: 5000 });
  await waitFor(() => expect(within(select).getAllByRole('option').length).toBeGreaterThan(200), { timeout: 5000 });
  return select as HTMLSelectElement;
}

/** The app's list, in its order: the terms box keeps "Create account" disabled until checked. */
export const FieldList: Story = {
  args: { fields: list },
  decorators: [themed('light')],
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const submit = canvas.getByRole('button', { name: 'Create account' });
    await expect(submit).toBeDisabled();
    await countriesLoaded(canvasElement);
    await userEvent.type(canvas.getByLabelText('First name'), 'Nia');
    await userEvent.type(canvas.getByLabelText('Username'), 'nia');
    await userEvent.type(canvas.getByLabelText('Email'), 'nia@example.com');
    await userEvent.type(canvas.getByLabelText('Team'), 'Falcons');
    await userEvent.type(canvas.getByLabelText('Password'), PASSWORD);
    await userEvent.type(canvas.getByLabelText('Confirm password'), PASSWORD);
    await userEvent.click(canvas.getByRole('checkbox', { name: 'I accept the terms and conditions' }));
    await expect(submit).toBeEnabled();
    await userEvent.click(submit);
    await expect(canvas.getByText('Use lower-case letters only.')).toBeInTheDocument();
    await userEvent.clear(canvas.getByLabelText('Team'));
    await userEvent.type(canvas.getByLabelText('Team'), 'falcons');
    await userEvent.click(submit);
    await canvas.findByText('Enter the 6-digit code we sent to n***@e***.', {}, { timeout: 5000 });
    await expect(pool(loaded).sim.user('nia')?.attributes).toMatchObject({ given_name: 'Nia', 'custom:team': 'falcons' });
  },
};

export const FieldListDark: Story = { args: { fields: list }, decorators: [themed('dark')] };

/** A country select beside the national number: the form sends E.164 (+4915112345678). */
export const DialCodePicker: Story = {
  args: { fields: ['email', { name: 'phone_number', defaultCountry: 'DE' }] },
  decorators: [themed('light')],
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const select = await countriesLoaded(canvasElement);
    await expect(select).toHaveValue('DE');
    await userEvent.type(canvas.getByLabelText('Username'), 'nia');
    await userEvent.type(canvas.getByLabelText('Email'), 'nia@example.com');
    await userEvent.type(canvas.getByLabelText('Phone number'), '01511 2345678');
    await userEvent.type(canvas.getByLabelText('Password'), PASSWORD);
    await userEvent.type(canvas.getByLabelText('Confirm password'), PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    await canvas.findByText('Enter the 6-digit code we sent to n***@e***.', {}, { timeout: 5000 });
    await expect(pool(loaded).sim.user('nia')?.attributes.phone_number).toBe('+4915112345678');
  },
};

/** A number too short for its country: a specific message, tied to the input; nothing is sent. */
export const DialCodePickerInvalid: Story = {
  args: { fields: [{ name: 'phone_number', defaultCountry: 'GB' }] },
  decorators: [themed('dark')],
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await countriesLoaded(canvasElement);
    await userEvent.type(canvas.getByLabelText('Username'), 'nia');
    await userEvent.type(canvas.getByLabelText('Phone number'), '07911');
    await userEvent.type(canvas.getByLabelText('Password'), PASSWORD);
    await userEvent.type(canvas.getByLabelText('Confirm password'), PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    const error = canvas.getByText('That is not a valid phone number. Check the country and the number.');
    await expect(canvas.getByLabelText('Phone number')).toHaveAttribute('aria-describedby', expect.stringContaining(error.id));
    await expect(pool(loaded).sim.requests).toHaveLength(0);
  },
};

/** `usernameKind: 'email'`: an email input and label; the address is lower-cased before it is sent. */
export const EmailUsername: Story = {
  loaders: [withPool({ users: [{ ...users.password, username: 'pat@example.com' }] }, { config: { usernameKind: 'email' } })],
  render: () => <SignIn signedIn={<p>Signed in</p>} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const email = canvas.getByLabelText('Email');
    await expect(email).toHaveAttribute('type', 'email');
    await userEvent.type(email, 'Pat@Example.com');
    await userEvent.type(canvas.getByLabelText('Password'), PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(canvas.getByText('Signed in')).toBeInTheDocument(), { timeout: 5000 });
  },
};

/** `usernameKind: 'phone_number'`: the dial-code picker on the sign-in form. */
export const PhoneUsername: Story = {
  loaders: [
    withPool({ users: [{ username: '+4915112345678', password: PASSWORD, attributes: { phone_number: '+4915112345678' } }], mfaConfiguration: 'OFF' }, { config: { usernameKind: 'phone_number' } }),
  ],
  render: () => <SignIn signedIn={<p>Signed in</p>} />,
  decorators: [themed('light', { card: false })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const select = await countriesLoaded(canvasElement);
    await userEvent.selectOptions(select, 'DE');
    await userEvent.type(canvas.getByLabelText('Phone number'), '015112345678');
    await userEvent.type(canvas.getByLabelText('Password'), PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(canvas.getByText('Signed in')).toBeInTheDocument(), { timeout: 5000 });
  },
};

/** Passwordless sign-up (USER_AUTH): no password; the confirmation signs the user in. */
export const PasswordlessSignUp: Story = {
  loaders: [withPool({ users: [], allowedFirstAuthFactors: ['EMAIL_OTP'] }, { config: { authFlow: 'USER_AUTH' } })],
  render: () => <Authentication initialView="signUp" passwordlessSignUp signedIn={<p>Signed in</p>} />,
  decorators: [themed('light', { card: false })],
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByLabelText('Password')).toBeNull();
    // The view's code may still be on its way (it loads when reached).
    await userEvent.type(await canvas.findByLabelText('Username'), 'pia');
    await userEvent.type(canvas.getByLabelText('Email'), 'pia@example.com');
    await userEvent.click(canvas.getByRole('button', { name: 'Create account' }));
    await userEvent.type(await canvas.findByLabelText('Code', {}, { timeout: 5000 }), pool(loaded).sim.lastCode('pia')!);
    await userEvent.click(canvas.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(canvas.getByText('Signed in')).toBeInTheDocument(), { timeout: 5000 });
  },
};

/** NEW_PASSWORD_REQUIRED: the required attributes with their labels and inputs, the app's terms box. */
export const NewPasswordWithFields: Story = {
  loaders: [
    withPool({ users: [users.newPassword], requiredAttributes: ['middle_name', 'website', 'phone_number'], mfaConfiguration: 'OFF' }, { reach: reachChallenge('nia', 'Temp0rary!pass') }),
  ],
  render: () => <SignIn signedIn={<p>Signed in</p>} fields={[{ name: 'phone_number', defaultCountry: 'GB' }, { name: 'terms', type: 'checkbox', label: 'I accept the terms' }]} />,
  decorators: [themed('light', { card: false })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await countriesLoaded(canvasElement);
    await expect(canvas.getByLabelText('Website')).toHaveAttribute('type', 'url');
    await userEvent.type(canvas.getByLabelText('Phone number'), '07911 123456');
    await userEvent.type(canvas.getByLabelText('Middle name'), 'Q');
    await userEvent.type(canvas.getByLabelText('Website'), 'https://nia.example');
    await userEvent.type(canvas.getByLabelText('New password'), 'N3w-passw0rd!');
    await userEvent.type(canvas.getByLabelText('Confirm new password'), 'N3w-passw0rd!');
    await expect(canvas.getByRole('button', { name: 'Set password' })).toBeDisabled();
    await userEvent.click(canvas.getByRole('checkbox', { name: 'I accept the terms' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Set password' }));
    await waitFor(() => expect(canvas.getByText('Signed in')).toBeInTheDocument(), { timeout: 5000 });
  },
};

/** Account settings: every standard attribute by its label, a URL input where a URL is meant. */
export const StandardAttributes: Story = {
  loaders: [
    withPool(
      { users: [{ ...users.password, attributes: { email: 'pat@example.com', middle_name: 'Q', website: 'https://pat.example', zoneinfo: 'Europe/Berlin' } }] },
      { reach: ({ auth }) => auth.signIn({ username: 'pat', password: PASSWORD }) },
    ),
  ],
  render: () => <UserAttributesForm attributes={['given_name', 'middle_name', 'family_name', 'nickname', 'birthdate', 'gender', 'website', 'profile', 'picture', 'zoneinfo', 'locale']} />,
  decorators: [themed('light')],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByLabelText('Middle name', {}, { timeout: 5000 })).toHaveValue('Q');
    await expect(canvas.getByLabelText('Time zone')).toHaveValue('Europe/Berlin');
    await userEvent.clear(canvas.getByLabelText('Website'));
    await userEvent.type(canvas.getByLabelText('Website'), 'pat dot example');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(canvas.getByText('Enter a web address that starts with https://.')).toBeInTheDocument();
  },
};

// @vitest-environment happy-dom
/**
 * Fields (issue 18): the declarative field list of sign-up and NEW_PASSWORD_REQUIRED, labels and inputs for
 * every standard attribute, the dial-code picker, username kinds, and passwordless sign-up.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { StrictMode, type ReactNode } from 'react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { CognitoAuth } from '../../src/core/index.js';
import { Authentication, CognitoProvider, ForgotPassword, SignIn, SignUp, UserAttributesForm, type CognitoLocaleSettings } from '../../src/index.js';
import de from '../../src/locales/de.js';
import { PASSWORD, createPool, mswServerPerFile } from '../helpers/pool';
import { COGNITO } from '../helpers/session';
import { renderWithAuth, testQueryClient } from '../react/helpers';

const server = mswServerPerFile();
const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true' } };

async function noAxeViolations(container: HTMLElement) {
  const { violations } = await axe.run(container);
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

/** The input of the field with this label (the labels are tied to their inputs). */
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;
const sentInput = (sim: ReturnType<typeof createPool>['sim'], operation: string) => sim.requests.find((r) => r.operation === operation)?.input as Record<string, unknown> | undefined;
const sentAttributes = (sim: ReturnType<typeof createPool>['sim']) =>
  Object.fromEntries(((sentInput(sim, 'SignUp')?.UserAttributes ?? []) as { Name: string; Value: string }[]).map((a) => [a.Name, a.Value]));

function renderUnder(auth: CognitoAuth, settings: CognitoLocaleSettings, ui: ReactNode) {
  return render(
    <StrictMode>
      <CognitoProvider auth={auth} queryClient={testQueryClient()} {...settings}>
        {ui}
      </CognitoProvider>
    </StrictMode>,
  );
}

describe('<SignUp fields>', () => {
  it('renders the list in its order, with each standard attribute’s label, input type and autofill', () => {
    const pool = createPool(server, { users: [] });
    const { container } = renderWithAuth(
      <SignUp fields={['given_name', 'middle_name', 'family_name', 'nickname', 'username', 'email', 'password', 'birthdate', 'website', 'profile', 'picture', 'gender', 'zoneinfo', 'locale']} />,
      pool.auth,
    );
    const labels = [...container.querySelectorAll('form label')].map((l) => l.textContent);
    expect(labels).toEqual([
      'First name',
      'Middle name',
      'Last name',
      'Nickname',
      'Username',
      'Email',
      'Password',
      'Confirm password',
      'Date of birth',
      'Website',
      'Profile page',
      'Picture URL',
      'Gender',
      'Time zone',
      'Language',
    ]);
    expect(input('Middle name').autocomplete).toBe('additional-name');
    expect(input('Email').type).toBe('email');
    expect(input('Date of birth').type).toBe('date');
    expect(input('Date of birth').autocomplete).toBe('bday');
    for (const label of ['Website', 'Profile page', 'Picture URL']) expect(input(label).type).toBe('url');
    expect(input('Picture URL').autocomplete).toBe('photo');
  });

  it('checks each field before sending: required, format, the app’s own validator; optional ones may stay empty', async () => {
    const pool = createPool(server, { users: [] });
    renderWithAuth(
      <SignUp
        fields={[
          'email',
          { name: 'website', required: false },
          // As a text input (a date input gives YYYY-MM-DD or nothing): written with slashes, sent as Cognito's date.
          { name: 'birthdate', required: false, type: 'text' },
          { name: 'custom:team', label: 'Team', placeholder: 'e.g. falcons', validate: (v) => (/^[a-z]+$/.test(v) ? null : 'Use lower-case letters only.') },
        ]}
      />,
      pool.auth,
    );
    const user = userEvent.setup();
    expect(input('Team').placeholder).toBe('e.g. falcons');
    expect(input('Website').required).toBe(false);
    expect(input('Team').required).toBe(true);
    await user.type(input('Username'), 'nia');
    await user.type(input('Email'), 'nia@example.com');
    await user.type(input('Website'), 'example.com');
    await user.type(input('Date of birth'), '1990-02-30');
    await user.type(input('Team'), 'Falcons');
    await user.type(input('Password'), PASSWORD);
    await user.type(input('Confirm password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByText('Enter a web address that starts with https://.')).toBeTruthy();
    expect(screen.getByText('Enter a date, like 1990-04-25.')).toBeTruthy();
    expect(screen.getByText('Use lower-case letters only.')).toBeTruthy();
    expect(input('Team').getAttribute('aria-describedby')).toContain(screen.getByText('Use lower-case letters only.').id);
    expect(document.activeElement).toBe(input('Website'));
    expect(pool.sim.requests).toHaveLength(0);
    await user.clear(input('Website'));
    await user.clear(input('Date of birth'));
    await user.type(input('Date of birth'), '1990/2/3');
    await user.clear(input('Team'));
    await user.type(input('Team'), 'falcons');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText(/Enter the 6-digit code we sent to/)).toBeTruthy();
    expect(sentAttributes(pool.sim)).toEqual({ email: 'nia@example.com', birthdate: '1990-02-03', 'custom:team': 'falcons' });
  });

  it('keeps submit disabled until the terms box is checked, and sends the box only when mapped to an attribute', async () => {
    const pool = createPool(server, { users: [] });
    const { container } = renderWithAuth(
      <SignUp
        fields={[
          'email',
          { name: 'terms', type: 'checkbox', label: 'I accept the terms' },
          { name: 'news', type: 'checkbox', label: 'Send me news', required: false, attribute: 'custom:news' },
        ]}
      />,
      pool.auth,
    );
    const user = userEvent.setup();
    const submit = screen.getByRole('button', { name: 'Create account' }) as HTMLButtonElement;
    const terms = screen.getByRole('checkbox', { name: 'I accept the terms' }) as HTMLInputElement;
    expect(submit.disabled).toBe(true);
    await user.type(input('Username'), 'nia');
    await user.type(input('Email'), 'nia@example.com');
    await user.type(input('Password'), PASSWORD);
    await user.type(input('Confirm password'), PASSWORD);
    expect(submit.disabled).toBe(true);
    await user.click(terms);
    expect(terms.checked).toBe(true);
    expect(submit.disabled).toBe(false);
    await user.click(screen.getByRole('checkbox', { name: 'Send me news' }));
    await noAxeViolations(container);
    await user.click(submit);
    expect(await screen.findByText(/Enter the 6-digit code we sent to/)).toBeTruthy();
    expect(sentAttributes(pool.sim)).toEqual({ email: 'nia@example.com', 'custom:news': 'true' });
  });

  it('still takes the simple attribute list, and <Authentication signUpAttributes> hands the field list on', async () => {
    const pool = createPool(server, { users: [] });
    renderWithAuth(<Authentication signUpAttributes={['email', { name: 'name', required: false }, { name: 'terms', type: 'checkbox' }]} />, pool.auth);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create an account' }));
    // The view's code may still be on its way (it loads when reached).
    await screen.findByRole('button', { name: 'Create account' });
    expect(input('Name').required).toBe(false);
    // A box named terms has a label of its own in the table.
    expect(screen.getByRole('checkbox', { name: 'I accept the terms and conditions' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Create account' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('the dial-code picker', () => {
  it('assembles E.164 from the country and the national number, with a specific message for a wrong number', async () => {
    const pool = createPool(server, { users: [] });
    const { container } = renderWithAuth(<SignUp fields={['email', { name: 'phone_number', defaultCountry: 'DE' }]} />, pool.auth);
    const user = userEvent.setup();
    const country = (await screen.findByRole('combobox', { name: 'Country or region' })) as HTMLSelectElement;
    // The country data arrives with a dynamic import when the picker mounts.
    await waitFor(() => expect(within(country).getAllByRole('option').length).toBeGreaterThan(200));
    expect(country.value).toBe('DE');
    expect(within(country).getByRole('option', { name: 'Germany +49' })).toBeTruthy();
    const phone = input('Phone number');
    expect(phone.type).toBe('tel');
    expect(phone.autocomplete).toBe('tel-national');
    await user.type(input('Username'), 'nia');
    await user.type(input('Email'), 'nia@example.com');
    await user.type(phone, '0151');
    await user.type(input('Password'), PASSWORD);
    await user.type(input('Confirm password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const error = screen.getByText('That is not a valid phone number. Check the country and the number.');
    expect(phone.getAttribute('aria-describedby')).toContain(error.id);
    expect(pool.sim.requests).toHaveLength(0);
    await user.type(phone, ' 12345678');
    await noAxeViolations(container);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText(/Enter the 6-digit code we sent to/)).toBeTruthy();
    // The national trunk prefix (0) is dropped, as E.164 requires.
    expect(sentAttributes(pool.sim).phone_number).toBe('+4915112345678');
  });

  it('takes a number typed in full with its + whatever the select says, and another country’s code', async () => {
    const pool = createPool(server, { users: [] });
    renderWithAuth(<SignUp fields={[{ name: 'phone_number', defaultCountry: 'DE' }]} />, pool.auth);
    const user = userEvent.setup();
    const country = (await screen.findByRole('combobox', { name: 'Country or region' })) as HTMLSelectElement;
    await waitFor(() => expect(within(country).getAllByRole('option').length).toBeGreaterThan(200));
    await user.type(input('Username'), 'nia');
    await user.type(input('Phone number'), '+44 7700 900123');
    await user.type(input('Password'), PASSWORD);
    await user.type(input('Confirm password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText(/Enter the 6-digit code we sent to/)).toBeTruthy();
    expect(sentAttributes(pool.sim).phone_number).toBe('+447700900123');
  });

  it('names the countries in the provider’s language', async () => {
    const pool = createPool(server, { users: [] });
    renderUnder(pool.auth, { messages: de, locale: 'de-AT' }, <SignUp fields={['phone_number']} />);
    const country = (await screen.findByRole('combobox', { name: 'Land oder Region' })) as HTMLSelectElement;
    await waitFor(() => expect(within(country).getAllByRole('option').length).toBeGreaterThan(200));
    // No defaultCountry: the region of the provider's locale.
    expect(country.value).toBe('AT');
    expect(within(country).getByRole('option', { name: 'Deutschland +49' })).toBeTruthy();
    expect(screen.getByLabelText('Telefonnummer')).toBeTruthy();
  });

  it('the simulator refuses a phone number that is not E.164, as Cognito does', async () => {
    const pool = createPool(server, { users: [] });
    renderWithAuth(<SignUp fields={[{ name: 'phone_number', dialCodes: false }]} />, pool.auth);
    const user = userEvent.setup();
    expect(screen.queryByRole('combobox')).toBeNull();
    await user.type(input('Username'), 'nia');
    await user.type(input('Phone number'), '0151 1234');
    await user.type(input('Password'), PASSWORD);
    await user.type(input('Confirm password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByText('Enter the phone number with its country code, like +14155550100.')).toBeTruthy();
    expect(pool.sim.requests).toHaveLength(0);
    const reply = await pool.auth.config.client!.send(
      new (await import('@aws-sdk/client-cognito-identity-provider')).SignUpCommand({
        ClientId: 'testclient123',
        Username: 'ola',
        Password: PASSWORD,
        UserAttributes: [{ Name: 'phone_number', Value: '01511234' }],
      }),
    ).catch((e: Error) => e);
    expect(reply).toMatchObject({ name: 'InvalidParameterException', message: 'Invalid phone number format.' });
  });
});

describe('username kinds', () => {
  it('an email username: an email input, its label, and the address trimmed and lower-cased before it is sent', async () => {
    const pool = createPool(server, { users: [{ ...alice, username: 'alice@example.com' }] }, { usernameKind: 'email' });
    renderWithAuth(<SignIn signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    const email = input('Email');
    expect(email.type).toBe('email');
    expect(email.autocomplete).toBe('email');
    await user.type(email, 'not-an-email');
    await user.type(input('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter a valid email address.')).toBeTruthy();
    await user.clear(email);
    // A local refusal keeps the password typed.
    await user.type(email, '  Alice@Example.COM ');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(JSON.stringify(sentInput(pool.sim, 'InitiateAuth'))).toContain('"USERNAME":"alice@example.com"');
  });

  it('a form’s usernameKind wins over the store’s; the reset form asks for the email too', async () => {
    const pool = createPool(server, { users: [{ ...alice, username: 'alice@example.com' }] }, { usernameKind: 'phone_number' });
    renderWithAuth(<ForgotPassword usernameKind="email" />, pool.auth);
    const user = userEvent.setup();
    await user.type(input('Email'), 'ALICE@example.com');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await waitFor(() => expect(sentInput(pool.sim, 'ForgotPassword')?.Username).toBe('alice@example.com'));
  });

  it('a phone username: the dial-code picker, and the number sent as E.164', async () => {
    const pool = createPool(server, { users: [{ username: '+4915112345678', password: PASSWORD, attributes: { phone_number: '+4915112345678' } }], mfaConfiguration: 'OFF' }, { usernameKind: 'phone_number' });
    renderUnder(pool.auth, { locale: 'en-DE' }, <SignIn signedIn={<p>Welcome</p>} />);
    const user = userEvent.setup();
    const country = (await screen.findByRole('combobox', { name: 'Country or region' })) as HTMLSelectElement;
    await waitFor(() => expect(country.value).toBe('DE'));
    await waitFor(() => expect(within(country).getAllByRole('option').length).toBeGreaterThan(200));
    await user.type(input('Phone number'), '01511 2345678');
    await user.type(input('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(JSON.stringify(sentInput(pool.sim, 'InitiateAuth'))).toContain('"USERNAME":"+4915112345678"');
  });

  it('an email username at sign-up is not asked twice: it is the username and the email attribute', async () => {
    const pool = createPool(server, { users: [] }, { usernameKind: 'email' });
    renderWithAuth(<SignUp fields={['email', 'name']} />, pool.auth);
    const user = userEvent.setup();
    expect(screen.getAllByLabelText('Email')).toHaveLength(1);
    await user.type(input('Email'), 'Nia@Example.com');
    await user.type(input('Name'), 'Nia');
    await user.type(input('Password'), PASSWORD);
    await user.type(input('Confirm password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText(/Enter the 6-digit code we sent to/)).toBeTruthy();
    expect(sentInput(pool.sim, 'SignUp')?.Username).toBe('nia@example.com');
    expect(sentAttributes(pool.sim)).toEqual({ email: 'nia@example.com', name: 'Nia' });
  });
});

describe('passwordless sign-up', () => {
  it('asks for no password, confirms the code, and signs in with the confirmation Session', async () => {
    const pool = createPool(server, { users: [], allowedFirstAuthFactors: ['EMAIL_OTP'] }, { authFlow: 'USER_AUTH' });
    renderWithAuth(<Authentication passwordlessSignUp signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create an account' }));
    await screen.findByRole('button', { name: 'Create account' });
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(screen.queryByLabelText('Confirm password')).toBeNull();
    await user.type(input('Username'), 'pia');
    await user.type(input('Email'), 'pia@example.com');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await user.type(await screen.findByLabelText('Code'), pool.sim.lastCode('pia')!);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(Object.keys(sentInput(pool.sim, 'SignUp')!)).not.toContain('Password');
    expect(pool.sim.requests.map((r) => r.operation)).toEqual(['SignUp', 'ConfirmSignUp', 'InitiateAuth']);
  });

  it('without a usable Session, goes on to the pool’s first-factor choice (no password among them)', async () => {
    const pool = createPool(server, { users: [], allowedFirstAuthFactors: ['EMAIL_OTP'] }, { authFlow: 'USER_AUTH' });
    renderWithAuth(<SignUp passwordless />, pool.auth);
    const user = userEvent.setup();
    await user.type(input('Username'), 'pia');
    await user.type(input('Email'), 'pia@example.com');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    // Cognito refuses the confirmation Session (expired, or the app client lacks the permission).
    server.use(
      http.post(COGNITO, async ({ request }) => {
        const body = (await request.clone().json()) as { AuthFlow?: string; Session?: string };
        if (body.AuthFlow !== 'USER_AUTH' || !body.Session) return undefined;
        return HttpResponse.json({ __type: 'NotAuthorizedException', message: 'Invalid session for the user.' }, { status: 400, headers: { 'content-type': 'application/x-amz-json-1.1' } });
      }),
    );
    await user.type(await screen.findByLabelText('Code'), pool.sim.lastCode('pia')!);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(pool.auth.getSnapshot().step).toEqual({ name: 'SELECT_CHALLENGE', options: ['EMAIL_OTP'] }));
  });
});

describe('NEW_PASSWORD_REQUIRED with the app’s field list', () => {
  it('shows the required attributes with their labels and the list’s options, and its terms box holds submit', async () => {
    const pool = createPool(server, {
      users: [{ username: 'alice', password: 'Temp0rary!pass', status: 'FORCE_CHANGE_PASSWORD', attributes: { email: 'alice@example.com' } }],
      requiredAttributes: ['middle_name', 'website', 'phone_number'],
      mfaConfiguration: 'OFF',
    });
    const { container } = renderWithAuth(
      <SignIn
        signedIn={<p>Welcome</p>}
        fields={[{ name: 'phone_number', defaultCountry: 'GB' }, { name: 'given_name', label: 'Not required, not shown' }, { name: 'terms', type: 'checkbox', label: 'I accept the terms' }]}
      />,
      pool.auth,
    );
    const user = userEvent.setup();
    await user.type(input('Username'), 'alice');
    await user.type(input('Password'), 'Temp0rary!pass');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const country = (await screen.findByRole('combobox', { name: 'Country or region' })) as HTMLSelectElement;
    const labels = [...container.querySelectorAll('form label')].map((l) => l.textContent);
    expect(labels).toEqual(['Phone number', 'I accept the terms', 'Middle name', 'Website', 'New password', 'Confirm new password']);
    expect(input('Website').type).toBe('url');
    await waitFor(() => expect(within(country).getAllByRole('option').length).toBeGreaterThan(200));
    expect(country.value).toBe('GB');
    await user.type(input('Phone number'), '07911 123456');
    await user.type(input('Middle name'), 'Q');
    await user.type(input('Website'), 'https://alice.example');
    await user.type(input('New password'), 'N3w-passw0rd!');
    await user.type(input('Confirm new password'), 'N3w-passw0rd!');
    const submit = screen.getByRole('button', { name: 'Set password' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'I accept the terms' }));
    await noAxeViolations(container);
    await user.click(submit);
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(pool.sim.user('alice')?.attributes).toMatchObject({ phone_number: '+447911123456', middle_name: 'Q', website: 'https://alice.example' });
    expect(pool.sim.user('alice')?.attributes).not.toHaveProperty('terms');
  });
});

describe('<UserAttributesForm> and the standard attributes', () => {
  it('labels every standard attribute by name, never raw, with a URL input where a URL is meant', async () => {
    const pool = createPool(server, { users: [{ ...alice, attributes: { ...alice.attributes, middle_name: 'Q', website: 'https://alice.example' } }] });
    await pool.auth.signIn({ username: 'alice', password: PASSWORD });
    renderWithAuth(<UserAttributesForm attributes={['middle_name', 'nickname', 'website', 'zoneinfo', 'gender', 'locale', 'picture', 'profile']} />, pool.auth);
    const user = userEvent.setup();
    expect(((await screen.findByLabelText('Middle name')) as HTMLInputElement).value).toBe('Q');
    for (const label of ['Nickname', 'Website', 'Time zone', 'Gender', 'Language', 'Picture URL', 'Profile page']) expect(screen.getByLabelText(label)).toBeTruthy();
    expect(input('Website').type).toBe('url');
    await user.clear(input('Website'));
    await user.type(input('Website'), 'alice dot example');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Enter a web address that starts with https://.')).toBeTruthy();
  });
});

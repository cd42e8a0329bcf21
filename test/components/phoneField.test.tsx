// @vitest-environment happy-dom
/**
 * The dial-code picker on its generated table (test/components/dialCodes.test.ts checks the table): what the
 * form sends for numbers written as people write them in their country.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SignUp } from '../../src/index.js';
import he from '../../src/locales/he.js';
import { PASSWORD, createPool, mswServerPerFile } from '../helpers/pool';
import { renderWithAuth } from '../react/helpers';

const server = mswServerPerFile();
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

async function signUpWith(defaultCountry: string, typed: string) {
  const pool = createPool(server, { users: [] });
  renderWithAuth(<SignUp fields={[{ name: 'phone_number', defaultCountry }]} />, pool.auth);
  const user = userEvent.setup();
  const country = (await screen.findByRole('combobox', { name: 'Country or region' })) as HTMLSelectElement;
  await waitFor(() => expect(within(country).getAllByRole('option').length).toBeGreaterThan(200));
  await user.type(input('Username'), 'nia');
  await user.type(input('Phone number'), typed);
  await user.type(input('Password'), PASSWORD);
  await user.type(input('Confirm password'), PASSWORD);
  await user.click(screen.getByRole('button', { name: 'Create account' }));
  return pool;
}

const sentPhone = (pool: ReturnType<typeof createPool>) => {
  const input = pool.sim.requests.find((r) => r.operation === 'SignUp')?.input as { UserAttributes?: { Name: string; Value: string }[] } | undefined;
  return input?.UserAttributes?.find((a) => a.Name === 'phone_number')?.Value;
};

describe('the dial-code picker on the generated table', () => {
  it('takes a number dialled from abroad (00 44 …) as the international number it is', async () => {
    const pool = await signUpWith('DE', '0044 7700 900123');
    expect(await screen.findByText(/Enter the 6-digit code we sent to/)).toBeTruthy();
    expect(sentPhone(pool)).toBe('+447700900123');
  });

  it('drops a trunk prefix other than 0: the 80 of a Belarusian number', async () => {
    const belarus = await signUpWith('BY', '8 029 491 19 11');
    expect(await screen.findByText(/Enter the 6-digit code we sent to/)).toBeTruthy();
    expect(sentPhone(belarus)).toBe('+375294911911');
  });

  it('keeps the leading 0 of an Italian landline, which is part of the number', async () => {
    const italy = await signUpWith('IT', '06 1234 5678');
    expect(await screen.findByText(/Enter the 6-digit code we sent to/)).toBeTruthy();
    expect(sentPhone(italy)).toBe('+390612345678');
  });

  it('refuses a number too long for its country, with the picker’s message, and sends nothing', async () => {
    const pool = await signUpWith('FR', '06 12 34 56 78 9');
    expect(screen.getByText('That is not a valid phone number. Check the country and the number.')).toBeTruthy();
    expect(pool.sim.requests).toHaveLength(0);
  });
});

describe('the dial-code picker in the form’s language', () => {
  it('speaks the form’s own messages and names the countries in the page’s language, with no provider locale', async () => {
    const pool = createPool(server, { users: [] });
    renderWithAuth(
      <div dir="rtl" lang="he">
        <SignUp fields={[{ name: 'phone_number', defaultCountry: 'IL' }]} messages={he} />
      </div>,
      pool.auth,
    );
    const country = (await screen.findByRole('combobox', { name: he['field.country'] })) as HTMLSelectElement;
    expect(within(country).getByRole('option', { name: he['field.noCountry'] })).toBeTruthy();
    await waitFor(() => expect(country.querySelector('option[value="IL"]')?.textContent).toBe('ישראל +972'));
    expect(country.value).toBe('IL');
  });

  it('writes numbers, addresses and codes left to right, and other fields in the form’s direction', async () => {
    const pool = createPool(server, { users: [] });
    renderWithAuth(
      <div dir="rtl" lang="he">
        <SignUp fields={['email', { name: 'phone_number', defaultCountry: 'IL' }]} messages={he} />
      </div>,
      pool.auth,
    );
    await screen.findByRole('combobox', { name: he['field.country'] });
    expect(input(he['attribute.phone_number']).getAttribute('dir')).toBe('ltr');
    expect(input(he['attribute.email']).getAttribute('dir')).toBe('ltr');
    expect(input(he['signUp.username']).hasAttribute('dir')).toBe(false);
  });
});

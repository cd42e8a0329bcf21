// @vitest-environment happy-dom
/**
 * The dial-code picker is a chunk of its own, fetched when a phone field first renders: until it arrives a
 * stand-in of the same shape takes the number, and nothing typed there (nor the focus) is lost. This file's
 * first render is the one that fetches it (a module loaded once stays loaded for the file).
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SignUp } from '../../src/index.js';
import { PASSWORD, createPool, mswServerPerFile } from '../helpers/pool';
import { renderWithAuth } from '../react/helpers';

const server = mswServerPerFile();
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('a phone field while its picker loads', () => {
  it('takes the number in a stand-in, then the picker keeps it, the focus and the caret; the number sent is what was typed', async () => {
    const pool = createPool(server, { users: [] });
    const { container } = renderWithAuth(<SignUp fields={[{ name: 'phone_number', defaultCountry: 'DE' }]} />, pool.auth);
    // The stand-in: the phone field's boxes, no country select yet, the number input live.
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(container.querySelector('[data-phone-field] [data-dial] [data-dial-code]')?.textContent).toBe('DE');
    const early = input('Phone number');
    expect(early.type).toBe('tel');
    early.focus();
    fireEvent.change(early, { target: { value: '+44 7700 900' } });
    early.setSelectionRange(3, 3);

    const country = (await screen.findByRole('combobox', { name: 'Country or region' })) as HTMLSelectElement;
    expect(within(country).getAllByRole('option').length).toBeGreaterThan(200);
    // Whatever the picker does once its data is there (its effects, their promises) has run.
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    const phone = input('Phone number');
    expect(phone).not.toBe(early);
    expect(phone.value).toBe('+44 7700 900');
    expect(document.activeElement).toBe(phone);
    expect([phone.selectionStart, phone.selectionEnd]).toEqual([3, 3]);

    const user = userEvent.setup();
    await user.type(phone, '123', { initialSelectionStart: 12, initialSelectionEnd: 12 });
    await user.type(input('Username'), 'nia');
    await user.type(input('Password'), PASSWORD);
    await user.type(input('Confirm password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText(/Enter the 6-digit code we sent to/)).toBeTruthy();
    const sent = pool.sim.requests.find((r) => r.operation === 'SignUp')?.input as { UserAttributes?: { Name: string; Value: string }[] };
    expect(sent.UserAttributes?.find((a) => a.Name === 'phone_number')?.Value).toBe('+447700900123');
  });
});

// @vitest-environment happy-dom
/**
 * <SignIn>'s challenge forms are one chunk of their own (SignIn/challengeForms.ts). When it cannot be
 * fetched, the card says so (the network message) with "Try again", which fetches it again; the form then
 * comes, usable, with the focus in its field, and the sign-in goes on where it was.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SignIn } from '../../src/index.js';
import { PASSWORD, createPool, mswServerPerFile } from '../helpers/pool';
import { renderWithAuth } from '../react/helpers';

const chunk = vi.hoisted(() => ({ online: false, fetches: 0 }));

vi.mock('../../src/components/SignIn/challengeForms.js', async (importOriginal) => {
  chunk.fetches++;
  if (!chunk.online) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

const server = mswServerPerFile();

describe('<SignIn> when the challenge forms cannot be fetched', () => {
  it('shows the network message and "Try again", which fetches the forms again: the step goes on', async () => {
    const pool = createPool(server, { users: [{ username: 'alice', password: PASSWORD, attributes: { phone_number: '+15555550100' }, mfa: { sms: true } }] });
    renderWithAuth(<SignIn signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('We could not reach the server. Check your connection and try again.')).toBeTruthy();
    expect(pool.auth.getSnapshot().step?.name).toBe('SMS_MFA');
    expect(screen.queryByLabelText('Code')).toBeNull();
    const fetched = chunk.fetches;
    expect(fetched).toBeGreaterThan(0);
    // Still offline: fetched again, and the message comes back, with the button.
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(chunk.fetches).toBeGreaterThan(fetched));
    const again = await screen.findByRole('button', { name: 'Try again' });
    expect(screen.getByRole('alert').textContent).toBe('We could not reach the server. Check your connection and try again.');
    chunk.online = true;
    await user.click(again);
    const code = await screen.findByLabelText('Code');
    await waitFor(() => expect(document.activeElement).toBe(code));
    await user.type(code, pool.sim.lastCode('alice')!);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
  });
});

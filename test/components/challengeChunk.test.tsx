// @vitest-environment happy-dom
/**
 * <SignIn>'s challenge forms are one chunk of their own (SignIn/challengeForms.ts), fetched while the
 * request that leads to a challenge is in flight. Here the chunk arrives only when the test lets it: the
 * step waits in the card, then its form is usable and has the focus.
 */
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SignIn } from '../../src/index.js';
import { PASSWORD, createPool, mswServerPerFile } from '../helpers/pool';
import { renderWithAuth } from '../react/helpers';

const chunk = vi.hoisted(() => {
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  return { release: () => release(), arrived, fetches: 0 };
});

vi.mock('../../src/components/SignIn/challengeForms.js', async (importOriginal) => {
  chunk.fetches++;
  await chunk.arrived;
  return importOriginal();
});

const server = mswServerPerFile();

describe('<SignIn> with the challenge forms still on their way', () => {
  it('shows the step busy in the card, then the form, usable, with the focus in its field', async () => {
    const pool = createPool(server, { users: [{ username: 'alice', password: PASSWORD, attributes: { phone_number: '+15555550100' }, mfa: { sms: true } }] });
    renderWithAuth(<SignIn signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(pool.auth.getSnapshot().step?.name).toBe('SMS_MFA'));
    // Fetched once (at idle or when the password went), not yet here: the card waits, busy.
    expect(chunk.fetches).toBe(1);
    const card = document.querySelector('[data-step="SMS_MFA"]')!;
    expect(card.querySelector('[data-step-pending][aria-busy="true"]')).toBeTruthy();
    expect(screen.queryByLabelText('Code')).toBeNull();
    await act(async () => chunk.release());
    const code = await screen.findByLabelText('Code');
    await waitFor(() => expect(document.activeElement).toBe(code));
    await user.type(code, pool.sim.lastCode('alice')!);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    expect(chunk.fetches).toBe(1);
  });
});

// @vitest-environment happy-dom
/**
 * The runner of <SignIn>'s after-sign-in steps (AfterSignIn/AfterSignIn.tsx) is a chunk of its own,
 * fetched at idle and while a request is in flight by a <SignIn> given steps. When it cannot be fetched,
 * the card says so with "Try again", which fetches it again: the step then shows, and the signed-in view
 * still waits for it.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SignIn, verifyContactStep } from '../../src/index.js';
import { PASSWORD, createPool, mswServerPerFile } from '../helpers/pool';
import { renderWithAuth } from '../react/helpers';

const chunk = vi.hoisted(() => ({ online: false, fetches: 0 }));

vi.mock('../../src/components/AfterSignIn/AfterSignIn.js', async (importOriginal) => {
  chunk.fetches++;
  if (!chunk.online) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

const server = mswServerPerFile();
const vera = { username: 'vera', password: PASSWORD, attributes: { email: 'vera@example.com', email_verified: 'false' } };

describe('<SignIn afterSignIn> when the steps runner cannot be fetched', () => {
  it('shows the network message and "Try again", which brings the step; signedIn still waits for it', async () => {
    const pool = createPool(server, { users: [vera] }, { autoRefresh: false });
    renderWithAuth(<SignIn afterSignIn={[verifyContactStep()]} signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'vera');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('We could not reach the server. Check your connection and try again.')).toBeTruthy();
    expect(pool.auth.getSnapshot().status).toBe('signedIn');
    expect(screen.queryByText('Welcome')).toBeNull();
    expect(chunk.fetches).toBeGreaterThan(0);
    chunk.online = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Verify your contact information' })).toBeTruthy();
    expect(screen.queryByText('Welcome')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
  });
});

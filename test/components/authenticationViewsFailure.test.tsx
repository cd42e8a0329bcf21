// @vitest-environment happy-dom
/**
 * <Authentication>'s sign-up, confirmation and password-reset views are a chunk of their own. When it
 * cannot be fetched, the card says so (the network message) with "Try again", which fetches it again; the
 * view then comes, usable, with the focus in its first field.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Authentication } from '../../src/index.js';
import { createPool, mswServerPerFile } from '../helpers/pool';
import { renderWithAuth } from '../react/helpers';

const chunk = vi.hoisted(() => ({ online: false, fetches: 0 }));

vi.mock('../../src/components/shared/accountChunk.js', async (importOriginal) => {
  chunk.fetches++;
  if (!chunk.online) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

const server = mswServerPerFile();

describe('<Authentication> when the password-reset view cannot be fetched', () => {
  it('shows the network message and "Try again", which fetches the view again', async () => {
    const pool = createPool(server, { users: [] });
    renderWithAuth(<Authentication signedIn={<p>Welcome</p>} />, pool.auth);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Forgot your password?' }));
    expect(await screen.findByText('We could not reach the server. Check your connection and try again.')).toBeTruthy();
    expect(document.querySelector('[data-view="forgotPassword"]')).toBeTruthy();
    const fetched = chunk.fetches;
    expect(fetched).toBeGreaterThan(0);
    chunk.online = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    const username = await screen.findByLabelText('Username');
    await waitFor(() => expect(document.activeElement).toBe(username));
    expect(chunk.fetches).toBeGreaterThan(fetched);
    expect(screen.queryByText('We could not reach the server. Check your connection and try again.')).toBeNull();
    expect(screen.getByRole('button', { name: 'Send code' })).toBeTruthy();
  });
});

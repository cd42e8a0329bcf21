// @vitest-environment happy-dom
/**
 * <Authentication>'s sign-up, confirmation and password-reset views are a chunk of their own
 * (shared/accountChunk.ts, with the account sections): fetched at idle, when a link is pointed at, focused or pressed, and
 * while a request that leads to one is in flight. Here the chunk arrives only when the test lets it.
 */
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Authentication } from '../../src/index.js';
import { createPool, mswServerPerFile } from '../helpers/pool';
import { renderWithAuth } from '../react/helpers';

const chunk = vi.hoisted(() => {
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  return { release: () => release(), arrived, fetches: 0 };
});

vi.mock('../../src/components/shared/accountChunk.js', async (importOriginal) => {
  chunk.fetches++;
  await chunk.arrived;
  return importOriginal();
});

const server = mswServerPerFile();

describe('<Authentication> with the sign-up view still on its way', () => {
  it('fetches it when its link is pointed at; the card waits, then the form comes with the focus in its first field', async () => {
    const pool = createPool(server, { users: [] });
    renderWithAuth(<Authentication signedIn={<p>Welcome</p>} signUpAttributes={['email']} />, pool.auth);
    const user = userEvent.setup();
    expect(chunk.fetches).toBe(0);
    const link = screen.getByRole('button', { name: 'Create an account' });
    await user.hover(link);
    expect(chunk.fetches).toBe(1);
    await user.click(link);
    expect(document.querySelector('[data-view="signUp"] [data-step-pending][aria-busy="true"]')).toBeTruthy();
    expect(screen.queryByLabelText('Username')).toBeNull();
    await act(async () => chunk.release());
    const username = await screen.findByLabelText('Username');
    await waitFor(() => expect(document.activeElement).toBe(username));
    await user.type(username, 'bob');
    expect((username as HTMLInputElement).value).toBe('bob');
    expect(screen.getByRole('button', { name: 'Create account' })).toBeTruthy();
    expect(chunk.fetches).toBe(1);
  });
});

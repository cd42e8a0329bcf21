// @vitest-environment happy-dom
/**
 * <AccountSettings>'s sections are a chunk of their own. When it cannot be fetched, each section says so
 * (the network message) with "Try again", which fetches it again; the section then comes, usable.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AccountSettings } from '../../src/index.js';
import { PASSWORD, createPool, mswServerPerFile } from '../helpers/pool';
import { renderWithAuth } from '../react/helpers';

const chunk = vi.hoisted(() => ({ online: false }));

vi.mock('../../src/components/shared/accountChunk.js', async (importOriginal) => {
  if (!chunk.online) throw new TypeError('Failed to fetch dynamically imported module');
  return importOriginal();
});

const server = mswServerPerFile();
const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true', name: 'Alice' } };

describe('<AccountSettings> when its sections cannot be fetched', () => {
  it('says so in each section with "Try again", which brings the section', async () => {
    const pool = createPool(server, { users: [alice] });
    await pool.auth.signIn({ username: 'alice', password: PASSWORD });
    const { container } = renderWithAuth(<AccountSettings sections={['profile', 'password']} />, pool.auth);
    const profile = container.querySelector('[data-account-section="profile"]') as HTMLElement;
    expect(await within(profile).findByText('We could not reach the server. Check your connection and try again.')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Try again' })).toHaveLength(2);
    chunk.online = true;
    const user = userEvent.setup();
    await user.click(within(profile).getByRole('button', { name: 'Try again' }));
    expect(((await screen.findByLabelText('Email')) as HTMLInputElement).value).toBe('alice@example.com');
    expect(within(profile).queryByText('We could not reach the server. Check your connection and try again.')).toBeNull();
  });
});

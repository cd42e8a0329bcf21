// @vitest-environment happy-dom
/**
 * <AccountSettings>'s sections are a chunk of their own (shared/accountChunk.ts, with the account views), fetched at
 * idle. Here the chunk arrives only when the test lets it: each section shows the skeleton it shows while
 * its data loads, and once the code is here the sections are usable, each asking for its data once.
 */
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AccountSettings } from '../../src/index.js';
import { PASSWORD, createPool, mswServerPerFile } from '../helpers/pool';
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
const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true', name: 'Alice' } };

describe('<AccountSettings> with its sections still on their way', () => {
  it('shows each section as loading, then the sections work, each asking for its data once', async () => {
    const pool = createPool(server, { users: [alice], deviceTracking: true });
    await pool.auth.signIn({ username: 'alice', password: PASSWORD });
    const before = pool.operations().length;
    const { container } = renderWithAuth(<AccountSettings />, pool.auth);
    const section = (name: string) => container.querySelector(`[data-account-section="${name}"]`) as HTMLElement;
    // The skeletons the sections show while their data loads: the profile's, and the lists' under their headings.
    expect(section('profile').querySelectorAll('[data-skeleton] [data-skeleton-row]')).toHaveLength(3);
    expect(within(section('mfa')).getByRole('heading', { name: 'Two-step verification' })).toBeTruthy();
    expect(within(section('devices')).getByRole('heading', { name: 'Remembered devices' })).toBeTruthy();
    expect(within(section('passkeys')).getByRole('heading', { name: 'Passkeys' })).toBeTruthy();
    for (const name of ['profile', 'password', 'mfa', 'devices', 'passkeys', 'delete']) expect(section(name).querySelector('[data-skeleton][aria-busy="true"]')).toBeTruthy();
    expect(screen.queryByLabelText('Email')).toBeNull();
    await act(async () => chunk.release());
    const email = (await screen.findByLabelText('Email')) as HTMLInputElement;
    expect(email.value).toBe('alice@example.com');
    await screen.findByText('No devices are remembered.');
    await screen.findByText('You have no passkeys yet.');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Current password'), 'x');
    expect((screen.getByLabelText('Current password') as HTMLInputElement).value).toBe('x');
    expect(chunk.fetches).toBe(1);
    // Each section's data asked for once.
    const asked = pool.operations().slice(before);
    for (const operation of ['GetUser', 'ListDevices', 'ListWebAuthnCredentials']) expect(asked.filter((o) => o === operation).length, operation).toBe(1);
  });
});

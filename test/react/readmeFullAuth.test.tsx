// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserPoolSimulator } from '../../src/testing/index.js';
import { strict } from './helpers';
import { App } from './readme/FullAuth';

const here = dirname(fileURLToPath(import.meta.url));
const readme = readFileSync(join(here, '../../README.md'), 'utf8');
const example = readFileSync(join(here, 'readme/FullAuth.tsx'), 'utf8');

// The pool the README's example names, empty: the test creates its user.
const sim = createUserPoolSimulator({ userPoolId: 'eu-west-1_AbC123', clientId: '1example23456789', users: [] });
const server = setupServer(...sim.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe("the README's full authentication experience", () => {
  it('is in the README exactly as tested here', () => {
    expect(readme).toContain('```tsx\n' + example + '```');
  });

  it('creates an account, confirms it, lands in the account settings, signs out, resets the password and signs in again', async () => {
    render(strict(<App />));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create an account' }));
    // The sign-up view's code may still be on its way (it loads when reached).
    await user.type(await screen.findByLabelText('Username'), 'ada');
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Name'), 'Ada');
    await user.type(screen.getByLabelText('Password'), 'Passw0rd!long');
    await user.type(screen.getByLabelText('Confirm password'), 'Passw0rd!long');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await user.type(await screen.findByLabelText('Code'), sim.lastCode('ada')!);
    await user.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByRole('heading', { name: 'Account settings' })).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Ada'));

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await user.click(await screen.findByRole('button', { name: 'Forgot your password?' }));
    // The username is carried over from the sign-up.
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('ada');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    await user.type(await screen.findByLabelText('Code'), sim.lastCode('ada')!);
    await user.type(screen.getByLabelText('New password'), 'N3w!Passw0rd');
    await user.type(screen.getByLabelText('Confirm new password'), 'N3w!Passw0rd');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('Your password is changed. Sign in with your new password.')).toBeTruthy();
    await user.type(await screen.findByLabelText('Password'), 'N3w!Passw0rd');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Account settings' })).toBeTruthy();
  });
});

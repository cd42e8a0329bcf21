// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserPoolSimulator } from '../../src/testing/index.js';
import { strict } from './helpers';
import { App } from './readme/HooksSignIn';

// Paths, not URL objects: the DOM environment replaces the global URL, which Node's fs does not accept.
const here = dirname(fileURLToPath(import.meta.url));
const readme = readFileSync(join(here, '../../README.md'), 'utf8');
const example = readFileSync(join(here, 'readme/HooksSignIn.tsx'), 'utf8');

// The pool the README's example names, with a user who has SMS MFA.
const sim = createUserPoolSimulator({
  userPoolId: 'eu-west-1_AbC123',
  clientId: '1example23456789',
  users: [{ username: 'alice', password: 'Passw0rd!long', attributes: { email: 'alice@example.com', phone_number: '+15555550100' }, mfa: { sms: true } }],
});
const server = setupServer(...sim.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe("the README's custom sign-in UI built with hooks only", () => {
  it('is in the README exactly as tested here', () => {
    expect(readme).toContain('```tsx\n' + example + '```');
  });

  it('signs a user in with SMS MFA, shows a wrong password without losing the username, and signs out', async () => {
    render(strict(<App />));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Password'), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Incorrect username or password.');
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('alice');

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'Passw0rd!long');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await screen.findByLabelText(/Code from \+\*+0100/), sim.lastCode('alice')!);
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/Hello alice@example.com/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(sim.requests.at(-1)?.operation).toBe('RevokeToken');
  });
});

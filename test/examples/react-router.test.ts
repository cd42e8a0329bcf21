/**
 * examples/react-router (React Router 7 framework mode, server mode: the handler as a resource route,
 * loaders reading the session) built with `react-router build`, run with `react-router-serve`, driven in
 * Chromium against the simulated pool over HTTP (the shared scenario of support/scenario.ts).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { build } from './support/app.js';
import { describeExample } from './support/scenario.js';

describeExample({
  name: 'react-router',
  title: 'the React Router example',
  mode: 'server',
  build: (dir, env) => build(dir, ['node_modules/@react-router/dev/bin.js', 'build'], env).then(() => undefined),
  start: () => ['node_modules/@react-router/serve/bin.js', './build/server/index.js'],
  clientFiles: 'build/client',
  protectedPath: '/account',
  // The loader reads the cookie (again after the sign-in: the revalidation).
  async expectSignedIn(page: Page, username: string) {
    await expect.poll(() => page.getByTestId('server-user').textContent()).toBe(`The server sees ${username}.`);
  },
  // Through the protected route, with <AccountSettings> through the server.
  async signOut(page: Page, username: string) {
    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('heading', { name: `Account of ${username}` }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
  },
  async expectSignedOut(page: Page) {
    expect(await page.getByTestId('server-user').textContent()).toBe('The server sees nobody signed in.');
  },
});

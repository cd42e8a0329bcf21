/**
 * examples/nextjs (App Router, server mode, Next 16) built with `next build` from the packed package, run
 * with `next start`, and driven in Chromium against the simulated pool over HTTP (the shared scenario of
 * support/scenario.ts, plus the route handler reading the session).
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { build } from './support/app.js';
import { describeExample } from './support/scenario.js';

const next = 'node_modules/next/dist/bin/next';
const env = { NEXT_TELEMETRY_DISABLED: '1' };

describeExample(
  {
    name: 'nextjs',
    title: 'the Next.js example',
    mode: 'server',
    env,
    build: (dir, buildEnv) => build(dir, [next, 'build'], buildEnv).then(() => undefined),
    start: (port) => [next, 'start', '-H', '127.0.0.1', '-p', String(port)],
    clientFiles: '.next/static',
    protectedPath: '/account',
    // The server component renders with the cookie (again after the sign-in: router.refresh()), and the
    // route handler reads the session from it.
    async expectSignedIn(page: Page, username: string) {
      await expect.poll(() => page.getByTestId('server-user').textContent()).toBe(`The server sees ${username}.`);
      expect(await page.evaluate(async () => (await fetch('/api/me')).json())).toEqual({ username });
    },
    // Through the protected page, with <AccountSettings> through the server.
    async signOut(page: Page, username: string) {
      await page.getByRole('link', { name: 'Your account' }).click();
      await page.getByRole('heading', { name: `Account of ${username}` }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
    },
    async expectSignedOut(page: Page) {
      expect(await page.getByTestId('server-user').textContent()).toBe('The server sees nobody signed in.');
      expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    },
  },
  (example) => {
    it("shows a federated user's account page: the settings read the attributes through the server (scope aws.cognito.signin.user.admin)", async () => {
      const context = await example.browser.newContext();
      const page = await context.newPage();
      await page.goto(example.app.url);
      const username = await example.signInWithProvider(page);
      await page.getByRole('link', { name: 'Your account' }).click();
      await page.getByRole('heading', { name: `Account of ${username}` }).waitFor();
      await expect
        .poll(() => page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)), { timeout: 15_000 })
        .toContain(example.user.google.email);
      await context.close();
    });
  },
);

/**
 * examples/vite-spa (browser mode: the page speaks to the pool itself, the session in localStorage) built
 * with `tsc -b && vite build`, served by `vite preview`, driven in Chromium against the simulated pool over
 * HTTP (CORS; the shared scenario of support/scenario.ts, the callback route /callback), with two tabs; then
 * against the local emulator.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/testing/index.js';
import { startLocalPool, LOCAL_POOL } from '../../scripts/localPool.mjs';
import { build, run, startApp, type RunningApp } from './support/app.js';
import { screenshot } from './support/browser.js';
import { describeExample } from './support/scenario.js';
import { POOLS } from './support/users.js';

const vite = 'node_modules/vite/bin/vite.js';

const example = describeExample(
  {
    name: 'vite-spa',
    title: 'the Vite SPA example',
    mode: 'browser',
    async build(dir, env) {
      // The scaffold's build script: the type check, then the bundle.
      await run(process.execPath, ['node_modules/typescript/bin/tsc', '-b'], { cwd: dir });
      await build(dir, [vite, 'build'], env);
    },
    start: (port) => [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    protectedPath: '/account',
    // localStorage, as the example chose: the session is there (and so readable by page scripts).
    async expectSignedIn(page: Page, username: string) {
      expect(await page.evaluate(() => Object.keys(localStorage))).toContain(`cognito-react.${POOLS.public.clientId}.${username}.session`);
    },
  },
  (example) => {
    it('shares a federated session with a second tab; the sign-out in the first reaches the second at once', async () => {
      const context = await example.browser.newContext();
      const page = await context.newPage();
      await page.goto(example.app.url);
      const username = await example.signInWithProvider(page);
      await page.getByRole('heading', { name: `Signed in as ${username}` }).waitFor();

      // A second tab of the same origin shares the session the callback stored.
      const second = await context.newPage();
      await second.goto(`${example.app.url}/account`);
      await second.getByRole('heading', { name: 'Your account' }).waitFor();
      await screenshot(second, 'vite-spa-7-account-second-tab');

      // Signing out in the first tab reaches the second at once: its protected route sends it to sign-in.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await second.waitForURL(`${example.app.url}/`);
      await second.getByLabel('Username', { exact: true }).waitFor();
      await page.waitForURL(`${example.app.url}/`);
      await page.getByLabel('Username', { exact: true }).waitFor();
      await context.close();
    });
  },
);

describe('the Vite SPA example against the local emulator (cognito-local)', () => {
  let pool: Awaited<ReturnType<typeof startLocalPool>>;
  let local: RunningApp;

  beforeAll(async () => {
    pool = await startLocalPool();
    // Built as the README's "Point your app at the local pool" says: its endpoint and the password flow.
    await build(example.dir, ['node_modules/vite/bin/vite.js', 'build', '--outDir', 'dist-local'], {
      VITE_COGNITO_REGION: LOCAL_POOL.region,
      VITE_COGNITO_USER_POOL_ID: LOCAL_POOL.userPoolId,
      VITE_COGNITO_CLIENT_ID: LOCAL_POOL.clientId,
      VITE_COGNITO_ENDPOINT: pool.endpoint,
      VITE_COGNITO_AUTH_FLOW: 'USER_PASSWORD_AUTH',
    });
    local = await startApp(example.dir, (port) => ['node_modules/vite/bin/vite.js', 'preview', '--outDir', 'dist-local', '--host', '127.0.0.1', '--port', String(port), '--strictPort']);
  }, 120_000);

  afterAll(async () => {
    await local?.stop();
    pool?.stop();
  });

  it('signs a TOTP user in; the account page hides the devices the emulator does not have, without an error', async () => {
    const context = await example.browser.newContext();
    const page = await context.newPage();
    await page.goto(local.url);
    await page.getByLabel('Username', { exact: true }).fill('tia');
    await page.getByLabel('Password', { exact: true }).fill('Wrong-passw0rd!');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    // The emulator's wrong password is read as wrong credentials, not "Something went wrong".
    await expect.poll(() => page.getByRole('alert').filter({ hasText: /\S/ }).first().textContent()).toContain('Incorrect username or password.');
    await page.getByLabel('Password', { exact: true }).fill(LOCAL_POOL.users.tia!.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByLabel('Code', { exact: true }).fill(await totpCode(LOCAL_POOL.totpSecret, Date.now()));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByRole('heading', { name: 'Signed in as tia' }).waitFor();

    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
    await expect.poll(() => page.locator('[data-section="devices"]').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.getByText('Something went wrong. Try again.').count()).toBe(0);
    await screenshot(page, 'vite-spa-5-local-pool-account');
    await context.close();
  });
});

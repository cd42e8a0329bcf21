/**
 * examples/vite-spa (browser mode: the page speaks to the pool itself, the session in localStorage) built
 * with `tsc -b && vite build`, served by `vite preview`, driven in Chromium against the simulated pool over
 * HTTP (CORS), with two tabs.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { totpCode } from '../../src/testing/index.js';
import { startLocalPool, LOCAL_POOL } from '../../scripts/localPool.mjs';
import { build, copyExample, npmInstall, removeExample, run, startApp, type RunningApp } from './support/app.js';
import { expectThemeLayout, launch, screenshot, signInWithTotp, wrongPassword } from './support/browser.js';
import { POOLS } from './support/users.js';

const USER = 'spa-user';
let dir: string;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  dir = copyExample('vite-spa', inject('examplesTarball'));
  await npmInstall(dir);
  const env = {
    VITE_COGNITO_REGION: 'eu-west-1',
    VITE_COGNITO_USER_POOL_ID: POOLS.public.userPoolId,
    VITE_COGNITO_CLIENT_ID: POOLS.public.clientId,
    VITE_COGNITO_ENDPOINT: inject('examplePools').public,
  };
  // The scaffold's build script: the type check, then the bundle.
  await run(process.execPath, ['node_modules/typescript/bin/tsc', '-b'], { cwd: dir });
  await build(dir, ['node_modules/vite/bin/vite.js', 'build'], env);
  app = await startApp(dir, (port) => ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort']);
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  removeExample(dir);
});

describe('the Vite SPA example', () => {
  it("keeps the theme laid out under the Vite scaffold's CSS (#root { text-align: center })", async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByLabel('Username', { exact: true }).waitFor();
    await screenshot(page, 'vite-spa-1-sign-in');
    await expectThemeLayout(page);
    await page.close();
  });

  it('protects /account with useRequireAuth: back to the sign-in page while signed out', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/account`);
    await page.waitForURL(`${app.url}/`);
    await page.getByLabel('Username', { exact: true }).waitFor();
    await page.close();
  });

  it('signs a TOTP user in, keeps the session in localStorage across a reload and a second tab, signs out in both', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    await wrongPassword(page, USER, 'vite-spa-2-wrong-password');
    await signInWithTotp(page, USER, 'vite-spa-3');
    // localStorage, as the example chose: the session is there (and so readable by page scripts).
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys).toContain(`cognito-react.${POOLS.public.clientId}.${USER}.session`);

    await page.reload();
    await page.getByRole('heading', { name: `Signed in as ${USER}` }).waitFor();

    // A second tab of the same origin shares the session.
    const second = await context.newPage();
    await second.goto(`${app.url}/account`);
    await second.getByRole('heading', { name: 'Your account' }).waitFor();
    await screenshot(second, 'vite-spa-4-account-second-tab');

    // Signing out in the first tab reaches the second at once: its protected route sends it to sign-in.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username', { exact: true }).waitFor();
    await second.waitForURL(`${app.url}/`);
    await second.getByLabel('Username', { exact: true }).waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('.session')))).toEqual([]);
    await page.reload();
    await page.getByLabel('Username', { exact: true }).waitFor();
    await context.close();
  });
});

describe('the Vite SPA example against the local emulator (cognito-local)', () => {
  let pool: Awaited<ReturnType<typeof startLocalPool>>;
  let local: RunningApp;

  beforeAll(async () => {
    pool = await startLocalPool();
    // Built as the README's "Point your app at the local pool" says: its endpoint and the password flow.
    await build(dir, ['node_modules/vite/bin/vite.js', 'build', '--outDir', 'dist-local'], {
      VITE_COGNITO_REGION: LOCAL_POOL.region,
      VITE_COGNITO_USER_POOL_ID: LOCAL_POOL.userPoolId,
      VITE_COGNITO_CLIENT_ID: LOCAL_POOL.clientId,
      VITE_COGNITO_ENDPOINT: pool.endpoint,
      VITE_COGNITO_AUTH_FLOW: 'USER_PASSWORD_AUTH',
    });
    local = await startApp(dir, (port) => ['node_modules/vite/bin/vite.js', 'preview', '--outDir', 'dist-local', '--host', '127.0.0.1', '--port', String(port), '--strictPort']);
  }, 120_000);

  afterAll(async () => {
    await local?.stop();
    pool?.stop();
  });

  it('signs a TOTP user in; the account page hides the devices the emulator does not have, without an error', async () => {
    const context = await browser.newContext();
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

/**
 * examples/express (server mode: toNodeListener, a protected JSON API, the page built by Vite) from the
 * packed package, run with `node server.js`, driven in Chromium against the simulated pool over HTTP (the
 * shared scenario of support/scenario.ts), then against the local emulator.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, startApp, type RunningApp } from './support/app.js';
import { expectNoTokenInPage, wrongPassword } from './support/browser.js';
import { describeExample } from './support/scenario.js';
import { startLocalPool, LOCAL_POOL } from '../../scripts/localPool.mjs';
import { COOKIE_SECRET } from './support/users.js';

const orders = (page: Page) => page.getByTestId('orders').textContent();

const example = describeExample(
  {
    name: 'express',
    title: 'the Express example',
    mode: 'server',
    build: (dir, env) => build(dir, ['node_modules/vite/bin/vite.js', 'build'], env).then(() => undefined),
    start: () => ['server.js'],
    clientFiles: 'dist',
    // The protected API answers with the cookie only.
    async expectSignedIn(page: Page) {
      await expect.poll(() => orders(page)).toBe('Your orders: A cup of tea');
    },
    async expectSignedOut(page: Page) {
      expect(await page.evaluate(async () => (await fetch('/api/orders')).status)).toBe(401);
    },
  },
  () => {
    it('answers the protected API with 401 and no data while signed out', async () => {
      const res = await fetch(`${example.app.direct}/api/orders`);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'NotSignedIn' });
    });
  },
);

describe('the Express example against the local emulator (cognito-local)', () => {
  let pool: Awaited<ReturnType<typeof startLocalPool>>;
  let local: RunningApp;

  beforeAll(async () => {
    pool = await startLocalPool();
    // Configured as the README's "Point your app at the local pool" says: the SDK client at its endpoint,
    // the password flow, a cookie without Secure; the issuer is the emulator's own (<endpoint>/<pool id>).
    // No managed login (the emulator has none): no provider's button, the plain sign-out.
    local = await startApp(example.dir, () => ['server.js'], {
      COGNITO_REGION: LOCAL_POOL.region,
      COGNITO_USER_POOL_ID: LOCAL_POOL.userPoolId,
      COGNITO_CLIENT_ID: LOCAL_POOL.clientId,
      COOKIE_SECRET,
      COGNITO_ENDPOINT: pool.endpoint,
      COGNITO_AUTH_FLOW: 'USER_PASSWORD_AUTH',
    });
  }, 120_000);

  afterAll(async () => {
    await local?.stop();
    pool?.stop();
  });

  it('signs a user in with a password through the server, the protected API answers, sign-out ends it', async () => {
    const context = await example.browser.newContext();
    const page = await context.newPage();
    await page.goto(local.url);
    await wrongPassword(page, 'pat', 'express-7-local-wrong-password');
    expect(await page.getByRole('button', { name: /^Continue with/ }).count()).toBe(0);
    await page.getByLabel('Password', { exact: true }).fill(LOCAL_POOL.users.pat!.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Signed in as pat' }).waitFor();
    await expect.poll(() => orders(page)).toBe('Your orders: A cup of tea');
    await expectNoTokenInPage(page);
    await page.reload();
    await page.getByRole('heading', { name: 'Signed in as pat' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username', { exact: true }).waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/orders')).status)).toBe(401);
    await context.close();
  });
});

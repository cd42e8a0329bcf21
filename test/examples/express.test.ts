/**
 * examples/express (server mode: toNodeListener, a protected JSON API, the page built by Vite) from the
 * packed package, run with `node server.js`, driven in Chromium against the simulated pool over HTTP.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { build, copyExample, findInFiles, npmInstall, removeExample, serverEnv, startApp, type RunningApp } from './support/app.js';
import { expectNoTokenInPage, expectThemeLayout, launch, screenshot, signInWithTotp, wrongPassword } from './support/browser.js';
import { startLocalPool, LOCAL_POOL } from '../../scripts/localPool.mjs';
import { COOKIE_SECRET, POOLS } from './support/users.js';

const USER = 'express-user';
let dir: string;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  dir = copyExample('express', inject('examplesTarball'));
  await npmInstall(dir);
  await build(dir, ['node_modules/vite/bin/vite.js', 'build']);
  app = await startApp(dir, () => ['server.js'], serverEnv(inject('examplePools').confidential));
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  removeExample(dir);
});

describe('the Express example', () => {
  it('ships no server module or secret to the browser', () => {
    expect(findInFiles(join(dir, 'dist'), [COOKIE_SECRET, POOLS.confidential.clientSecret, 'cookieSecrets', 'createAuthHandler', 'node:crypto'])).toEqual({});
  });

  it('ships no AWS SDK client to the browser: server mode speaks only to its own server', () => {
    expect(findInFiles(join(dir, 'dist'), ['CognitoIdentityProviderClient'])).toEqual({});
  });

  it('answers the protected API with 401 and no data while signed out', async () => {
    const res = await fetch(`${app.url}/api/orders`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'NotSignedIn' });
  });

  it('keeps the theme laid out under the page CSS', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByLabel('Username', { exact: true }).waitFor();
    await screenshot(page, 'express-1-sign-in');
    await expectThemeLayout(page);
    await page.close();
  });

  it('signs a TOTP user in through toNodeListener, calls the protected API with the cookie only, survives a reload, signs out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    await wrongPassword(page, USER, 'express-2-wrong-password');
    await signInWithTotp(page, USER, 'express-3');
    await expect.poll(() => page.getByTestId('orders').textContent()).toBe('Your orders: A cup of tea');
    await expectNoTokenInPage(page);

    await page.reload();
    await page.getByRole('heading', { name: `Signed in as ${USER}` }).waitFor();
    await expect.poll(() => page.getByTestId('orders').textContent()).toBe('Your orders: A cup of tea');
    await expectNoTokenInPage(page);
    await screenshot(page, 'express-4-reloaded');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username', { exact: true }).waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/orders')).status)).toBe(401);
    await page.reload();
    await page.getByLabel('Username', { exact: true }).waitFor();
    await context.close();
  });
});

describe('the Express example against the local emulator (cognito-local)', () => {
  let pool: Awaited<ReturnType<typeof startLocalPool>>;
  let local: RunningApp;

  beforeAll(async () => {
    pool = await startLocalPool();
    // Configured as the README's "Point your app at the local pool" says: the SDK client at its endpoint,
    // the password flow, a cookie without Secure; the issuer is the emulator's own (<endpoint>/<pool id>).
    local = await startApp(dir, () => ['server.js'], {
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
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(local.url);
    await wrongPassword(page, 'pat', 'express-5-local-wrong-password');
    await page.getByLabel('Password', { exact: true }).fill(LOCAL_POOL.users.pat!.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Signed in as pat' }).waitFor();
    await expect.poll(() => page.getByTestId('orders').textContent()).toBe('Your orders: A cup of tea');
    await expectNoTokenInPage(page);
    await page.reload();
    await page.getByRole('heading', { name: 'Signed in as pat' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username', { exact: true }).waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/orders')).status)).toBe(401);
    await context.close();
  });
});

/**
 * examples/nextjs (App Router, server mode) built with `next build` from the packed package, run with
 * `next start`, and driven in Chromium against the simulated pool over HTTP.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { build, copyExample, findInFiles, npmInstall, removeExample, serverEnv, startApp, type RunningApp } from './support/app.js';
import { expectNoTokenInPage, expectThemeLayout, launch, screenshot, signInWithTotp, wrongPassword } from './support/browser.js';
import { COOKIE_SECRET, POOLS } from './support/users.js';

const USER = 'next-user';
let dir: string;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  dir = copyExample('nextjs', inject('examplesTarball'));
  await npmInstall(dir);
  const env = { NEXT_TELEMETRY_DISABLED: '1' };
  await build(dir, ['node_modules/next/dist/bin/next', 'build'], env);
  app = await startApp(dir, (port) => ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    ...env,
    ...serverEnv(inject('examplePools').confidential),
  });
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  removeExample(dir);
});

describe('the Next.js example', () => {
  it('ships no server module or secret to the browser', () => {
    const found = findInFiles(join(dir, '.next/static'), [
      COOKIE_SECRET,
      POOLS.confidential.clientSecret,
      'cookieSecrets',
      'createAuthHandler',
      'node:crypto',
    ]);
    expect(found).toEqual({});
  });

  it('ships no AWS SDK client to the browser: server mode speaks only to its own server', () => {
    expect(findInFiles(join(dir, '.next/static'), ['CognitoIdentityProviderClient'])).toEqual({});
  });

  it('keeps the theme laid out under the host CSS of create-next-app (* { padding: 0; margin: 0 })', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByLabel('Username', { exact: true }).waitFor();
    await screenshot(page, 'nextjs-1-sign-in');
    await expectThemeLayout(page);
    await page.close();
  });

  it('protects /account: redirected to the sign-in page while signed out', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${app.url}/account`);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(response?.ok()).toBe(true);
    await page.getByLabel('Username', { exact: true }).waitFor();
    await page.close();
  });

  it('signs a TOTP user in through the route handler, keeps the tokens on the server, survives a reload, signs out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    await wrongPassword(page, USER, 'nextjs-2-wrong-password');
    await signInWithTotp(page, USER, 'nextjs-3');
    // The server component renders again with the new cookie.
    await expect.poll(() => page.getByTestId('server-user').textContent()).toBe(`The server sees ${USER}.`);
    await expectNoTokenInPage(page);

    // The route handler reads the session from the cookie.
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me).toEqual({ username: USER });

    // A reload: the HttpOnly cookie keeps the session, read by the server component before any script runs.
    await page.reload();
    expect(await page.getByTestId('server-user').textContent()).toBe(`The server sees ${USER}.`);
    await page.getByRole('heading', { name: `Signed in as ${USER}` }).waitFor();
    await expectNoTokenInPage(page);

    // The protected page, with <AccountSettings> through the server.
    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('heading', { name: `Account of ${USER}` }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await screenshot(page, 'nextjs-4-account');
    await expectNoTokenInPage(page);

    // Signing out there leads back to the sign-in page, and the server sees nobody.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${app.url}/`);
    await page.getByLabel('Username', { exact: true }).waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    await page.reload();
    expect(await page.getByTestId('server-user').textContent()).toBe('The server sees nobody signed in.');
    await screenshot(page, 'nextjs-5-signed-out');
    await context.close();
  });
});

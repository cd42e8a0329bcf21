/**
 * examples/react-router (React Router 7 framework mode, server mode: the handler as a resource route,
 * loaders reading the session) built with `react-router build`, run with `react-router-serve`, driven in
 * Chromium against the simulated pool over HTTP.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { build, copyExample, findInFiles, npmInstall, removeExample, serverEnv, startApp, type RunningApp } from './support/app.js';
import { expectNoTokenInPage, expectThemeLayout, launch, screenshot, signInWithTotp, wrongPassword } from './support/browser.js';
import { COOKIE_SECRET, POOLS } from './support/users.js';

const USER = 'rr-user';
let dir: string;
let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  dir = copyExample('react-router', inject('examplesTarball'));
  await npmInstall(dir);
  await build(dir, ['node_modules/@react-router/dev/bin.js', 'build']);
  app = await startApp(dir, () => ['node_modules/@react-router/serve/bin.js', './build/server/index.js'], serverEnv(inject('examplePools').confidential));
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  removeExample(dir);
});

describe('the React Router example', () => {
  it('ships no server module or secret to the browser', () => {
    expect(findInFiles(join(dir, 'build/client'), [COOKIE_SECRET, POOLS.confidential.clientSecret, 'cookieSecrets', 'createAuthHandler', 'node:crypto'])).toEqual({});
  });

  it('ships no AWS SDK client to the browser: server mode speaks only to its own server', () => {
    expect(findInFiles(join(dir, 'build/client'), ['CognitoIdentityProviderClient'])).toEqual({});
  });

  it('keeps the theme laid out under the page CSS', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByLabel('Username', { exact: true }).waitFor();
    await screenshot(page, 'react-router-1-sign-in');
    await expectThemeLayout(page);
    await page.close();
  });

  it("protects /account: the loader redirects while signed out", async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/account`);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByLabel('Username', { exact: true }).waitFor();
    await page.close();
  });

  it('signs a TOTP user in through the resource route, loaders read the session, survives a reload, signs out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(app.url);
    await wrongPassword(page, USER, 'react-router-2-wrong-password');
    await signInWithTotp(page, USER, 'react-router-3');
    // The loader runs again after the sign-in and reads the new cookie.
    await expect.poll(() => page.getByTestId('server-user').textContent()).toBe(`The server sees ${USER}.`);
    await expectNoTokenInPage(page);

    await page.reload();
    expect(await page.getByTestId('server-user').textContent()).toBe(`The server sees ${USER}.`);
    await page.getByRole('heading', { name: `Signed in as ${USER}` }).waitFor();
    await expectNoTokenInPage(page);

    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('heading', { name: `Account of ${USER}` }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await screenshot(page, 'react-router-4-account');
    await expectNoTokenInPage(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${app.url}/`);
    await page.getByLabel('Username', { exact: true }).waitFor();
    await page.reload();
    expect(await page.getByTestId('server-user').textContent()).toBe('The server sees nobody signed in.');
    await context.close();
  });
});

/** Driving an example in Chromium (Debian's, through playwright-core), as a user would. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import { totpCode } from '../../../src/testing/index.js';
import { PASSWORD, secretOf } from './users.js';

const screenshots = resolve(import.meta.dirname, '../../../test-screenshots/examples');

export function launch(): Promise<Browser> {
  mkdirSync(screenshots, { recursive: true });
  return chromium.launch(chromiumLaunchOptions);
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true });

/** A wrong password: the specific error is shown, and the username is kept. */
export async function wrongPassword(page: Page, username: string, shot: string) {
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill('Wrong-passw0rd!');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect.poll(() => page.getByRole('alert').filter({ hasText: /\S/ }).first().textContent()).toContain('Incorrect username or password.');
  expect(await page.getByLabel('Username', { exact: true }).inputValue()).toBe(username);
  expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
  await screenshot(page, shot);
}

/** Password, then the authenticator code (computed from the user's TOTP secret). */
export async function signInWithTotp(page: Page, username: string, shot: string) {
  await page.getByLabel('Username', { exact: true }).fill(username);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const code = page.getByLabel('Code', { exact: true });
  await code.waitFor();
  await code.fill(await totpCode(secretOf(username), Date.now()));
  await screenshot(page, `${shot}-totp`);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await page.getByRole('heading', { name: `Signed in as ${username}` }).waitFor();
  await screenshot(page, `${shot}-signed-in`);
}

/** A JWT (header.payload.signature, base64url of `{"`): the shape of every Cognito token. */
const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/;

/** Server mode: no token where page scripts could read it, nor in the page's HTML. */
export async function expectNoTokenInPage(page: Page) {
  const seen = await page.evaluate(() => ({
    cookie: document.cookie,
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    html: document.documentElement.outerHTML,
  }));
  expect(seen.cookie).not.toMatch(JWT);
  expect(seen.local).not.toMatch(JWT);
  expect(seen.session).not.toMatch(JWT);
  expect(seen.html).not.toMatch(JWT);
  expect(await page.content()).not.toMatch(JWT);
}

/**
 * The theme keeps its layout under the host's own CSS (a `* { padding: 0 }` reset, centred text): the
 * computed padding of the form's root, inputs and buttons, and the labels' alignment.
 */
export async function themeLayout(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('.cognito-react') as HTMLElement;
    const input = root.querySelector('input:not([type="radio"])') as HTMLElement;
    // The primary action: the first button in the form may be the show-password toggle, an icon without padding.
    const button = (root.querySelector('button[type="submit"]') ?? root.querySelector('button')) as HTMLElement;
    const label = root.querySelector('label') as HTMLElement;
    const px = (el: HTMLElement, p: string) => parseFloat(getComputedStyle(el).getPropertyValue(p));
    return {
      rootPadding: px(root, 'padding-top'),
      inputPadding: px(input, 'padding-left'),
      buttonPadding: px(button, 'padding-left'),
      labelAlign: getComputedStyle(label).textAlign,
      inputFontSize: px(input, 'font-size'),
    };
  });
}

export async function expectThemeLayout(page: Page) {
  const layout = await themeLayout(page);
  expect(layout.rootPadding, 'padding of .cognito-react').toBeGreaterThan(0);
  expect(layout.inputPadding, 'padding of the inputs').toBeGreaterThan(0);
  expect(layout.buttonPadding, 'padding of the buttons').toBeGreaterThan(0);
  expect(['start', 'left'], 'alignment of the labels').toContain(layout.labelAlign);
  expect(layout.inputFontSize, 'font size of the inputs').toBeGreaterThanOrEqual(14);
}

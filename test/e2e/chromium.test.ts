/**
 * Server mode end to end in Chromium (Debian's, through playwright-core): the example server's page signs a
 * TOTP user in through the server. The page's scripts never see a token (`document.cookie` holds only the
 * CSRF token), the app's own API answers from the sealed cookie, and a forged or replayed cookie is refused.
 * Screenshots go to test-screenshots/ (not in git).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/testing/index';
import { startExampleServer } from './exampleServer';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

const PASSWORD = 'Passw0rd!long';
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const screenshots = resolve(dirname(fileURLToPath(import.meta.url)), '../../test-screenshots');
let example: Awaited<ReturnType<typeof startExampleServer>>;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  example = await startExampleServer();
  browser = await chromium.launch(chromiumLaunchOptions);
});
afterAll(async () => {
  await browser?.close();
  await example?.stop();
});

async function signIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(example.url);
  await page.getByLabel('Username', { exact: true }).fill('tia');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.screenshot({ path: `${screenshots}/server-mode-1-credentials.png` });
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Code', { exact: true }).fill(await totpCode(TOTP, Date.now()));
  await page.screenshot({ path: `${screenshots}/server-mode-2-totp.png` });
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('heading', { name: 'Signed in as tia' }).waitFor();
  return page;
}

const apiStatus = (page: Page) => page.evaluate(async () => (await fetch('/api/me')).status);

describe('server mode in Chromium', () => {
  it('signs in with TOTP through the server; no script can read a token; the app API knows the user', async () => {
    const context = await browser.newContext();
    const page = await signIn(context);
    await expect.poll(() => page.getByTestId('me').textContent()).toBe('Your API says: tia@example.com');
    await page.screenshot({ path: `${screenshots}/server-mode-3-signed-in.png` });
    const visible = await page.evaluate(() => document.cookie);
    expect(visible).toMatch(/^cognito-session-csrf=[\w-]+$/);
    expect(visible).not.toMatch(/eyJ/);
    const cookies = await context.cookies();
    const sealed = cookies.filter((c) => c.name.startsWith('cognito-session.'));
    expect(sealed.length).toBeGreaterThan(0);
    for (const c of sealed) {
      expect(c.httpOnly).toBe(true);
      expect(c.sameSite).toBe('Lax');
      expect(c.value).not.toMatch(/eyJ/);
    }
    // A reload keeps the session: it lives in the cookie, not in the page.
    await page.reload();
    await page.getByRole('heading', { name: 'Signed in as tia' }).waitFor();
    await context.close();
  });

  it('refuses a forged cookie: the page is signed out and the API answers 401', async () => {
    const context = await browser.newContext();
    const page = await signIn(context);
    const [first] = (await context.cookies()).filter((c) => c.name === 'cognito-session.0');
    const flipped = first!.value.slice(0, 30) + (first!.value[30] === 'A' ? 'B' : 'A') + first!.value.slice(31);
    await context.addCookies([{ ...first!, value: flipped }]);
    expect(await apiStatus(page)).toBe(401);
    await page.reload();
    await page.getByLabel('Username', { exact: true }).waitFor();
    await page.screenshot({ path: `${screenshots}/server-mode-4-forged-cookie.png` });
    await context.close();
  });

  it('refuses a cookie replayed after sign-out', async () => {
    const context = await browser.newContext();
    const page = await signIn(context);
    const saved = await context.cookies();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Username', { exact: true }).waitFor();
    expect(await apiStatus(page)).toBe(401);
    await context.addCookies(saved);
    expect(await apiStatus(page)).toBe(401);
    await page.reload();
    await page.getByLabel('Username', { exact: true }).waitFor();
    await context.close();
  });
});

/**
 * What every example's test does, written once: the app copied out, the packed package installed, its
 * production build and server, Chromium; then the checks all four share (no secret in the browser's files,
 * the theme under the host's CSS, a protected route, a password + TOTP sign-in, a sign-in through the
 * simulated Google with real redirects between the app and the pool's managed login, each surviving a
 * reload and ending in a federated sign-out through the pool's /logout). The examples' differences are
 * the parameters; each test file adds its own checks through the handle returned.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyExample, findInFiles, npmInstall, removeExample, serverEnv, startApp, type RunningApp } from './app.js';
import { expectNoTokenInPage, expectThemeLayout, launch, screenshot, signInWithTotp, wrongPassword } from './browser.js';
import { COOKIE_SECRET, EXAMPLE_USERS, POOLS, PROVIDER, type ExampleName } from './users.js';

export interface ExampleSpec {
  name: ExampleName;
  /** The suite's name: `the Next.js example`. */
  title: string;
  /** Server mode (`cognito-react/server`, the confidential client) or browser mode (the public client). */
  mode: 'server' | 'browser';
  /** The production build, once installed: `node <bin> ...` in `dir` with `env` (what the build may read). */
  build: (dir: string, env: NodeJS.ProcessEnv) => Promise<void>;
  /** `node <args>` of the production server on `port`. */
  start: (port: number) => string[];
  /** Added to the build's and the server's environment. */
  env?: NodeJS.ProcessEnv;
  /** Server mode: the folder (under the app) of the files browsers get; checked for secrets and server code. */
  clientFiles?: string;
  /** A route that needs a session: opened signed out, the app shows the sign-in page at `/` instead. */
  protectedPath?: string;
  /** What the app shows of `username` beside its heading once signed in (after the sign-in and after a reload). */
  expectSignedIn?: (page: Page, username: string) => Promise<void>;
  /** From the signed-in page to a click on "Sign out" (default: the button on that page). */
  signOut?: (page: Page, username: string) => Promise<void>;
  /** What the app shows once signed out, beside the sign-in form (after a reload too). */
  expectSignedOut?: (page: Page) => Promise<void>;
}

/** What a test file gets to add its own checks: set once `beforeAll` has run. */
export interface Example {
  dir: string;
  app: RunningApp;
  browser: Browser;
  /** The simulated pool the app signs in with (its managed login at the same origin). */
  pool: string;
  /** The pool user (password + TOTP) and the simulated Google's account of this example. */
  user: (typeof EXAMPLE_USERS)[ExampleName];
  /** Through the simulated Google in `page` (at the app's sign-in page): back at the app, signed in as `Google_<sub>`. */
  signInWithProvider: (page: Page, shot?: string) => Promise<string>;
}

const JWT = /eyJ[\w-]+\.eyJ[\w-]+/;

export function describeExample(spec: ExampleSpec, more?: (example: Example) => void): Example {
  const example = { user: EXAMPLE_USERS[spec.name] } as Example;
  const server = spec.mode === 'server';

  beforeAll(async () => {
    const pools = inject('examplePools');
    const port = inject('examplePorts')[spec.name];
    example.pool = server ? pools.confidential : pools.public;
    example.dir = copyExample(spec.name, inject('examplesTarball'));
    const env: NodeJS.ProcessEnv = {
      ...(server
        ? serverEnv(pools.confidential, port)
        : {
            VITE_COGNITO_REGION: 'eu-west-1',
            VITE_COGNITO_USER_POOL_ID: POOLS.public.userPoolId,
            VITE_COGNITO_CLIENT_ID: POOLS.public.clientId,
            VITE_COGNITO_ENDPOINT: pools.public,
            VITE_COGNITO_OAUTH_DOMAIN: pools.public,
            VITE_COGNITO_OAUTH_PROVIDERS: PROVIDER,
          }),
      ...spec.env,
    };
    await npmInstall(example.dir);
    await spec.build(example.dir, env);
    example.app = await startApp(example.dir, spec.start, env, port);
    example.browser = await launch();
    // Install and production build: minutes on a loaded machine (Next.js's alone took 100 s of 2 busy cores).
  }, 600_000);

  afterAll(async () => {
    await example.browser?.close();
    await example.app?.stop();
    removeExample(example.dir);
  });

  const signInPage = (page: Page) => page.getByLabel('Username', { exact: true });

  async function expectSignedIn(page: Page, username: string) {
    await page.getByRole('heading', { name: `Signed in as ${username}` }).waitFor();
    await spec.expectSignedIn?.(page, username);
    if (server) await expectNoTokenInPage(page);
  }

  /** Sign-out (federated: the app's server or store, then the pool's /logout), back at the app's `/` signed out. */
  async function signOut(context: BrowserContext, page: Page, username: string, shot: string) {
    const asked: string[] = [];
    page.on('request', (r) => asked.push(r.url()));
    if (spec.signOut) await spec.signOut(page, username);
    else await page.getByRole('button', { name: 'Sign out' }).click();
    const logout = `${example.pool}/logout?client_id=${server ? POOLS.confidential.clientId : POOLS.public.clientId}&logout_uri=${encodeURIComponent(`${example.app.url}/`)}`;
    await expect.poll(() => asked.includes(logout), { timeout: 15_000 }).toBe(true);
    await page.waitForURL(`${example.app.url}/`);
    await signInPage(page).waitFor();
    // The managed-login session ended too: the next sign-in through it is not silently this account.
    expect((await context.cookies(example.pool)).map((c) => c.name)).not.toContain('cognito-sim-session');
    await spec.expectSignedOut?.(page);
    if (!server) expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('.session')))).toEqual([]);
    await screenshot(page, `${spec.name}-${shot}-signed-out`);
    await page.reload();
    await signInPage(page).waitFor();
    await spec.expectSignedOut?.(page);
  }

  example.signInWithProvider = async (page, shot) => {
    const { sub, email } = example.user.google;
    await page.getByRole('button', { name: `Continue with ${PROVIDER}` }).click();
    await page.getByRole('heading', { name: `${PROVIDER} (simulated identity provider)` }).waitFor();
    expect(new URL(page.url()).origin).toBe(example.pool);
    if (shot) await screenshot(page, `${spec.name}-${shot}-provider`);
    await page.getByRole('button', { name: email }).click();
    await page.waitForURL((url) => url.origin === example.app.url && url.pathname === '/');
    return `${PROVIDER}_${sub}`;
  };

  describe(spec.title, () => {
    if (server) {
      it('ships no server module or secret to the browser', () => {
        const files = join(example.dir, spec.clientFiles as string);
        expect(findInFiles(files, [COOKIE_SECRET, POOLS.confidential.clientSecret, 'cookieSecrets', 'createAuthHandler', 'node:crypto'])).toEqual({});
      });

      it('ships no AWS SDK client to the browser: server mode speaks only to its own server', () => {
        expect(findInFiles(join(example.dir, spec.clientFiles as string), ['CognitoIdentityProviderClient'])).toEqual({});
      });
    }

    it("keeps the theme laid out under the host's CSS, the provider's button above the form", async () => {
      const page = await example.browser.newPage();
      await page.goto(example.app.url);
      await signInPage(page).waitFor();
      await page.getByRole('button', { name: `Continue with ${PROVIDER}` }).waitFor();
      await screenshot(page, `${spec.name}-1-sign-in`);
      await expectThemeLayout(page);
      await page.close();
    });

    if (spec.protectedPath) {
      it(`protects ${spec.protectedPath}: back to the sign-in page while signed out`, async () => {
        const page = await example.browser.newPage();
        await page.goto(`${example.app.url}${spec.protectedPath}`);
        await page.waitForURL(`${example.app.url}/`);
        await signInPage(page).waitFor();
        await page.close();
      });
    }

    it('signs a TOTP user in with a password, survives a reload, signs out', async () => {
      const { username } = example.user;
      const context = await example.browser.newContext();
      const page = await context.newPage();
      await page.goto(example.app.url);
      await wrongPassword(page, username, `${spec.name}-2-wrong-password`);
      await signInWithTotp(page, username, `${spec.name}-3`);
      await expectSignedIn(page, username);
      await page.reload();
      await expectSignedIn(page, username);
      await signOut(context, page, username, '4');
      await context.close();
    });

    it('signs in with the simulated Google through the managed login (real redirects, PKCE), survives a reload, signs out through /logout', async () => {
      const context = await example.browser.newContext();
      const page = await context.newPage();
      const urls: string[] = [];
      page.on('request', (r) => urls.push(r.url()));
      await page.goto(example.app.url);
      const username = await example.signInWithProvider(page, '5');
      await expectSignedIn(page, username);
      await screenshot(page, `${spec.name}-5-signed-in`);
      // The callback's code and state are gone from the address bar; no token ever was in a URL.
      expect(page.url()).toBe(`${example.app.url}/`);
      const authorize = urls.find((u) => u.startsWith(`${example.pool}/oauth2/authorize?`));
      expect(authorize && new URL(authorize).searchParams.get('code_challenge_method')).toBe('S256');
      for (const u of urls) expect(u).not.toMatch(JWT);
      if (server) {
        // The confidential client's secret and the verifier stay on the app's server.
        for (const u of urls) expect(u).not.toMatch(new RegExp(`${POOLS.confidential.clientSecret}|code_verifier`));
        expect(urls.some((u) => u.startsWith(`${example.app.url}/api/auth/oauth/callback?`))).toBe(true);
      } else {
        expect(urls.some((u) => u.startsWith(`${example.app.url}/callback?`))).toBe(true);
        // The pending sign-in (state, verifier) was used once and removed.
        expect(await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.includes('.oauth.')))).toEqual([]);
      }
      await page.reload();
      await expectSignedIn(page, username);
      expect((await context.cookies(example.pool)).map((c) => c.name)).toContain('cognito-sim-session');
      await signOut(context, page, username, '6');
      await context.close();
    });

    more?.(example);
  });
  return example;
}

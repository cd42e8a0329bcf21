/**
 * Managed login in browser mode, end to end in Chromium with real redirects: the app's page (bundled here
 * with Vite, served on http://localhost) goes to the simulated pool's domain (its plain request handler on
 * http://127.0.0.1, another site), through the simulated Google, back to /callback, where
 * `<RedirectCallback>` exchanges the code from the page itself (CORS) and signs the user in.
 */
import { createServer, type Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { closeServers, listen } from './support/nodeServers';
import { toNodeListener } from '../../src/server/index';
import { createUserPoolSimulator, type UserPoolSimulator } from '../../src/testing/index';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
let browser: Browser;
let idpServer: Server;
let appServer: Server;
let sim: UserPoolSimulator;
let app = '';
let idp = '';
/** Set by a test: the managed login's redirects back to the app are kept here (in order) instead of followed. */
let held: string[] | null = null;

async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    // Vitest runs with NODE_ENV=test, which would pick React's development JSX runtime.
    oxc: { jsx: { runtime: 'automatic', development: false } },
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      modulePreload: false,
      rolldownOptions: { input: join(root, 'test/e2e/oauthBrowserApp.tsx'), output: { codeSplitting: false } },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as { output: { type: string; code?: string }[] }[];
  const chunks = outputs.flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  return chunks.map((c) => c.code).join('\n');
}

beforeAll(async () => {
  const script = await bundle();
  let idpHandler: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 });
  idpServer = createServer(toNodeListener((request) => idpHandler(request)));
  idp = `http://127.0.0.1:${await listen(idpServer)}`;
  appServer = createServer(
    toNodeListener(async (request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/app.js') return new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
      if (pathname === '/favicon.ico') return new Response(null, { status: 404 });
      return new Response(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title><script>window.IDP = ${JSON.stringify(idp)};</script></head><body><main id="root"></main><script type="module" src="/app.js"></script></body></html>`,
        { headers: { 'content-type': 'text/html; charset=utf-8' } },
      );
    }),
  );
  app = `http://localhost:${await listen(appServer)}`;
  sim = createUserPoolSimulator({
    userPoolId: 'eu-west-1_E2eOAuth2',
    clientId: 'e2ebrowserclient',
    users: [],
    oauth: { domain: idp, callbackUrls: [`${app}/callback`], identityProviders: [{ name: 'Google', users: [{ sub: '555', attributes: { email: 'gus@gmail.example' } }] }] },
  });
  idpHandler = async (request) => {
    const response = (await sim.managedLogin!.handle(request)) ?? new Response('Not found', { status: 404 });
    const location = response.headers.get('location');
    if (held && location?.startsWith(`${app}/callback`)) {
      held.push(location);
      return new Response('<!doctype html><title>Held</title><h1>Held</h1>', { headers: { 'content-type': 'text/html' } });
    }
    return response;
  };
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
  await closeServers([idpServer, appServer]);
});

describe('browser-mode managed login in Chromium', () => {
  it('signs in through the simulated Google; the address bar loses code and state; the session is stored; a reload keeps it', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${app}/`);
    await tab.getByRole('button', { name: 'Continue with Google' }).click();
    await tab.getByRole('heading', { name: 'Google (simulated identity provider)' }).waitFor();
    expect(new URL(tab.url()).origin).toBe(idp);
    await tab.getByRole('button', { name: 'gus@gmail.example' }).click();
    await tab.getByRole('heading', { name: 'Signed in as Google_555' }).waitFor();
    expect(tab.url()).toBe(`${app}/orders`);
    expect(await tab.evaluate(() => Object.keys(sessionStorage).filter((k) => k.includes('oauth')))).toEqual([]);
    expect(await tab.evaluate(() => Object.keys(localStorage).some((k) => k.includes('e2ebrowserclient')))).toBe(true);
    // Back in history is the callback route without its code and state.
    await tab.goBack();
    expect(tab.url()).toBe(`${app}/callback`);
    await tab.goto(`${app}/`);
    await tab.getByRole('heading', { name: 'Signed in as Google_555' }).waitFor();
    await context.close();
  });

  it('the callback opened in another tab is refused there (its sessionStorage holds no sign-in), and the first tab still completes', async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(`${app}/`);
    // The first tab's redirect back is held at the pool's domain, so another tab gets the callback first.
    held = [];
    await first.getByRole('button', { name: 'Continue with Google' }).click();
    await first.getByRole('button', { name: 'gus@gmail.example' }).click();
    await first.getByRole('heading', { name: 'Held' }).waitFor();
    const callback = held[0] as string;
    held = null;
    expect(callback).toContain('code=');
    const second = await context.newPage();
    await second.goto(callback);
    await second.getByRole('alert').filter({ hasText: 'started in another tab' }).waitFor();
    await first.goto(callback);
    await first.getByRole('heading', { name: 'Signed in as Google_555' }).waitFor();
    await context.close();
  });

  /** Through the simulated Google in `tab`, its redirect back held: the callback URL it would have opened. */
  async function heldSignIn(tab: import('playwright-core').Page): Promise<string> {
    const before = (held as string[]).length;
    await tab.goto(`${app}/`);
    await tab.getByRole('button', { name: 'Continue with Google' }).click();
    await tab.getByRole('button', { name: 'gus@gmail.example' }).click();
    await tab.getByRole('heading', { name: 'Held' }).waitFor();
    expect((held as string[]).length).toBe(before + 1);
    return (held as string[])[before] as string;
  }

  it("two tabs sign in at once: each tab's state is its own; the first callback signs in, the other tab then finds the user signed in and exchanges nothing", async () => {
    const context = await browser.newContext();
    const older = await context.newPage();
    const newer = await context.newPage();
    held = [];
    const olderCallback = await heldSignIn(older);
    const newerCallback = await heldSignIn(newer);
    held = null;
    expect(new URL(olderCallback).searchParams.get('state')).not.toBe(new URL(newerCallback).searchParams.get('state'));
    const exchanges: string[] = [];
    context.on('request', (r) => void (r.url().startsWith(`${idp}/oauth2/token`) && r.method() === 'POST' && exchanges.push(r.url())));
    // The newer tab completes first: its own state, its own verifier.
    await newer.goto(newerCallback);
    await newer.getByRole('heading', { name: 'Signed in as Google_555' }).waitFor();
    expect(exchanges).toHaveLength(1);
    // The older tab's callback matches the sign-in that tab started (no mismatch), but a user is signed in
    // by now (the session is shared through localStorage): it says so, and its code is not exchanged.
    await older.goto(olderCallback);
    await older.getByRole('alert').filter({ hasText: 'You are already signed in.' }).waitFor();
    expect(exchanges).toHaveLength(1);
    expect(await older.evaluate(() => Object.keys(sessionStorage).filter((k) => k.includes('oauth')))).toEqual([]);
    await older.goto(`${app}/`);
    await older.getByRole('heading', { name: 'Signed in as Google_555' }).waitFor();
    await context.close();
  });

  it("two sign-ins started in one tab: the older's callback is refused (OAuthStateMismatch) and leaves the newer pending, which then completes", async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    held = [];
    const olderCallback = await heldSignIn(tab);
    const newerCallback = await heldSignIn(tab);
    held = null;
    await tab.goto(olderCallback);
    await tab.getByRole('alert').filter({ hasText: 'This sign-in link does not belong to this window.' }).waitFor();
    await tab.goto(newerCallback);
    await tab.getByRole('heading', { name: 'Signed in as Google_555' }).waitFor();
    // Used once: the same callback again, in the same tab, finds no sign-in in progress.
    await tab.goto(newerCallback);
    await tab.getByRole('alert').filter({ hasText: 'This sign-in was started in another tab or browser, or is already complete.' }).waitFor();
    await context.close();
  });
});

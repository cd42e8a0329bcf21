/**
 * Managed login in server mode, end to end in Chromium with real redirects: the app's server (the auth
 * handler with `oauth`) on http://localhost, the simulated pool's managed login mounted on its own server
 * at http://127.0.0.1 (another site), and the browser going back and forth between them. The app's page
 * never sees the client secret, a code verifier or a token.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createServer, type Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';
import { closeServers, listen } from './support/nodeServers';
import { createAuthHandler, toNodeListener } from '../../src/server/index';
import { createUserPoolSimulator, type UserPoolSimulator } from '../../src/testing/index';

const POOL = 'eu-west-1_E2eOAuth1';
const CLIENT = 'e2eoauthclient';
const SECRET = 'e2e-client-secret-that-stays-on-the-server';

let browser: Browser;
let idpServer: Server;
let appServer: Server;
let sim: UserPoolSimulator;
let app = '';
let idp = '';

const page = (title: string, body: string) =>
  new Response(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`, {
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });

beforeAll(async () => {
  // Ports first: the simulator's domain and the app's callback URL are these servers' addresses.
  let idpHandler: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 });
  let appHandler: (request: Request) => Promise<Response> = async () => new Response(null, { status: 503 });
  idpServer = createServer(toNodeListener((request) => idpHandler(request)));
  appServer = createServer(toNodeListener((request) => appHandler(request)));
  idp = `http://127.0.0.1:${await listen(idpServer)}`;
  app = `http://localhost:${await listen(appServer)}`;
  const callback = `${app}/api/auth/oauth/callback`;
  sim = createUserPoolSimulator({
    userPoolId: POOL,
    clientId: CLIENT,
    clientSecret: SECRET,
    users: [],
    oauth: { domain: idp, callbackUrls: [callback], identityProviders: [{ name: 'Google', users: [{ sub: '1234567890', attributes: { email: 'gina@gmail.example' } }] }] },
  });
  idpHandler = async (request) => (await sim.managedLogin!.handle(request)) ?? new Response('Not found', { status: 404 });
  const auth = createAuthHandler({
    region: 'eu-west-1',
    userPoolId: POOL,
    clientId: CLIENT,
    clientSecret: SECRET,
    cookieSecrets: ['an-e2e-cookie-secret-of-32-characters-or-more'],
    cookie: { secure: false },
    client: new CognitoIdentityProviderClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } }),
    oauth: { domain: idp, redirectUri: callback, errorPath: '/signin-error' },
  });
  appHandler = async (request) => {
    const { pathname, searchParams } = new URL(request.url);
    if (pathname.startsWith('/api/auth/')) return auth(request);
    if (pathname === '/') return page('Sign in', '<a href="/api/auth/oauth/start?provider=Google&amp;returnTo=%2Fhome%3Ftab%3D2">Continue with Google</a>');
    if (pathname === '/home') {
      const session = await auth.getSession(request);
      return page('Home', session ? `<h1>Signed in as ${session.user.username}</h1>` : '<h1>Signed out</h1>');
    }
    if (pathname === '/signin-error') return page('Error', `<h1>Sign-in failed: ${(searchParams.get('auth_error') ?? '').replace(/[^\w]/g, '')}</h1>`);
    return new Response('Not found', { status: 404 });
  };
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
  await closeServers([idpServer, appServer]);
});

describe('server-mode managed login in Chromium', () => {
  it('signs in through the simulated Google with real redirects; the browser never carries the secret, verifier or a token', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const urls: string[] = [];
    tab.on('request', (r) => urls.push(r.url()));
    await tab.goto(`${app}/`);
    await tab.getByRole('link', { name: 'Continue with Google' }).click();
    await tab.getByRole('heading', { name: 'Google (simulated identity provider)' }).waitFor();
    expect(new URL(tab.url()).origin).toBe(idp);
    await tab.getByRole('button', { name: 'gina@gmail.example' }).click();
    await tab.getByRole('heading', { name: 'Signed in as Google_1234567890' }).waitFor();
    expect(tab.url()).toBe(`${app}/home?tab=2`);
    expect(urls.some((u) => u.includes('/oauth2/authorize?') && u.includes('code_challenge_method=S256'))).toBe(true);
    for (const u of urls) {
      expect(u).not.toContain(SECRET);
      expect(u).not.toContain('code_verifier');
      expect(u).not.toMatch(/eyJ[\w-]+\.eyJ/);
    }
    const cookies = await context.cookies(app);
    expect(cookies.some((c) => c.name.startsWith('cognito-session.') && c.httpOnly)).toBe(true);
    expect(cookies.some((c) => c.name === 'cognito-session-oauth')).toBe(false);
    expect(await tab.evaluate(() => document.cookie)).not.toMatch(/eyJ/);
    await context.close();
  });

  it('a cancel at the provider lands on the error page with the error name; an outside returnTo is refused', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${app}/`);
    await tab.getByRole('link', { name: 'Continue with Google' }).click();
    await tab.getByRole('button', { name: 'Cancel' }).click();
    await tab.getByRole('heading', { name: 'Sign-in failed: OAuthCancelled' }).waitFor();
    const refused = await tab.goto(`${app}/api/auth/oauth/start?provider=Google&returnTo=${encodeURIComponent('https://evil.example/')}`);
    expect(refused?.status()).toBe(400);
    expect(new URL(tab.url()).origin).toBe(app);
    await context.close();
  });
});

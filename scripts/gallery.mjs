// The gallery: every step and state of our prebuilt forms beside Amplify's <Authenticator> in the same
// state, light and dark, at 360 px and 1280 px, in Chromium, as PNGs and one HTML contact sheet.
//
//   npm run gallery                 all states (writes test-screenshots/gallery/*.png and index.html)
//   npm run gallery -- sign-in sms  only the states whose id starts with one of these
//
// A Vite dev server (127.0.0.1, a free port) serves stories/gallery/ (the page renders one state against a
// simulated user pool, through the MSW worker that `npm run msw:worker` installs); playwright-core drives
// Debian's Chromium through the typing and clicking that reach each state. Not part of `npm test`: heavy.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { chromiumLaunchOptions } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'test-screenshots/gallery');
const PASSWORD = 'Passw0rd!long';
const LONG = 'maximiliana.wolfeschlegelsteinhausenbergerdorff@subdomain.example-company.com';

// Actions: ['fill', label, value] (label: exact text, or /regex/ source with flags i), ['click', button
// name], ['check', checkbox label], ['hang', operation], ['wait', ms]; ['css', selector, value] and ['press', selector] fill and click
// by CSS selector (for the pages in other languages). Each library has its own labels.
const ours = {
  signIn: (username, password = PASSWORD) => [
    ['fill', 'Username', username],
    ['fill', 'Password', password],
    ['click', 'Sign in'],
    ['wait', 1200],
  ],
};
/** Typing and submitting by input name, which both libraries share: for the right-to-left pages. */
const byName = {
  signIn: (username, password = PASSWORD) => [
    ['css', 'input[name="username"]', username],
    ['css', 'input[name="password"]', password],
    ['press', 'button[type="submit"]'],
  ],
};
const amplify = {
  signIn: (username, password = PASSWORD) => [
    ['fill', /^username/i, username],
    ['fill', /^password$/i, password],
    ['click', /^sign in$/i],
    ['wait', 2500],
  ],
};

/** Every state, with how each library reaches it. */
const STATES = [
  { id: 'sign-in', title: 'Sign in (idle)', ours: { view: 'signIn' }, amplify: { view: 'signIn' } },
  {
    id: 'sign-in-invalid',
    title: 'Sign in, submitted empty',
    ours: { view: 'signIn', actions: [['click', 'Sign in']] },
    amplify: { view: 'signIn', actions: [['click', /^sign in$/i], ['wait', 300]] },
  },
  {
    id: 'sign-in-error',
    title: 'Sign in, wrong password',
    ours: { view: 'signIn', actions: ours.signIn('pat', 'Wrong-passw0rd') },
    amplify: { view: 'signIn', actions: amplify.signIn('pat', 'Wrong-passw0rd') },
  },
  {
    id: 'sign-in-pending',
    title: 'Sign in, pending',
    ours: { view: 'signIn', actions: [['fill', 'Username', 'pat'], ['fill', 'Password', PASSWORD], ['hang', 'InitiateAuth'], ['click', 'Sign in'], ['wait', 400]] },
    amplify: {
      view: 'signIn',
      actions: [['fill', /^username/i, 'pat'], ['fill', /^password$/i, PASSWORD], ['hang', 'InitiateAuth'], ['click', /^sign in$/i], ['wait', 400]],
    },
  },
  {
    id: 'sign-in-long',
    title: 'Sign in, long values and an error',
    ours: { view: 'signIn', actions: ours.signIn(LONG, 'Wrong-passw0rd') },
    amplify: { view: 'signIn', actions: amplify.signIn(LONG, 'Wrong-passw0rd') },
  },
  { id: 'sign-up', title: 'Create an account (idle)', ours: { view: 'signUp' }, amplify: { view: 'signUp' } },
  {
    id: 'sign-up-fields',
    title: 'Create an account: phone with dial code, date, URL (and our terms box), a wrong number',
    ours: { view: 'signUpFields', actions: [['wait', 800], ['fill', 'Username', 'newbie'], ['fill', 'Phone number', '4155'], ['check', 'I accept the terms and conditions'], ['click', 'Create account'], ['wait', 300]] },
    amplify: { view: 'signUpFields', actions: [['wait', 800], ['fill', /^username/i, 'newbie'], ['fill', /^phone number/i, '4155'], ['wait', 300]] },
  },
  {
    id: 'sign-up-error',
    title: 'Create an account, passwords that differ',
    ours: {
      view: 'signUp',
      actions: [['fill', 'Username', 'newbie'], ['fill', 'Email', 'newbie@example.com'], ['fill', 'Password', PASSWORD], ['fill', 'Confirm password', 'Other-passw0rd'], ['click', 'Create account'], ['wait', 300]],
    },
    amplify: {
      view: 'signUp',
      actions: [['fill', /^username/i, 'newbie'], ['fill', /^email/i, 'newbie@example.com'], ['fill', /^password$/i, PASSWORD], ['fill', /^confirm password/i, 'Other-passw0rd'], ['wait', 600]], // Amplify disables the button instead
    },
  },
  { id: 'forgot-password', title: 'Reset password (idle)', ours: { view: 'forgotPassword' }, amplify: { view: 'forgotPassword' } },
  {
    id: 'confirm-forgot-password',
    title: 'Reset password, code and new password',
    ours: { view: 'forgotPassword', actions: [['fill', 'Username', 'pat'], ['click', 'Send code'], ['wait', 1200]] },
    amplify: { view: 'forgotPassword', actions: [['fill', /username/i, 'pat'], ['click', /^send code$/i], ['wait', 2000]] },
  },
  { id: 'sms-mfa', title: 'SMS code (SMS_MFA)', ours: { view: 'signIn', reach: 'sam' }, amplify: { view: 'signIn', actions: amplify.signIn('sam') } },
  {
    id: 'sms-mfa-error',
    title: 'SMS code, wrong code',
    ours: { view: 'signIn', reach: 'sam', actions: [['fill', 'Code', '000000'], ['click', 'Verify'], ['wait', 1200]] },
    amplify: { view: 'signIn', actions: [...amplify.signIn('sam'), ['fill', /^code/i, '000000'], ['click', /^confirm$/i], ['wait', 2000]] },
  },
  { id: 'totp-mfa', title: 'Authenticator code (SOFTWARE_TOKEN_MFA)', ours: { view: 'signIn', reach: 'tia' }, amplify: { view: 'signIn', actions: amplify.signIn('tia') } },
  { id: 'select-mfa', title: 'Choose a method (SELECT_MFA_TYPE)', ours: { view: 'signIn', reach: 'sol' }, amplify: { view: 'signIn', actions: amplify.signIn('sol') } },
  {
    id: 'new-password',
    title: 'New password required (NEW_PASSWORD_REQUIRED)',
    ours: { view: 'signIn', reach: 'nia' },
    amplify: { view: 'signIn', actions: amplify.signIn('nia', 'Temp0rary!pass') },
  },
  {
    id: 'mfa-setup',
    title: 'Set up an authenticator app (MFA_SETUP)',
    ours: { view: 'signIn', reach: 'pat', pool: 'mfaOn' },
    amplify: { view: 'signIn', pool: 'mfaOn', actions: amplify.signIn('pat') },
  },
  { id: 'account', title: 'Account settings (long values)', ours: { view: 'account' }, amplify: { view: 'account' } },
  { id: 'slots', title: 'Header and footer slots', ours: { view: 'slots' }, amplify: { view: 'slots' } },
  { id: 'federated', title: 'Federated sign-in: provider buttons above the form', ours: { view: 'federated' }, amplify: { view: 'federated' } },
  {
    id: 'sign-up-policy',
    title: 'Create an account, a password policy and a password part of the way there',
    ours: { view: 'signUp', policy: 'on', actions: [['fill', 'Username', 'newbie'], ['fill', 'Email', 'newbie@example.com'], ['fill', 'Password', 'Passw0rd'], ['fill', 'Confirm password', 'Passw0rd'], ['wait', 300]] },
    amplify: {
      view: 'signUp',
      policy: 'on',
      actions: [['fill', /^username/i, 'newbie'], ['fill', /^email/i, 'newbie@example.com'], ['fill', /^password$/i, 'Passw0rd'], ['fill', /^confirm password/i, 'Passw0rd'], ['wait', 600]],
    },
  },
  {
    id: 'account-policy',
    title: 'Account settings, changing the password under a password policy (ours only)',
    ours: { view: 'account', policy: 'on', actions: [['fill', 'New password', 'new pass 1'], ['wait', 300]] },
  },
  {
    id: 'sign-up-policy-refused',
    title: 'Create an account, submitted with a rule unmet (ours; Amplify keeps the button disabled)',
    ours: { view: 'signUp', policy: 'on', actions: [['fill', 'Username', 'newbie'], ['fill', 'Email', 'newbie@example.com'], ['fill', 'Password', 'Passw0rd'], ['fill', 'Confirm password', 'Passw0rd'], ['click', 'Create account'], ['wait', 300]] },
  },
  {
    id: 'rtl-sign-in',
    title: 'Right to left (Hebrew): sign in, wrong password',
    ours: { view: 'signIn', lang: 'he', actions: [...byName.signIn('pat', 'Wrong-passw0rd'), ['wait', 1200]] },
    amplify: { view: 'signIn', lang: 'he', actions: [...byName.signIn('pat', 'Wrong-passw0rd'), ['wait', 2500]] },
  },
  {
    id: 'rtl-sms-mfa',
    title: 'Right to left (Hebrew): SMS code (SMS_MFA)',
    ours: { view: 'signIn', lang: 'he', reach: 'sam' },
    amplify: { view: 'signIn', lang: 'he', actions: [...byName.signIn('sam'), ['wait', 2500]] },
  },
  {
    id: 'rtl-select-mfa',
    title: 'Right to left (Hebrew): choose a method (SELECT_MFA_TYPE)',
    ours: { view: 'signIn', lang: 'he', reach: 'sol' },
    amplify: { view: 'signIn', lang: 'he', actions: [...byName.signIn('sol'), ['wait', 2500]] },
  },
  {
    id: 'rtl-sign-up-policy',
    title: 'Right to left (Hebrew): create an account under a password policy',
    ours: { view: 'signUp', lang: 'he', policy: 'on', actions: [['css', 'input[name="username"]', 'newbie'], ['css', 'input[name="password"]', 'Passw0rd'], ['css', 'input[name="confirm"]', 'Passw0rd'], ['wait', 300]] },
    amplify: {
      view: 'signUp',
      lang: 'he',
      policy: 'on',
      actions: [['css', 'input[name="username"]', 'newbie'], ['css', 'input[name="password"]', 'Passw0rd'], ['css', 'input[name="confirm_password"]', 'Passw0rd'], ['wait', 600]],
    },
  },
  {
    id: 'rtl-sign-up-phone',
    title: 'Right to left (Hebrew): create an account with a phone number (written left to right)',
    ours: { view: 'signUpFields', lang: 'he', actions: [['wait', 800], ['css', 'input[name="username"]', 'newbie'], ['css', 'input[name="attribute:phone_number"]', '+972 50 123 4567'], ['wait', 300]] },
    amplify: { view: 'signUpFields', lang: 'he', actions: [['wait', 800], ['css', 'input[name="username"]', 'newbie'], ['css', 'input[name="phone_number"]', '50 123 4567'], ['wait', 300]] },
  },
  {
    id: 'rtl-new-password-ar',
    title: 'Right to left (Arabic, ours only: Amplify has no Arabic): NEW_PASSWORD_REQUIRED under a password policy',
    ours: { view: 'signIn', lang: 'ar', policy: 'on', reach: 'nia', actions: [['css', 'input[name="newPassword"]', 'Passw0rd'], ['wait', 300]] },
  },
  { id: 'callback-pending', title: 'Redirect callback, completing (ours only)', ours: { view: 'callbackPending' } },
  { id: 'callback-error', title: 'Redirect callback, the provider refused (ours only)', ours: { view: 'callbackError' } },
  {
    id: 'verify-contact',
    title: 'After sign-in: verify an unverified email or phone',
    ours: { view: 'signIn', after: 'verify', actions: ours.signIn('vera') },
    amplify: { view: 'signIn', actions: amplify.signIn('vera') },
  },
  {
    id: 'verify-contact-code',
    title: 'After sign-in: the verification code',
    ours: { view: 'signIn', after: 'verify', actions: [...ours.signIn('vera'), ['click', 'Send code'], ['wait', 1200]] },
    amplify: { view: 'signIn', actions: [...amplify.signIn('vera'), ['click', /^verify$/i], ['wait', 2000]] },
  },
  {
    id: 'remember-device',
    title: 'After sign-in: remember this device? (ours only)',
    ours: { view: 'signIn', after: 'device', pool: 'devices', reach: 'sam', actions: [['fillCode', 'Code', 'sam'], ['click', 'Verify'], ['wait', 1500]] },
  },
  { id: 'add-passkey', title: 'After sign-in: add a passkey (ours only)', ours: { view: 'signIn', after: 'passkey', actions: ours.signIn('pia') } },
];

const WIDTHS = [360, 1280];
const THEMES = ['light', 'dark'];
const LIBS = ['ours', 'amplify'];
const only = process.argv.slice(2);
const states = only.length ? STATES.filter((s) => only.some((o) => s.id.startsWith(o))) : STATES;

const toLabel = (label) => (typeof label === 'string' ? { text: label, exact: true } : { text: label, exact: false });

async function run(page, actions) {
  for (const [kind, a, b] of actions) {
    if (kind === 'fill') {
      const { text, exact } = toLabel(a);
      await page.getByLabel(text, { exact }).first().fill(b, { timeout: 8000 });
    } else if (kind === 'click') {
      const { text, exact } = toLabel(a);
      await page.getByRole('button', { name: text, exact }).first().click({ timeout: 8000 });
    } else if (kind === 'css') {
      await page.locator(a).first().fill(b, { timeout: 8000 });
    } else if (kind === 'press') {
      await page.locator(a).first().click({ timeout: 8000 });
    } else if (kind === 'check') {
      const { text, exact } = toLabel(a);
      await page.getByLabel(text, { exact }).first().check({ timeout: 8000 });
    } else if (kind === 'fillCode') {
      const code = await page.evaluate((username) => window.gallery.code(username), b);
      await page.getByLabel(a, { exact: true }).first().fill(code ?? '', { timeout: 8000 });
    } else if (kind === 'hang') {
      await page.evaluate((operation) => window.gallery.hang(operation), a);
    } else if (kind === 'wait') {
      await page.waitForTimeout(a);
    }
  }
}

const server = await createServer({
  configFile: false,
  root: join(root, 'stories/gallery'),
  publicDir: join(root, '.storybook/public'),
  logLevel: 'error',
  define: { global: 'globalThis' },
  server: { host: '127.0.0.1', port: 0, strictPort: false, fs: { allow: [root] } },
  optimizeDeps: { include: ['@aws-amplify/ui-react', 'aws-amplify', 'aws-amplify/auth', 'aws-amplify/utils', 'react', 'react-dom/client', 'msw', 'msw/browser'] },
});
await server.listen();
const address = server.httpServer.address();
const base = `http://127.0.0.1:${address.port}/`;
const browser = await chromium.launch(chromiumLaunchOptions);
const shots = [];
const failures = [];
if (!only.length) rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
try {
  for (const width of WIDTHS) {
    for (const theme of THEMES) {
      const context = await browser.newContext({ viewport: { width, height: width === 360 ? 780 : 900 }, colorScheme: theme, deviceScaleFactor: 1 });
      for (const state of states) {
        for (const lib of LIBS) {
          const spec = state[lib];
          if (!spec) continue;
          const file = `${state.id}--${lib}--${theme}--${width}.png`;
          const page = await context.newPage();
          const query = new URLSearchParams({
            lib,
            view: spec.view,
            theme,
            ...(spec.reach ? { reach: spec.reach } : {}),
            ...(spec.pool ? { pool: spec.pool } : {}),
            ...(spec.lang ? { lang: spec.lang } : {}),
            ...(spec.policy ? { policy: spec.policy } : {}),
            ...(spec.after ? { after: spec.after } : {}),
          });
          try {
            await page.goto(`${base}?${query}`);
            await page.waitForFunction(() => window.gallery?.ready === true, null, { timeout: 60_000 });
            await page.waitForTimeout(lib === 'amplify' ? 900 : 500);
            await run(page, spec.actions ?? []);
            // Move the pointer away and let transitions finish.
            await page.mouse.move(0, 0);
            await page.waitForTimeout(250);
            await page.screenshot({ path: join(out, file), fullPage: true, animations: 'disabled' });
            shots.push({ state: state.id, lib, theme, width, file });
            console.log(`✓ ${file}`);
          } catch (error) {
            failures.push(`${file}: ${String(error).split('\n')[0]}`);
            console.log(`✗ ${file}: ${String(error).split('\n')[0]}`);
            await page.screenshot({ path: join(out, file), fullPage: true }).catch(() => undefined);
            shots.push({ state: state.id, lib, theme, width, file, failed: true });
          } finally {
            await page.close();
          }
        }
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const cell = (shot, label) =>
  shot
    ? `<figure class="${shot.failed ? 'failed' : ''}"><a href="${shot.file}"><img src="${shot.file}" loading="lazy" alt="${label}"></a><figcaption>${label}</figcaption></figure>`
    : '<figure></figure>';
const find = (state, lib, theme, width) => shots.find((s) => s.state === state && s.lib === lib && s.theme === theme && s.width === width);
const sections = states
  .map((state) => {
    const rows = WIDTHS.map((width) => {
      const cells = THEMES.flatMap((theme) => LIBS.map((lib) => cell(find(state.id, lib, theme, width), `${lib === 'ours' ? 'cognito-react' : 'Amplify'} · ${theme} · ${width} px`)));
      return `<div class="row w${width}">${cells.join('')}</div>`;
    });
    return `<section id="${state.id}"><h2>${state.title}</h2>${rows.join('')}</section>`;
  })
  .join('\n');
// A run of some states writes its own sheet, and leaves the full one (index.html) as it was.
const sheet = only.length ? 'partial.html' : 'index.html';
writeFileSync(
  join(out, sheet),
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>Gallery: cognito-react beside Amplify's Authenticator</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;background:#fafafa;color:#111}
h1{font-size:22px}h2{font-size:17px;margin:32px 0 8px;border-top:1px solid #ddd;padding-top:16px}
.row{display:grid;gap:12px;margin-bottom:12px;align-items:start}
.w360{grid-template-columns:repeat(4,360px)}.w1280{grid-template-columns:repeat(4,minmax(0,1fr))}
figure{margin:0}img{display:block;width:100%;border:1px solid #ccc;background:#fff}
figcaption{color:#555;margin-top:4px}.failed img{outline:3px solid #c00}
nav a{margin-right:12px}
</style>
<h1>cognito-react (ours) beside Amplify's &lt;Authenticator&gt;: every state, light and dark, 360 px and 1280 px</h1>
<p>Made by <code>npm run gallery</code>. Each row: ours light · Amplify light · ours dark · Amplify dark.</p>
<nav>${states.map((s) => `<a href="#${s.id}">${s.title}</a>`).join('')}</nav>
${sections}
</html>`,
);
console.log(`\n${shots.length - failures.length} screenshots, ${failures.length} failed; contact sheet: test-screenshots/gallery/${sheet}`);
if (failures.length) {
  console.log(failures.join('\n'));
  process.exitCode = 1;
}

/**
 * The theme (cognito-react/styles.css) in Chromium, under the CSS the apps people start from bring with
 * them: a create-next-app globals.css reset, the Vite React scaffold's index.css and App.css, Tailwind v4's
 * preflight. The forms must keep their layout under each, read from computed styles; and the design
 * system's parts (links, danger, sections, bullets, skeletons, dark scheme) are checked where they are drawn.
 * Also: a full sign-in with the keyboard alone, and reflow at 320 CSS px (a 640 px window at 200 % zoom)
 * without horizontal scrolling.
 */
import { setupWorker } from 'msw/browser';
import { StrictMode, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import preflight from 'tailwindcss/preflight.css?raw';
import theme from '../../src/styles.css?raw';
import { createCognitoAuth } from '../../src/core/index.js';
import { AccountSettings, Authentication, CognitoProvider, FederatedSignIn, SignIn } from '../../src/index.js';
import { createUserPoolSimulator, totpCode } from '../../src/testing/index.js';

const PASSWORD = 'Passw0rd!long';
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** create-next-app's default app/globals.css (the reset that used to beat the layered theme). */
const NEXT_GLOBALS = `
:root { --background: #ffffff; --foreground: #171717; }
@media (prefers-color-scheme: dark) { :root { --background: #0a0a0a; --foreground: #ededed; } }
html, body { max-width: 100vw; overflow-x: hidden; }
body { color: var(--foreground); background: var(--background); font-family: Arial, Helvetica, sans-serif; -webkit-font-smoothing: antialiased; }
* { box-sizing: border-box; padding: 0; margin: 0; }
a { color: inherit; text-decoration: none; }
@media (prefers-color-scheme: dark) { html { color-scheme: dark; } }
`;

/** The Vite react-ts scaffold's src/index.css and src/App.css (the #root rule centres every line). */
const VITE_SCAFFOLD = `
:root { font-family: system-ui, Avenir, Helvetica, Arial, sans-serif; line-height: 1.5; font-weight: 400; color-scheme: light dark; color: rgba(255, 255, 255, 0.87); background-color: #242424; font-synthesis: none; text-rendering: optimizeLegibility; }
a { font-weight: 500; color: #646cff; text-decoration: inherit; }
body { margin: 0; display: flex; place-items: center; min-width: 320px; min-height: 100vh; }
h1 { font-size: 3.2em; line-height: 1.1; }
button { border-radius: 8px; border: 1px solid transparent; padding: 0.6em 1.2em; font-size: 1em; font-weight: 500; font-family: inherit; background-color: #1a1a1a; cursor: pointer; transition: border-color 0.25s; }
button:hover { border-color: #646cff; }
button:focus, button:focus-visible { outline: 4px auto -webkit-focus-ring-color; }
@media (prefers-color-scheme: light) { :root { color: #213547; background-color: #ffffff; } a:hover { color: #747bff; } button { background-color: #f9f9f9; } }
#root { max-width: 1280px; margin: 0 auto; padding: 2rem; text-align: center; }
`;

/** Tailwind v4's preflight, in the base layer as `@import "tailwindcss"` puts it. */
const TAILWIND = `@layer theme, base, components, utilities;\n@layer base {\n${preflight}\n}`;

const HOSTS = { 'create-next-app globals.css': NEXT_GLOBALS, 'Vite scaffold index.css + App.css': VITE_SCAFFOLD, 'Tailwind v4 preflight': TAILWIND };

let worker: ReturnType<typeof setupWorker>;
beforeAll(async () => {
  worker = setupWorker();
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
afterAll(() => worker.stop());
beforeEach(() => page.viewport(1280, 800));

let root: Root | null = null;
afterEach(async () => {
  root?.unmount();
  root = null;
  document.head.querySelectorAll('style[data-test]').forEach((s) => s.remove());
  await page.viewport(1280, 800);
});

function pool() {
  const sim = createUserPoolSimulator({
    userPoolId: 'eu-west-1_Theme1',
    clientId: 'themeclient',
    users: [
      { username: 'tia', password: PASSWORD, attributes: { email: 'tia@example.com', email_verified: 'true', name: 'Tia' }, mfa: { totpSecret: TOTP } },
      {
        username: 'lou',
        password: PASSWORD,
        attributes: {
          email: 'a.very.long.address.that.does.not.fit.on.a.small.screen@subdomain.example-company-with-a-long-name.com',
          email_verified: 'true',
          name: 'Louisa Maximiliana Wolfeschlegelsteinhausenbergerdorff',
        },
      },
    ],
  });
  worker.resetHandlers(...sim.handlers);
  const auth = createCognitoAuth({ region: sim.region, userPoolId: sim.userPoolId, clientId: sim.clientId, autoRefresh: false, clock: () => sim.now() });
  return { sim, auth };
}

function mount(ui: ReactNode, auth = pool().auth, css: string[] = []) {
  // The host's CSS first, then the theme, as an app importing both in its entry would.
  for (const [i, text] of [...css, theme].entries()) {
    const style = document.createElement('style');
    style.dataset.test = String(i);
    style.textContent = text;
    document.head.append(style);
  }
  document.body.innerHTML = '<div id="root"></div>';
  root = createRoot(document.getElementById('root')!);
  root.render(
    <StrictMode>
      <CognitoProvider auth={auth}>{ui}</CognitoProvider>
    </StrictMode>,
  );
  return auth;
}

const $ = <E extends Element = HTMLElement>(selector: string) => {
  const found = document.querySelector<E>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};
const style = (selector: string) => getComputedStyle($(selector));

/** What the sign-in form's layout is made of, element by element. */
function layout() {
  const pick = (selector: string, props: string[]) => {
    const s = style(selector);
    return Object.fromEntries(props.map((p) => [`${selector} ${p}`, s.getPropertyValue(p)]));
  };
  const box = ['padding-top', 'padding-left', 'margin-top', 'margin-bottom', 'box-sizing', 'text-align', 'font-size', 'font-weight', 'line-height', 'font-family', 'border-top-width', 'color', 'background-color'];
  return {
    ...pick('.cognito-react', [...box, 'row-gap', 'max-width']),
    ...pick('.cognito-react form', ['row-gap', 'text-align']),
    ...pick('.cognito-react h2', box),
    ...pick('.cognito-react label', box),
    ...pick('.cognito-react input[name="username"]', [...box, 'height']),
    ...pick('.cognito-react button[type="submit"]', [...box, 'border-top-left-radius']),
    ...pick('.cognito-react [data-link="signUp"]', box),
  };
}

const signInForm = () => <SignIn signUpLink={() => undefined} forgotPasswordLink={() => undefined} theme="light" />;

describe('the theme under the CSS of the apps users start from', () => {
  it('lays the form out as designed on a bare page (the reference)', async () => {
    mount(signInForm());
    await expect.element(page.getByLabelText('Username', { exact: true })).toBeVisible();
    const s = layout();
    expect(s['.cognito-react padding-top']).toBe('32px');
    expect(s['.cognito-react text-align']).toBe('start');
    expect(s['.cognito-react h2 font-size']).toBe('22px');
    expect(s['.cognito-react label font-size']).toBe('14px');
    expect(s['.cognito-react input[name="username"] padding-left']).toBe('12px');
    expect(s['.cognito-react input[name="username"] height']).toBe('44px');
    expect(s['.cognito-react form row-gap']).toBe('16px');
    expect(s['.cognito-react button[type="submit"] background-color']).toBe('rgb(37, 87, 214)');
    // Secondary actions are links: no border, no fill, the accent colour.
    expect(s['.cognito-react [data-link="signUp"] border-top-width']).toBe('0px');
    expect(s['.cognito-react [data-link="signUp"] background-color']).toBe('rgba(0, 0, 0, 0)');
    expect(s['.cognito-react [data-link="signUp"] color']).toBe('rgb(37, 87, 214)');
    // The links sit apart from each other and from the primary button.
    const submit = $('button[type="submit"]').getBoundingClientRect();
    const forgot = $('[data-link="forgotPassword"]').getBoundingClientRect();
    const signUp = $('[data-link="signUp"]').getBoundingClientRect();
    expect(forgot.top - submit.bottom).toBeGreaterThanOrEqual(12);
    expect(signUp.left - forgot.right).toBeGreaterThanOrEqual(16);
    // Labels start at the card's content edge, not centred.
    const card = $('.cognito-react').getBoundingClientRect();
    expect($('label').getBoundingClientRect().left - card.left).toBeLessThan(30);
  });

  for (const [host, css] of Object.entries(HOSTS)) {
    it(`keeps every measured style under ${host}`, async () => {
      mount(signInForm());
      await expect.element(page.getByLabelText('Username', { exact: true })).toBeVisible();
      const reference = layout();
      root?.unmount();
      mount(signInForm(), undefined, [css]);
      await expect.element(page.getByLabelText('Username', { exact: true })).toBeVisible();
      expect(layout()).toEqual(reference);
      // In a shrink-to-fit host (the Vite scaffold centres #root in a flex body) the card is as wide as its
      // content, never squeezed below it.
      const card = $('.cognito-react').getBoundingClientRect();
      expect(card.width).toBeGreaterThanOrEqual(340);
      expect($('label').getBoundingClientRect().left - card.left).toBeLessThan(30);
    });
  }

  it('stays light with theme="light" under a dark system setting, and turns dark with theme="dark"', async () => {
    mount(<SignIn theme="light" />);
    await expect.element(page.getByLabelText('Username', { exact: true })).toBeVisible();
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    expect(style('.cognito-react').backgroundColor).toBe('rgb(255, 255, 255)');
    root?.unmount();
    mount(<SignIn theme="dark" />);
    await expect.element(page.getByLabelText('Username', { exact: true })).toBeVisible();
    expect(style('.cognito-react').backgroundColor).toBe('rgb(23, 26, 31)');
    root?.unmount();
    // data-theme on a wrapper reaches the roots below it.
    mount(
      <div data-theme="dark">
        <SignIn />
      </div>,
    );
    await expect.element(page.getByLabelText('Username', { exact: true })).toBeVisible();
    expect(style('.cognito-react').backgroundColor).toBe('rgb(23, 26, 31)');
    root?.unmount();
    mount(<SignIn theme="system" />);
    await expect.element(page.getByLabelText('Username', { exact: true })).toBeVisible();
    expect(style('.cognito-react').backgroundColor).toBe(dark ? 'rgb(23, 26, 31)' : 'rgb(255, 255, 255)');
  });
});

describe('account settings in the theme', () => {
  async function signedIn() {
    const p = pool();
    await p.auth.signIn({ username: 'lou', password: PASSWORD });
    return p.auth;
  }

  it('is one card of separated sections: no bullets, a title that fits, a danger button, skeletons while loading', async () => {
    const auth = await signedIn();
    mount(<AccountSettings theme="light" />, auth, [NEXT_GLOBALS]);
    // Loading: bars, not words.
    await expect.element(page.getByText('Loading…').first()).toBeInTheDocument();
    const bar = style('[data-skeleton-row]');
    expect(parseFloat(bar.height)).toBeGreaterThan(30);
    expect(style('[data-loading-label]').position).toBe('absolute');
    await expect.element(page.getByRole('button', { name: 'Save' })).toBeVisible();
    await expect.element(page.getByRole('heading', { name: 'Remembered devices' })).toBeVisible();
    expect(document.querySelectorAll('.cognito-react')).toHaveLength(1);
    for (const section of document.querySelectorAll('[data-account-section]')) {
      expect(getComputedStyle(section).borderStyle === 'none' || getComputedStyle(section).borderLeftWidth === '0px').toBe(true);
    }
    const second = style('[data-account-section="password"]');
    expect(second.borderTopWidth).toBe('1px');
    expect(second.paddingTop).toBe('24px');
    const title = $('h1');
    expect(getComputedStyle(title).fontSize).toBe('26px');
    expect(title.getBoundingClientRect().height).toBeLessThan(40);
    await expect.element(page.getByRole('button', { name: /Set up/ })).toBeVisible();
    expect(style('[data-section="mfa"] ul').listStyleType).toBe('none');
    const del = style('button[data-variant="danger"]');
    expect(del.backgroundColor).toBe('rgb(192, 39, 29)');
    expect(style('[data-account-section="password"] button[type="submit"]').backgroundColor).toBe('rgb(37, 87, 214)');
  });
});

describe('federated sign-in in the theme', () => {
  it('draws full-width outlined provider buttons, stacked, the icon before the name, above an "or" rule', async () => {
    mount(
      <SignIn
        theme="light"
        federatedProviders={<FederatedSignIn providers={[{ name: 'Google', icon: <svg data-icon="" width="20" height="20" /> }, 'SignInWithApple']} />}
      />,
      pool().auth,
      [VITE_SCAFFOLD],
    );
    await expect.element(page.getByRole('button', { name: 'Continue with Google' })).toBeVisible();
    const [google, apple] = [...document.querySelectorAll<HTMLElement>('button[data-provider]')] as [HTMLElement, HTMLElement];
    const form = $('.cognito-react form').getBoundingClientRect();
    const submit = $('.cognito-react button[type="submit"]');
    // Full width, as tall as the primary button, stacked with the spacing scale (0.75rem).
    expect(Math.round(google.getBoundingClientRect().width)).toBe(Math.round(form.width));
    expect(google.getBoundingClientRect().height).toBe(submit.getBoundingClientRect().height);
    expect(Math.round(apple.getBoundingClientRect().top - google.getBoundingClientRect().bottom)).toBe(12);
    // Secondary: outlined on the surface, the text colour, not the accent fill of the primary.
    const g = getComputedStyle(google);
    expect(g.backgroundColor).toBe('rgb(255, 255, 255)');
    expect(g.color).toBe(getComputedStyle($('.cognito-react')).color);
    expect(g.borderTopWidth).toBe('1px');
    expect(g.backgroundColor).not.toBe(getComputedStyle(submit).backgroundColor);
    // The icon comes first, then the name.
    expect($('button[data-provider] [data-icon]').getBoundingClientRect().right).toBeLessThan(google.getBoundingClientRect().left + google.getBoundingClientRect().width / 2);
    // The group's name is for screen readers only; the "or" sits centred between two rules.
    expect($('[data-federated] > p').getBoundingClientRect().width).toBeLessThanOrEqual(1);
    const or = $('.cognito-react p[data-separator]');
    expect(getComputedStyle(or, '::before').borderTopWidth).toBe('1px');
    expect(getComputedStyle(or, '::after').borderTopWidth).toBe('1px');
    expect(getComputedStyle(or).display).toBe('flex');
  });
});

describe('with the keyboard alone', () => {
  it('signs in: Tab to each field, type, Enter; the code field takes the focus; type, Enter', async () => {
    const { auth } = pool();
    mount(<SignIn theme="light" signedIn={<p>You are signed in</p>} />, auth);
    await expect.element(page.getByLabelText('Username', { exact: true })).toBeVisible();
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe($('input[name="username"]'));
    await userEvent.keyboard('tia{Tab}');
    expect(document.activeElement).toBe($('input[name="password"]'));
    await userEvent.keyboard(PASSWORD);
    // The show-password toggle is next, and works from the keyboard without submitting.
    await userEvent.keyboard('{Tab}');
    expect(document.activeElement).toBe($('button[data-reveal]'));
    await userEvent.keyboard(' ');
    expect($<HTMLInputElement>('input[name="password"]').type).toBe('text');
    expect(auth.getSnapshot().status).toBe('signedOut');
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}{Enter}');
    await expect.element(page.getByLabelText('Code', { exact: true })).toBeVisible();
    await expect.poll(() => document.activeElement === $('input[name="code"]')).toBe(true);
    await userEvent.keyboard(`${await totpCode(TOTP, Date.now())}{Enter}`);
    await expect.element(page.getByText('You are signed in')).toBeVisible();
  });
});

describe('reflow', () => {
  it('fits 320 CSS px (640 px at 200 % zoom) without horizontal scrolling, long values included', async () => {
    await page.viewport(320, 640);
    mount(<Authentication theme="light" initialView="signUp" signUpAttributes={['email', 'name']} />, undefined, [VITE_SCAFFOLD]);
    await expect.element(page.getByLabelText('Email', { exact: true })).toBeVisible();
    await userEvent.fill(page.getByLabelText('Email', { exact: true }), 'a.very.long.address.that.does.not.fit@subdomain.example-company.com');
    const fits = () => document.documentElement.scrollWidth <= document.documentElement.clientWidth;
    expect(fits()).toBe(true);
    await userEvent.click(page.getByRole('button', { name: 'Create account' }));
    expect(fits()).toBe(true);
    root?.unmount();
    const p = pool();
    await p.auth.signIn({ username: 'lou', password: PASSWORD });
    mount(<AccountSettings theme="light" />, p.auth);
    await expect.element(page.getByRole('button', { name: 'Save' })).toBeVisible();
    await expect.element(page.getByRole('heading', { name: 'Remembered devices' })).toBeVisible();
    expect(fits()).toBe(true);
    for (const el of document.querySelectorAll('.cognito-react *')) {
      expect(el.getBoundingClientRect().right, el.outerHTML.slice(0, 80)).toBeLessThanOrEqual(320.5);
    }
  });
});

// @vitest-environment happy-dom
/**
 * The language and look set once on `<CognitoProvider>` (issue 18: "messages settable once on the
 * provider"): its messages under every form's own, its locale for plurals and numbers, `lang` and `dir` on
 * the library's roots, its theme as every root's default.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { Authentication, CognitoProvider, ConfirmSignUp, SignIn, SignUp, type CognitoLocaleSettings } from '../../src/index.js';
import ar, { dir as arDir, locale as arLocale } from '../../src/locales/ar.js';
import de from '../../src/locales/de.js';
import ru from '../../src/locales/ru.js';
import { PASSWORD, createPool, mswServerPerFile } from '../helpers/pool';
import { testQueryClient } from '../react/helpers';

const server = mswServerPerFile();
const alice = { username: 'alice', password: PASSWORD, attributes: { email: 'alice@example.com', email_verified: 'true' } };

function renderUnder(settings: CognitoLocaleSettings, ui: ReactNode) {
  const pool = createPool(server, { users: [alice] });
  return render(
    <CognitoProvider auth={pool.auth} queryClient={testQueryClient()} {...settings}>
      {ui}
    </CognitoProvider>,
  );
}

const roots = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('.cognito-react')];

describe('<CognitoProvider messages locale>', () => {
  it('renders every form in the provider’s language, and a form’s own messages win', () => {
    renderUnder({ messages: de, locale: 'de' }, <SignIn messages={{ 'signIn.submit': 'Los geht’s' }} />);
    expect(screen.getByRole('heading', { name: 'Anmelden' })).toBeTruthy();
    expect(screen.getByLabelText('Benutzername')).toBeTruthy();
    expect(screen.getByLabelText('Passwort')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Los geht’s' })).toBeTruthy();
  });

  it('reaches the views <Authentication> switches to, and their lang', async () => {
    const { container } = renderUnder({ messages: de, locale: 'de' }, <Authentication />);
    await userEvent.setup().click(screen.getByRole('button', { name: de['link.signUp'] }));
    // The view's code may still be on its way (it loads when reached).
    expect(await screen.findByRole('heading', { name: de['signUp.title'] })).toBeTruthy();
    expect(roots(container).map((r) => r.getAttribute('lang'))).toEqual(['de']);
  });

  it('writes plurals by the provider’s locale: Russian "секунд" for 25 to 30 seconds, not the English "other" branch', () => {
    renderUnder({ messages: ru, locale: 'ru' }, <ConfirmSignUp username="alice" />);
    const resend = screen.getByRole('button', { name: /^Новый код через/ });
    expect(resend.textContent).toMatch(/^Новый код через (2[5-9]|30) секунд$/);
  });

  it('checks a code’s length with the digits as a number, in the locale’s words', async () => {
    renderUnder({ messages: ru, locale: 'ru' }, <ConfirmSignUp username="alice" />);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(ru['code.label']), '123');
    await user.click(screen.getByRole('button', { name: ru['confirmSignUp.submit'] }));
    expect(screen.getByText('Код должен состоять из 6 цифр.')).toBeTruthy();
  });

  it('lower-cases an attribute label inside a sentence in English only: German nouns keep their capital', async () => {
    const german = renderUnder({ messages: de, locale: 'de' }, <SignUp attributes={['email']} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: de['signUp.submit'] }));
    expect(screen.getByText('Geben Sie Folgendes ein: E-Mail-Adresse.')).toBeTruthy();
    german.unmount();
    renderUnder({}, <SignUp attributes={['email']} />);
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByText('Enter your email.')).toBeTruthy();
  });

  it('puts dir="rtl" and lang on the root for Arabic, from the locale alone or as loadMessages gives it', () => {
    const first = renderUnder({ messages: ar, locale: 'ar' }, <SignIn />);
    expect(roots(first.container).map((r) => [r.getAttribute('dir'), r.getAttribute('lang')])).toEqual([['rtl', 'ar']]);
    expect(screen.getByRole('heading', { name: ar['signIn.title'] })).toBeTruthy();
    first.unmount();
    const second = renderUnder({ locale: arLocale, dir: arDir, messages: ar }, <Authentication />);
    expect(roots(second.container).map((r) => r.getAttribute('dir'))).toEqual(['rtl']);
  });

  it('sets no lang or dir when the provider names no locale', () => {
    const { container } = renderUnder({}, <SignIn />);
    expect(roots(container).map((r) => [r.getAttribute('dir'), r.getAttribute('lang')])).toEqual([[null, null]]);
  });
});

describe('<CognitoProvider theme>', () => {
  it('is the default data-theme of every root, and a component’s theme prop wins', () => {
    const { container } = renderUnder(
      { theme: 'dark' },
      <>
        <SignIn />
        <SignIn theme="light" />
      </>,
    );
    expect(roots(container).map((r) => r.getAttribute('data-theme'))).toEqual(['dark', 'light']);
  });
});

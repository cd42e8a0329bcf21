/**
 * The gallery's page (`npm run gallery`, scripts/gallery.mjs): one state of ours or of Amplify's
 * <Authenticator>, chosen by the query string, against a simulated user pool answering through the MSW
 * worker. `?lib=ours|amplify&view=signIn|signUp|signUpFields|forgotPassword|account|slots|federated|callbackPending|callbackError&reach=<user>&pool=mfaOn&theme=light|dark`
 * (the two callback views are ours only: Amplify has no redirect page of its own), `&lang=ar|he` (right to
 * left: our locale table on the provider; Amplify's own Hebrew and `direction="rtl"`; Amplify has no
 * Arabic), `&policy=on` (a password policy of 12 characters and the four classes, given to both).
 * The script drives the rest (typing, clicking) and takes the screenshots; `window.gallery` lets it hang an
 * operation (the pending state) and tells it when the page is ready.
 */
import { delay, http } from 'msw';
import { createRoot } from 'react-dom/client';
import { createCognitoAuth } from '../../src/core/index.js';
import { createUserPoolSimulator, type UserPoolSimulatorConfig } from '../../src/testing/index.js';
import { startWorker } from '../support/worker';

const params = new URLSearchParams(location.search);
const lib = params.get('lib') ?? 'ours';
const view = params.get('view') ?? 'signIn';
const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
const reach = params.get('reach');
const lang = params.get('lang') === 'ar' ? 'ar' : params.get('lang') === 'he' ? 'he' : null;
const withPolicy = params.get('policy') === 'on';
const policy = { minLength: 12, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true };
const PASSWORD = 'Passw0rd!long';
const TOTP = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const LONG_EMAIL = 'maximiliana.wolfeschlegelsteinhausenbergerdorff@subdomain.example-company.com';

const users = {
  pat: { username: 'pat', password: PASSWORD, attributes: { email: 'pat@example.com', email_verified: 'true', name: 'Pat Doe' } },
  sam: { username: 'sam', password: PASSWORD, attributes: { email: 'sam@example.com', phone_number: '+15555550100' }, mfa: { sms: true } },
  tia: { username: 'tia', password: PASSWORD, attributes: { email: 'tia@example.com' }, mfa: { totpSecret: TOTP } },
  sol: { username: 'sol', password: PASSWORD, attributes: { email: 'sol@example.com', phone_number: '+15555550101' }, mfa: { sms: true, totpSecret: TOTP } },
  nia: { username: 'nia', password: 'Temp0rary!pass', status: 'FORCE_CHANGE_PASSWORD' as const, attributes: { email: 'nia@example.com' } },
  // After sign-in (`&after=verify|device|passkey`, the step to show): unverified contacts; a user without a passkey.
  vera: { username: 'vera', password: PASSWORD, attributes: { email: 'vera@example.com', phone_number: '+15555550123' } },
  pia: { username: 'pia', password: PASSWORD, attributes: { email: 'pia@example.com', email_verified: 'true' } },
  lou: {
    username: 'lou',
    password: PASSWORD,
    attributes: { email: LONG_EMAIL, email_verified: 'true', name: 'Louisa Maximiliana Wolfeschlegelsteinhausenbergerdorff', phone_number: '+15555550109' },
  },
} satisfies Record<string, UserPoolSimulatorConfig['users'][number]>;

declare global {
  interface Window {
    gallery: { ready: boolean; hang(operation: string): void; code(username: string): string | undefined };
  }
}

/** An app's icon for a provider (no real logos here: they are their owners' trademarks). */
function Glyph({ letter }: { letter: string }) {
  return (
    <svg viewBox="0 0 20 20" width="20" height="20">
      <circle cx="10" cy="10" r="9" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <text x="10" y="14" textAnchor="middle" fontSize="11" fontWeight="700" fill="currentColor">
        {letter}
      </text>
    </svg>
  );
}

async function main() {
  const worker = await startWorker();
  const sim = createUserPoolSimulator({
    userPoolId: 'eu-west-1_Gallery1',
    clientId: 'galleryclient',
    users: Object.values(users),
    ...(params.get('pool') === 'mfaOn' ? { mfaConfiguration: 'ON' as const } : {}),
    ...(withPolicy ? { passwordPolicy: policy } : {}),
    ...(params.get('pool') === 'devices' ? { deviceTracking: true, deviceRemembering: 'userOptIn' as const } : {}),
  });
  worker.resetHandlers(...sim.handlers);
  window.gallery = {
    ready: false,
    hang: (operation) =>
      worker.use(http.post(/cognito-idp/, ({ request }) => (request.headers.get('x-amz-target')?.endsWith(`.${operation}`) ? delay('infinite') : undefined))),
    code: (username) => sim.lastCode(username),
  };
  document.body.style.cssText = `margin:0;min-height:100vh;background:${theme === 'dark' ? '#0d0f12' : '#f3f5f8'};color-scheme:${theme}`;
  const host = document.getElementById('root') as HTMLElement;
  // A right-to-left page sets its direction and language where an app would: on the document.
  if (lang) Object.assign(document.documentElement, { dir: 'rtl', lang });
  host.style.cssText = 'padding:32px 16px';
  const root = createRoot(host);
  const reachUser = reach ? users[reach as keyof typeof users] : null;

  if (lib === 'amplify') {
    await import('@aws-amplify/ui-react/styles.css');
    const [{ Authenticator, ThemeProvider, AccountSettings, View, Heading, Text, defaultDarkModeOverride, translations }, { Amplify }, amplifyAuth, { I18n }] = await Promise.all([
      import('@aws-amplify/ui-react'),
      import('aws-amplify'),
      import('aws-amplify/auth'),
      import('aws-amplify/utils'),
    ]);
    if (lang) {
      I18n.putVocabularies(translations);
      I18n.setLanguage(lang);
    }
    const passwordFormat = withPolicy
      ? { passwordFormat: { minLength: policy.minLength, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSpecialCharacters: true } }
      : {};
    const oauth =
      view === 'federated'
        ? {
            loginWith: {
              oauth: {
                domain: 'auth.gallery.example',
                scopes: ['openid', 'email'],
                redirectSignIn: [`${location.origin}/`],
                redirectSignOut: [`${location.origin}/`],
                responseType: 'code' as const,
                providers: ['Google' as const, 'Apple' as const],
              },
            },
          }
        : {};
    Amplify.configure({ Auth: { Cognito: { userPoolId: sim.userPoolId, userPoolClientId: sim.clientId, ...oauth, ...passwordFormat } } });
    await amplifyAuth.signOut().catch(() => undefined);
    // Amplify's documented dark mode: its default theme with the dark override, colorMode chosen.
    const amplifyTheme = { name: 'gallery', overrides: [defaultDarkModeOverride] };
    if (view === 'account') {
      await amplifyAuth.signIn({ username: 'lou', password: PASSWORD });
      root.render(
        <ThemeProvider theme={amplifyTheme} colorMode={theme}>
          <View backgroundColor="var(--amplify-colors-background-primary)" padding="2rem" maxWidth="40rem" width="100%">
            <Heading level={3}>Account</Heading>
            <Text>Amplify's AccountSettings components (it has no profile, MFA, devices or passkeys parts).</Text>
            <View marginTop="1.5rem">
              <AccountSettings.ChangePassword />
            </View>
            <View marginTop="1.5rem">
              <AccountSettings.DeleteUser />
            </View>
          </View>
        </ThemeProvider>,
      );
    } else {
      const slots =
        view === 'slots'
          ? {
              Header: () => <p style={{ textAlign: 'center', fontWeight: 700, fontSize: 20, color: theme === 'dark' ? '#fff' : '#111' }}>◆ Acme</p>,
              Footer: () => <p style={{ textAlign: 'center', fontSize: 14, color: theme === 'dark' ? '#bbb' : '#555' }}>Need help? support@acme.example</p>,
            }
          : undefined;
      root.render(
        <ThemeProvider theme={amplifyTheme} colorMode={theme} direction={lang ? 'rtl' : 'ltr'}>
          <Authenticator
            initialState={view === 'signUp' || view === 'signUpFields' ? 'signUp' : view === 'forgotPassword' ? 'forgotPassword' : 'signIn'}
            signUpAttributes={view === 'signUpFields' ? ['email', 'phone_number', 'birthdate', 'website'] : ['email']}
            {...(slots ? { components: slots } : {})}
            {...(view === 'federated' ? { socialProviders: ['google', 'apple'] as ('google' | 'apple')[] } : {})}
          >
            {() => <p>Signed in</p>}
          </Authenticator>
        </ThemeProvider>,
      );
    }
  } else {
    await import('../../src/styles.css');
    const { AccountSettings, Authentication, CognitoProvider, FederatedSignIn, RedirectCallback, addPasskeyStep, rememberDeviceStep, verifyContactStep } = await import('../../src/index.js');
    const language = lang === 'ar' ? await import('../../src/locales/ar.js') : lang === 'he' ? await import('../../src/locales/he.js') : null;
    const settings = {
      ...(language ? { messages: language.default, locale: language.locale, dir: language.dir } : {}),
      ...(withPolicy
        ? { passwordPolicy: { MinimumLength: policy.minLength, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true } }
        : {}),
    };
    const { signInWithRedirect } = await import('../../src/core/index.js');
    let authorizeUrl = '';
    const auth = createCognitoAuth({
      region: sim.region,
      userPoolId: sim.userPoolId,
      clientId: sim.clientId,
      autoRefresh: false,
      clock: () => sim.now(),
      ...(params.get('pool') === 'devices' ? { deviceTracking: 'userOptIn' as const } : {}),
      oauth: { domain: 'auth.gallery.example', redirectUri: `${location.origin}/callback`, navigate: (url) => void (authorizeUrl = url), pendingStorage: sessionStorage },
    });
    if (view === 'callbackPending' || view === 'callbackError') {
      // A sign-in started here, come back with a code whose exchange never answers (pending), or with the
      // provider's refusal (error).
      await signInWithRedirect(auth, { provider: 'Google' });
      const state = new URL(authorizeUrl).searchParams.get('state') as string;
      worker.use(http.post(/oauth2\/token/, () => delay('infinite')));
      const url = view === 'callbackPending' ? `${location.origin}/callback?code=gallery-code&state=${state}` : `${location.origin}/callback?error=server_error&error_description=upstream&state=${state}`;
      root.render(
        <CognitoProvider auth={auth} theme={theme}>
          <RedirectCallback url={url} retry={() => undefined} />
        </CognitoProvider>,
      );
      window.gallery.ready = true;
      return;
    }
    if (view === 'account') await auth.signIn({ username: 'lou', password: PASSWORD });
    else if (reachUser) await auth.signIn({ username: reachUser.username, password: reachUser.password });
    const slots =
      view === 'slots'
        ? {
            Header: () => <p style={{ fontWeight: 700, fontSize: 20, color: 'var(--cr-fg)', margin: 0 }}>◆ Acme</p>,
            Footer: () => <p style={{ margin: 0 }}>Need help? support@acme.example</p>,
          }
        : undefined;
    root.render(
      <CognitoProvider auth={auth} {...settings}>
        {view === 'account' ? (
          <AccountSettings theme={theme} attributes={['email', 'name', 'phone_number']} />
        ) : (
          <Authentication
            theme={theme}
            initialView={view === 'signUp' || view === 'signUpFields' ? 'signUp' : view === 'forgotPassword' ? 'forgotPassword' : 'signIn'}
            signUpAttributes={
              view === 'signUpFields'
                ? ['email', { name: 'phone_number', defaultCountry: 'US' }, 'birthdate', 'website', { name: 'terms', type: 'checkbox', label: 'I accept the terms and conditions' }]
                : ['email']
            }
            {...(slots ? { components: slots } : {})}
            {...(view === 'federated'
              ? {
                  federatedProviders: (
                    <FederatedSignIn
                      providers={[
                        { name: 'Google', icon: <Glyph letter="G" /> },
                        { name: 'SignInWithApple', label: 'Continue with Apple', icon: <Glyph letter="A" /> },
                      ]}
                    />
                  ),
                }
              : {})}
            {...(params.get('after') ? { afterSignIn: { verify: [verifyContactStep()], device: [rememberDeviceStep()], passkey: [addPasskeyStep({ snoozeDays: 0 })] }[params.get('after') as 'verify' | 'device' | 'passkey'] } : {})}
            signedIn={<p>Signed in</p>}
          />
        )}
      </CognitoProvider>,
    );
  }
  window.gallery.ready = true;
}

void main();

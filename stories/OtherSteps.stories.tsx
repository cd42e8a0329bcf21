import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { CognitoAuthError, CustomChallengeForm, PasswordForm, SignIn, UnknownStep, WebAuthnPrompt } from '../src/index.js';
import { createVirtualAuthenticator } from '../src/testing/index.js';
import { PASSWORD, users, withPool, withProvider, type PoolContext } from './support/pool';
import { expectAlert, fillAndSubmit } from './support/play';

/** The password step of USER_AUTH, custom challenges, passkeys, and the fallback for unknown steps. */
const meta = {
  title: 'Forms/Other steps',
  decorators: [withProvider],
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

export const Password: Story = {
  render: () => <PasswordForm />,
  loaders: [withPool({ users: [users.password] }, { config: { authFlow: 'USER_AUTH' }, reach: ({ auth }) => auth.signIn({ username: 'pat', preferredChallenge: 'PASSWORD_SRP', password: PASSWORD }).then(() => undefined) })],
};

export const CustomChallenge: Story = {
  render: () => (
    <CustomChallengeForm>
      {(form) => (
        <form {...form.formProps}>
          <label htmlFor={form.fields.answer.inputProps.id}>{form.step?.parameters.question ?? form.fields.answer.label}</label>
          <input {...form.fields.answer.inputProps} />
          <button disabled={form.pending}>{form.submitLabel}</button>
          <p role="alert">{form.error}</p>
        </form>
      )}
    </CustomChallengeForm>
  ),
  loaders: [withPool({ users: [users.custom] }, { config: { authFlow: 'CUSTOM_WITH_SRP' }, reach: ({ auth }) => auth.signIn({ username: 'cal', password: PASSWORD }) })],
  play: async ({ canvasElement, loaded }) => {
    await fillAndSubmit(canvasElement, { 'What is 3 + 4?': '7' }, 'Continue');
    const { auth } = loaded.pool as PoolContext;
    await waitFor(() => expect(auth.getSnapshot().status).toBe('signedIn'));
  },
};

// A passkey held by a software authenticator (the simulator's), standing in for the browser's.
const authenticator = createVirtualAuthenticator({ rpId: 'localhost' });
let refuse = true;

export const PasskeyRefusedThenUsed: Story = {
  render: () => <WebAuthnPrompt />,
  loaders: [
    withPool(
      async () => {
        const { credentialId, publicKeyJwk } = await authenticator;
        return { users: [{ ...users.password, passkeys: [{ credentialId, publicKeyJwk }] }] };
      },
      {
        config: {
          authFlow: 'USER_AUTH',
          webAuthn: async (options) => {
            if (refuse) throw new CognitoAuthError('WebAuthnCancelled', 'The user cancelled the passkey prompt.');
            return (await authenticator).get(options);
          },
        },
        reach: async ({ auth }) => {
          refuse = true;
          await auth.signIn({ username: 'pat' });
          return auth.respondToChallenge({ name: 'SELECT_CHALLENGE', challenge: 'WEB_AUTHN' });
        },
      },
    ),
  ],
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Use passkey' }));
    await expectAlert(canvasElement, 'The passkey request was cancelled. Try again, or choose another way to sign in.');
    refuse = false;
    await userEvent.click(canvas.getByRole('button', { name: 'Use passkey' }));
    const { auth } = loaded.pool as PoolContext;
    await waitFor(() => expect(auth.getSnapshot().status).toBe('signedIn'));
  },
};

export const UnknownStepFallback: Story = {
  render: () => <UnknownStep step={{ name: 'UNKNOWN_CHALLENGE', challengeName: 'FUTURE_CHALLENGE', parameters: {} }} />,
  loaders: [withPool({ users: [users.password] })],
};

export const ExpiredSessionInSignIn: Story = {
  render: () => <SignIn />,
  loaders: [withPool({ users: [users.sms] })],
  play: async ({ canvasElement, loaded }) => {
    await fillAndSubmit(canvasElement, { Username: 'sam', Password: PASSWORD }, 'Sign in');
    const { sim } = loaded.pool as PoolContext;
    await within(canvasElement).findByLabelText('Code');
    sim.advanceTime(4 * 60_000);
    await fillAndSubmit(canvasElement, { Code: sim.lastCode('sam')! }, 'Verify');
    await expectAlert(canvasElement, 'Signing in took too long, so it started over. Enter your password again.');
    await expect(within(canvasElement).getByLabelText('Username')).toHaveValue('sam');
  },
};

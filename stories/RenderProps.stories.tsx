import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import {
  EmailOtpForm,
  MfaSetupForm,
  NewPasswordRequiredForm,
  PasswordForm,
  SelectChallengeForm,
  SelectMfaTypeForm,
  SmsOtpForm,
  SoftwareTokenMfaForm,
  WebAuthnPrompt,
} from '../src/index.js';
import { PASSWORD, reachChallenge, users, withPool, withProvider } from './support/pool';

/**
 * Each form's markup replaced through `children` as a function of its render props: the fields' props to
 * spread, state (pending, error) and step data. Behaviour stays the library's.
 */
const meta = {
  title: 'Customisation/Render props',
  decorators: [withProvider],
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

const passwordless = (preferredChallenge: 'EMAIL_OTP' | 'SMS_OTP') =>
  withPool({ users: [users.sms] }, { config: { authFlow: 'USER_AUTH' }, reach: ({ auth }) => auth.signIn({ username: 'sam', preferredChallenge }) });

export const SoftwareTokenMfa: Story = {
  loaders: [withPool({ users: [users.totp] }, { reach: reachChallenge('tia') })],
  render: () => (
    <SoftwareTokenMfaForm>
      {(form) => (
        <form {...form.formProps}>
          <label htmlFor={form.fields.code.inputProps.id}>Authenticator code{form.step?.friendlyDeviceName ? ` (${form.step.friendlyDeviceName})` : ''}</label>
          <input {...form.fields.code.inputProps} style={{ letterSpacing: '0.5em' }} />
          <button disabled={form.pending}>Confirm</button>
        </form>
      )}
    </SoftwareTokenMfaForm>
  ),
};

export const EmailOtp: Story = {
  loaders: [passwordless('EMAIL_OTP')],
  render: () => (
    <EmailOtpForm>
      {(form) => (
        <form {...form.formProps}>
          <p>Mail sent to {form.step?.codeDelivery.destination}</p>
          <label htmlFor={form.fields.code.inputProps.id}>Code from the email</label>
          <input {...form.fields.code.inputProps} />
          <button disabled={form.pending}>Continue</button>
        </form>
      )}
    </EmailOtpForm>
  ),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/^Mail sent to s\*\*\*@e\*\*\*$/)).toBeInTheDocument();
  },
};

export const SmsOtp: Story = {
  loaders: [passwordless('SMS_OTP')],
  render: () => (
    <SmsOtpForm>
      {(form) => (
        <form {...form.formProps}>
          <label htmlFor={form.fields.code.inputProps.id}>Text message code</label>
          <input {...form.fields.code.inputProps} />
          <button disabled={form.pending}>Continue</button>
        </form>
      )}
    </SmsOtpForm>
  ),
};

export const SelectMfaType: Story = {
  loaders: [withPool({ users: [users.select] }, { reach: reachChallenge('sol') })],
  render: () => (
    <SelectMfaTypeForm>
      {(form) => (
        <form {...form.formProps}>
          <fieldset>
            <legend>Second step</legend>
            {form.options.map((o) => (
              <label key={o.value} style={{ display: 'block' }}>
                <input {...o.inputProps} /> {o.label}
              </label>
            ))}
          </fieldset>
          <button disabled={form.pending}>Next</button>
        </form>
      )}
    </SelectMfaTypeForm>
  ),
};

export const SelectChallenge: Story = {
  loaders: [withPool({ users: [users.password] }, { config: { authFlow: 'USER_AUTH' }, reach: ({ auth }) => auth.signIn({ username: 'pat' }) })],
  render: () => (
    <SelectChallengeForm>
      {(form) => (
        <form {...form.formProps}>
          <fieldset>
            <legend>Sign in with</legend>
            {form.options.map((o) => (
              <label key={o.value} style={{ display: 'block' }}>
                <input {...o.inputProps} /> {o.label}
              </label>
            ))}
          </fieldset>
          {form.fields.password && <input aria-label="Your password" {...form.fields.password.inputProps} />}
          <button disabled={form.pending}>Next</button>
        </form>
      )}
    </SelectChallengeForm>
  ),
};

export const Password: Story = {
  loaders: [withPool({ users: [users.password] }, { config: { authFlow: 'USER_AUTH' }, reach: ({ auth }) => auth.signIn({ username: 'pat', preferredChallenge: 'PASSWORD_SRP', password: PASSWORD }).then(() => undefined) })],
  render: () => (
    <PasswordForm>
      {(form) => (
        <form {...form.formProps}>
          <input aria-label="Password, please" {...form.fields.password.inputProps} />
          <button disabled={form.pending}>Go</button>
        </form>
      )}
    </PasswordForm>
  ),
};

export const NewPasswordRequired: Story = {
  loaders: [withPool({ users: [users.newPassword], requiredAttributes: ['name'], mfaConfiguration: 'OFF' }, { reach: reachChallenge('nia', 'Temp0rary!pass') })],
  render: () => (
    <NewPasswordRequiredForm>
      {(form) => (
        <form {...form.formProps}>
          {form.fields.attributes.map((f) => (
            <input key={f.name} aria-label={f.label} {...f.inputProps} />
          ))}
          <input aria-label="Choose a password" {...form.fields.newPassword.inputProps} />
          <input aria-label="Type it again" {...form.fields.confirm.inputProps} />
          <output>{form.passwordsMatch === null ? '' : form.passwordsMatch ? '✓ match' : '✗ differ'}</output>
          <button disabled={form.pending}>Save</button>
        </form>
      )}
    </NewPasswordRequiredForm>
  ),
};

export const MfaSetup: Story = {
  loaders: [withPool({ users: [users.password], mfaConfiguration: 'ON' }, { reach: reachChallenge('pat') })],
  render: () => (
    <MfaSetupForm>
      {(form) => (
        <form {...form.formProps}>
          <p>Key: {form.totp?.secretGroups.join('-') ?? '…'}</p>
          {form.fields.code && <input aria-label="First code" {...form.fields.code.inputProps} />}
          <button disabled={form.pending}>Enable</button>
        </form>
      )}
    </MfaSetupForm>
  ),
};

export const WebAuthn: Story = {
  loaders: [withPool({ users: [users.password] })],
  render: () => (
    <WebAuthnPrompt>
      {(prompt) => (
        <button type="button" onClick={() => void prompt.submit()} disabled={prompt.pending}>
          Sign in with your face or fingerprint
        </button>
      )}
    </WebAuthnPrompt>
  ),
};

import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { expect, userEvent } from 'storybook/test';
import { createCognitoAuth, type CognitoAuth } from '../src/core/index.js';
import { AccountSettings, Authentication, CognitoProvider, useAuth, useSignOut } from '../src/index.js';
import { LOCAL_POOL } from '../scripts/localPoolUsers.mjs';
import { totpCode } from '../src/testing/index.js';
import { localPoolEndpoint, ownSession, typeSignIn } from './support/pools';
import { themed } from './support/theme';

/**
 * `<Authentication>` (sign-in, sign-up, password reset) and, once signed in, the account settings, against the real local emulator that `npm start` runs (cognito-local on 127.0.0.1), with the
 * USER_PASSWORD_AUTH flow since the emulator has no SRP. The users, passwords and codes are printed in the
 * terminal. The story tests start an emulator of their own (test/stories/globalSetup.ts) and play the stories
 * below the first two to the end, as a user typing.
 */

function SignedIn() {
  const user = useAuth((s) => s.user);
  const signOut = useSignOut();
  return (
    <>
      <p>
        Signed in as {user?.username} ({user?.attributes.email}) <button onClick={() => signOut.mutate()}>Sign out</button>
      </p>
      {/* What the emulator supports of the account settings: profile, password, authenticator app. */}
      <AccountSettings sections={['profile', 'password', 'mfa']} mfaMethods={['SOFTWARE_TOKEN_MFA']} />
    </>
  );
}

function LocalSignIn({ storageKeyPrefix }: { storageKeyPrefix?: string }) {
  const [auth] = useState<CognitoAuth | null>(() => {
    const endpoint = localPoolEndpoint();
    return endpoint
      ? createCognitoAuth({
          region: LOCAL_POOL.region,
          userPoolId: LOCAL_POOL.userPoolId,
          clientId: LOCAL_POOL.clientId,
          authFlow: 'USER_PASSWORD_AUTH',
          client: new CognitoIdentityProviderClient({ region: LOCAL_POOL.region, endpoint, maxAttempts: 1 }),
          storage: 'sessionStorage',
          ...(storageKeyPrefix ? { storageKeyPrefix } : {}),
        })
      : null;
  });
  const [queryClient] = useState(() => new QueryClient());
  if (!auth) return <p>No local user pool: start Storybook with <code>npm start</code>.</p>;
  return (
    <CognitoProvider auth={auth} queryClient={queryClient}>
      <Authentication signedIn={<SignedIn />} />
    </CognitoProvider>
  );
}

const meta = {
  title: 'Local user pool/Sign in, sign up, account',
  component: LocalSignIn,
} satisfies Meta<typeof LocalSignIn>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Try pat (password only), tia (TOTP: `npm run totp`), sam (SMS, code 123456), sol (choose), nia (new password),
 * fay (forgot password, code 123456), or create an account (code 123456).
 */
export const Unstyled: Story = {};

export const Themed: Story = { decorators: [themed('light', { card: false })] };

/** pat signs in with a password, sees the profile the emulator holds, and signs out again. */
export const PasswordThenAccount: Story = {
  args: { storageKeyPrefix: 'story-local-pat' },
  ...ownSession('story-local-pat'),
  play: async ({ canvasElement }) => {
    const canvas = await typeSignIn(canvasElement, 'pat', LOCAL_POOL.users.pat!.password);
    await expect(await canvas.findByText('Signed in as pat (pat@example.com)', {}, { timeout: 10_000 })).toBeVisible();
    await expect(await canvas.findByDisplayValue('pat@example.com', {}, { timeout: 10_000 })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }));
    await expect(await canvas.findByLabelText('Username', {}, { timeout: 10_000 })).toBeVisible();
  },
};

/** tia signs in with a password and a code from her authenticator app (the pool's fixed TOTP secret). */
export const AuthenticatorCode: Story = {
  args: { storageKeyPrefix: 'story-local-tia' },
  ...ownSession('story-local-tia'),
  play: async ({ canvasElement }) => {
    const canvas = await typeSignIn(canvasElement, 'tia', LOCAL_POOL.users.tia!.password);
    await userEvent.type(await canvas.findByLabelText('Code', {}, { timeout: 10_000 }), await totpCode(LOCAL_POOL.totpSecret, Date.now()));
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }));
    await expect(await canvas.findByText(/^Signed in as tia/, {}, { timeout: 10_000 })).toBeVisible();
  },
};

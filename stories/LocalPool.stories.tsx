import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createCognitoAuth, type CognitoAuth } from '../src/core/index.js';
import { AccountSettings, Authentication, CognitoProvider, useAuth, useSignOut } from '../src/index.js';
import { LOCAL_POOL } from '../scripts/localPoolUsers.mjs';
import { themed } from './support/theme';

/**
 * `<Authentication>` (sign-in, sign-up, password reset) and, once signed in, the account settings, against the real local emulator that `npm start` runs (cognito-local on 127.0.0.1), with the
 * USER_PASSWORD_AUTH flow since the emulator has no SRP. The users, passwords and codes are printed in the
 * terminal. These stories need that emulator, so the story tests skip them: the end-to-end tests in
 * test/browser cover the same path with an emulator of their own.
 */
const endpoint = import.meta.env.STORYBOOK_LOCAL_POOL_ENDPOINT as string | undefined;

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

function LocalSignIn() {
  const [auth] = useState<CognitoAuth | null>(() =>
    endpoint
      ? createCognitoAuth({
          region: LOCAL_POOL.region,
          userPoolId: LOCAL_POOL.userPoolId,
          clientId: LOCAL_POOL.clientId,
          authFlow: 'USER_PASSWORD_AUTH',
          client: new CognitoIdentityProviderClient({ region: LOCAL_POOL.region, endpoint, maxAttempts: 1 }),
          storage: 'sessionStorage',
        })
      : null,
  );
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
  tags: ['!test'],
} satisfies Meta<typeof LocalSignIn>;
export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Try pat (password only), tia (TOTP: `npm run totp`), sam (SMS, code 123456), sol (choose), nia (new password),
 * fay (forgot password, code 123456), or create an account (code 123456).
 */
export const Unstyled: Story = {};

export const Themed: Story = { decorators: [themed('light', { card: false })] };

import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createCognitoAuth, type CognitoAuth, type SignInAuthFlow } from '../src/core/index.js';
import { AccountSettings, Authentication, CognitoProvider, useAuth, useSignOut } from '../src/index.js';
import { themed } from './support/theme';

/**
 * `<Authentication>` and the account settings against the simulated user pool served over real HTTP
 * (`cognito-react-sim`, which `npm start` runs beside cognito-local): the flows the emulator lacks, SRP,
 * USER_AUTH, remembered devices, passkeys (open Storybook at http://localhost:6006 for those: the pool's
 * relying party is `localhost`). Codes are random: `http://127.0.0.1:9230/_sim/users/<name>/code`, TOTP codes at
 * `.../_sim/users/<name>/totp` (or `npm run totp` for tia and sol). Without that server (the story tests) they
 * say how to start it; test/testing/server.test.ts and the contract suite cover the same path over HTTP.
 */
const endpoint = import.meta.env.STORYBOOK_SIM_POOL_ENDPOINT as string | undefined;
const POOL = { region: 'eu-west-1', userPoolId: 'eu-west-1_SimPool1', clientId: 'simclient1' };

function SignedIn() {
  const user = useAuth((s) => s.user);
  const signOut = useSignOut();
  return (
    <>
      <p>
        Signed in as {user?.username} <button onClick={() => signOut.mutate()}>Sign out</button>
      </p>
      <AccountSettings />
    </>
  );
}

function SimulatorSignIn({ authFlow }: { authFlow: SignInAuthFlow }) {
  const [auth] = useState<CognitoAuth | null>(() =>
    endpoint
      ? createCognitoAuth({
          ...POOL,
          authFlow,
          client: new CognitoIdentityProviderClient({ region: POOL.region, endpoint, maxAttempts: 1 }),
          deviceTracking: 'always',
          storage: 'sessionStorage',
          storageKeyPrefix: `sim-http-${authFlow}`,
        })
      : null,
  );
  const [queryClient] = useState(() => new QueryClient());
  if (!auth) return <p>No simulated pool over HTTP: start Storybook with <code>npm start</code>.</p>;
  return (
    <CognitoProvider auth={auth} queryClient={queryClient}>
      <Authentication signedIn={<SignedIn />} />
    </CognitoProvider>
  );
}

const meta = {
  title: 'Simulated user pool over HTTP/Sign in, sign up, account',
  component: SimulatorSignIn,
  args: { authFlow: 'USER_SRP_AUTH' },
} satisfies Meta<typeof SimulatorSignIn>;
export default meta;
type Story = StoryObj<typeof meta>;

/** SRP: pat, tia (TOTP), sam (SMS), sol (choose), nia (new password), una (unconfirmed); passwords as printed by npm start. */
export const Srp: Story = {};

/** Choice-based sign-in: a password, an email code (eve, pat) or a passkey registered in the account settings. */
export const UserAuth: Story = { args: { authFlow: 'USER_AUTH' } };

export const Themed: Story = { decorators: [themed('light')] };

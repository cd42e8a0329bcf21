import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { expect, userEvent } from 'storybook/test';
import { createCognitoAuth, type CognitoAuth, type SignInAuthFlow } from '../src/core/index.js';
import { AccountSettings, Authentication, CognitoProvider, useAuth, useSignOut } from '../src/index.js';
import { SIM_POOL } from '../scripts/localPoolUsers.mjs';
import { ownSession, simPoolEndpoint, typeSignIn } from './support/pools';
import { themed } from './support/theme';

/**
 * `<Authentication>` and the account settings against the simulated user pool served over real HTTP
 * (`cognito-react-sim`, which `npm start` runs beside cognito-local): the flows the emulator lacks, SRP,
 * USER_AUTH, remembered devices, passkeys (open Storybook at http://localhost:6006 for those: the pool's
 * relying party is `localhost`). Codes are random: `http://127.0.0.1:9230/_sim/users/<name>/code`, TOTP codes at
 * `.../_sim/users/<name>/totp` (or `npm run totp` for tia and sol). The story tests start a server of their own
 * (test/stories/globalSetup.ts) and play the stories below the first three to the end, as a user typing.
 */

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

function SimulatorSignIn({ authFlow, storageKeyPrefix }: { authFlow: SignInAuthFlow; storageKeyPrefix?: string }) {
  const [auth] = useState<CognitoAuth | null>(() => {
    const endpoint = simPoolEndpoint();
    return endpoint
      ? createCognitoAuth({
          ...SIM_POOL,
          authFlow,
          client: new CognitoIdentityProviderClient({ region: SIM_POOL.region, endpoint, maxAttempts: 1 }),
          deviceTracking: 'always',
          storage: 'sessionStorage',
          storageKeyPrefix: storageKeyPrefix ?? `sim-http-${authFlow}`,
        })
      : null;
  });
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

/** The last code the simulated pool sent a user, as its helper route over HTTP tells it. */
async function lastCode(username: string): Promise<string> {
  const response = await fetch(`${simPoolEndpoint()}_sim/users/${username}/code`);
  return ((await response.json()) as { code: string }).code;
}

/** pat signs in by SRP over HTTP, sees her account settings (profile, devices), and signs out again. */
export const SrpThenAccount: Story = {
  args: { authFlow: 'USER_SRP_AUTH', storageKeyPrefix: 'story-sim-srp' },
  ...ownSession('story-sim-srp'),
  play: async ({ canvasElement }) => {
    const canvas = await typeSignIn(canvasElement, 'pat', 'Passw0rd!long');
    await expect(await canvas.findByText('Signed in as pat', { exact: false }, { timeout: 10_000 })).toBeVisible();
    await expect(await canvas.findByDisplayValue('pat@example.com', {}, { timeout: 10_000 })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out' }));
    await expect(await canvas.findByLabelText('Username', {}, { timeout: 10_000 })).toBeVisible();
  },
};

/** eve signs in by USER_AUTH with the code the pool emails her, no password. */
export const EmailCodeOverHttp: Story = {
  args: { authFlow: 'USER_AUTH', storageKeyPrefix: 'story-sim-eve' },
  ...ownSession('story-sim-eve'),
  play: async ({ canvasElement }) => {
    const canvas = await typeSignIn(canvasElement, 'eve');
    await userEvent.click(await canvas.findByLabelText(/email/i, {}, { timeout: 10_000 }));
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    const code = await canvas.findByLabelText('Code', {}, { timeout: 10_000 });
    await userEvent.type(code, await lastCode('eve'));
    await userEvent.click(canvas.getByRole('button', { name: 'Verify' }));
    await expect(await canvas.findByText('Signed in as eve', { exact: false }, { timeout: 10_000 })).toBeVisible();
  },
};

/**
 * Provisioning of throwaway user pools through the service's own API (CreateUserPool, CreateUserPoolClient):
 * what the `aws` target runs against a real account, and the `local` target against cognito-local. Every pool
 * is tagged with this run's id, and deletion refuses any pool whose tag is not this run's.
 */
import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  SetUserPoolMfaConfigCommand,
  type CognitoIdentityProviderClient,
  type CreateUserPoolClientCommandInput,
  type CreateUserPoolCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { ClientKind, TargetClient } from './types.js';

/** The tag every created pool carries; its value is the run id. */
export const TAG_KEY = 'cognito-react-contract';

export interface ProvisionOptions {
  sdk: CognitoIdentityProviderClient;
  endpoint: string | undefined;
  region: string;
  runId: string;
  /** Settings cognito-local rejects or that only the real service has (tiers, sign-in policy, rotation). */
  service: 'aws' | 'local';
}

/** The pools created so far (even by a provisioning that failed half way), for cleanup. */
export interface Provisioned {
  poolIds: string[];
  clients: Partial<Record<ClientKind, TargetClient>>;
}

const PASSWORD_POLICY = { MinimumLength: 8, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true };

export function poolInput(options: ProvisionOptions, name: string): CreateUserPoolCommandInput {
  const aws = options.service === 'aws';
  return {
    PoolName: `${TAG_KEY}-${options.runId}-${name}`,
    UserPoolTags: { [TAG_KEY]: options.runId },
    Policies: {
      PasswordPolicy: PASSWORD_POLICY,
      // Choice-based sign-in (USER_AUTH) with a password; passkeys would need a relying party on a domain the
      // run does not own, and email codes an email sender it cannot read.
      ...(aws ? { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] } } : {}),
    },
    ...(aws ? { UserPoolTier: 'ESSENTIALS' as const, DeletionProtection: 'INACTIVE' as const } : {}),
    // On AWS nothing is verified by a code, so no message goes out at sign-up (the addresses are example.com's);
    // cognito-local fails SignUp without an auto-verified attribute (and sends nothing anyway).
    AutoVerifiedAttributes: aws ? [] : ['email'],
    UsernameConfiguration: { CaseSensitive: false },
    // Devices are tracked and always remembered: a remembered device skips MFA.
    DeviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false },
    // MFA is switched on afterwards, with TOTP (SetUserPoolMfaConfig): created ON, the service would ask for SMS.
    MfaConfiguration: 'OFF',
  };
}

function clientInput(poolId: string, kind: ClientKind, options: ProvisionOptions): CreateUserPoolClientCommandInput {
  const aws = options.service === 'aws';
  const base = { UserPoolId: poolId, ClientName: `${TAG_KEY}-${kind}`, EnableTokenRevocation: true, PreventUserExistenceErrors: 'ENABLED' as const };
  switch (kind) {
    case 'public':
    case 'mfaRequired':
      return { ...base, GenerateSecret: false, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', ...(aws ? (['ALLOW_USER_AUTH'] as const) : [])] };
    case 'confidential':
      return { ...base, GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] };
    case 'rotating':
      return {
        ...base,
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH'],
        ...(aws ? { RefreshTokenRotation: { Feature: 'ENABLED' as const, RetryGracePeriodSeconds: 0 } } : {}),
      };
  }
}

/**
 * Creates the pools and clients the contracts run on: one pool with MFA optional (TOTP), device tracking and
 * the public, confidential and rotating clients; one pool with MFA required for MFA_SETUP. `into` collects
 * what exists as soon as it exists, so a failure half way leaves nothing unaccounted for.
 */
export async function provisionPools(options: ProvisionOptions, into: Provisioned): Promise<void> {
  const { sdk, endpoint, region } = options;
  const create = async (name: string, mfa: 'OPTIONAL' | 'ON', kinds: ClientKind[]) => {
    const created = await sdk.send(new CreateUserPoolCommand(poolInput(options, name)));
    const poolId = created.UserPool?.Id;
    if (!poolId) throw new Error('CreateUserPool answered without a pool id');
    into.poolIds.push(poolId);
    await sdk.send(
      new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, SoftwareTokenMfaConfiguration: { Enabled: true }, MfaConfiguration: mfa }),
    );
    for (const kind of kinds) {
      const client = await sdk.send(new CreateUserPoolClientCommand(clientInput(poolId, kind, options)));
      const clientId = client.UserPoolClient?.ClientId;
      if (!clientId) throw new Error('CreateUserPoolClient answered without a client id');
      into.clients[kind] = { kind, endpoint, region, userPoolId: poolId, clientId, clientSecret: client.UserPoolClient?.ClientSecret };
    }
  };
  await create('main', 'OPTIONAL', ['public', 'confidential', 'rotating']);
  await create('mfa', 'ON', ['mfaRequired']);
}

/**
 * Deletes the pools this run created, each only after DescribeUserPool shows this run's tag: a pool without it
 * is left alone and reported. Never throws; returns what it could not delete, and why.
 */
export async function deletePools(sdk: CognitoIdentityProviderClient, runId: string, poolIds: readonly string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const poolId of poolIds) {
    try {
      const described = await sdk.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
      const tag = described.UserPool?.UserPoolTags?.[TAG_KEY];
      if (tag !== runId) {
        problems.push(`${poolId}: refused, its ${TAG_KEY} tag is ${tag === undefined ? 'absent' : `"${tag}"`}, not this run's "${runId}"`);
        continue;
      }
      await sdk.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    } catch (error) {
      problems.push(`${poolId}: ${(error as Error).name}: ${(error as Error).message}`);
    }
  }
  return problems;
}

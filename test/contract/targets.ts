/**
 * The three targets of the contract suite, each started (or provisioned) by the suite and stopped after it.
 * `CONTRACT_TARGET` picks one (`local`, `simulator`, `aws`) or a comma-separated list; by default `local` and
 * `simulator` run, and `aws` too when AWS_REGION and credentials are in the environment.
 */
import { randomBytes } from 'node:crypto';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { startLocalPool, LOCAL_POOL } from '../../scripts/localPool.mjs';
import { startUserPoolServer, type UserPoolServer, type UserPoolServerOptions } from '../../src/testing/index.js';
import { deletePools, provisionPools, type Provisioned } from './provision.js';
import type { ClientKind, Target, TargetClient, TargetName } from './types.js';

const FAKE_CREDENTIALS = { accessKeyId: 'AKIDCONTRACTTEST', secretAccessKey: 'not-checked-by-this-target' };
const KINDS: ClientKind[] = ['public', 'confidential', 'rotating', 'mfaRequired'];

/** The targets this run asks for. */
export function selectedTargets(env: Record<string, string | undefined> = process.env): TargetName[] {
  const asked = env.CONTRACT_TARGET?.split(',').map((t) => t.trim()).filter(Boolean);
  const names = asked?.length ? asked : ['local', 'simulator', ...(awsConfigured(env) ? ['aws'] : [])];
  for (const name of names) {
    if (name !== 'local' && name !== 'simulator' && name !== 'aws') throw new Error(`CONTRACT_TARGET: unknown target "${name}" (local, simulator, aws)`);
  }
  return names as TargetName[];
}

export function awsConfigured(env: Record<string, string | undefined>): boolean {
  return Boolean(env.AWS_REGION && (env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE || env.AWS_WEB_IDENTITY_TOKEN_FILE || env.AWS_CONTAINER_CREDENTIALS_FULL_URI));
}

export function startTarget(name: TargetName): Promise<Target> {
  switch (name) {
    case 'simulator':
      return startSimulatorTarget();
    case 'local':
      return startLocalTarget();
    case 'aws':
      return startAwsTarget({ region: process.env.AWS_REGION ?? '', endpoint: process.env.CONTRACT_AWS_ENDPOINT });
  }
}

// ---------------------------------------------------------------------------------------------------------
// simulator: the simulated pool over HTTP, one server per client kind (the simulator has one app client)

async function startSimulatorTarget(): Promise<Target> {
  const base = { users: [], allowedFirstAuthFactors: ['PASSWORD' as const, 'WEB_AUTHN' as const], preventUserExistenceErrors: true };
  const configs: Record<ClientKind, UserPoolServerOptions> = {
    public: { ...base, userPoolId: 'eu-west-1_ContractMain', clientId: 'contractpublic', deviceTracking: true, mfaConfiguration: 'OPTIONAL' },
    confidential: { ...base, userPoolId: 'eu-west-1_ContractConf', clientId: 'contractconfidential', clientSecret: randomBytes(24).toString('base64url') },
    rotating: { ...base, userPoolId: 'eu-west-1_ContractRot', clientId: 'contractrotating', refreshTokenRotation: { retryGracePeriodSeconds: 0 } },
    mfaRequired: { ...base, userPoolId: 'eu-west-1_ContractMfa', clientId: 'contractmfa', mfaConfiguration: 'ON' },
  };
  const servers = {} as Record<ClientKind, UserPoolServer>;
  for (const kind of KINDS) servers[kind] = await startUserPoolServer(configs[kind]);
  const clients = Object.fromEntries(
    KINDS.map((kind) => [
      kind,
      { kind, endpoint: servers[kind].url, region: 'eu-west-1', userPoolId: configs[kind].userPoolId, clientId: configs[kind].clientId, clientSecret: configs[kind].clientSecret, issuer: servers[kind].sim.issuer },
    ]),
  ) as Record<ClientKind, TargetClient>;
  const admins = Object.fromEntries(KINDS.map((kind) => [kind, sdkClient(clients[kind], FAKE_CREDENTIALS)])) as Record<ClientKind, CognitoIdentityProviderClient>;
  return {
    name: 'simulator',
    lacks: {},
    deviations: [],
    client: (kind) => clients[kind],
    admin: (kind) => admins[kind],
    async lastCode(kind, username) {
      const response = await fetch(`${servers[kind].url}_sim/users/${encodeURIComponent(username)}/code`);
      if (!response.ok) throw new Error(`no code was sent to ${username}`);
      return ((await response.json()) as { code: string }).code;
    },
    async stop() {
      await Promise.all(KINDS.map((kind) => servers[kind].close()));
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// local: cognito-local, with pools and clients created through its CreateUserPool as on AWS

async function startLocalTarget(): Promise<Target> {
  const emulator = await startLocalPool();
  const endpoint = emulator.endpoint;
  const sdk = sdkClient({ endpoint, region: LOCAL_POOL.region }, FAKE_CREDENTIALS);
  const provisioned: Provisioned = { poolIds: [], clients: {} };
  try {
    await provisionPools({ sdk, endpoint, region: LOCAL_POOL.region, runId: `local-${Date.now()}`, service: 'local' }, provisioned);
  } catch (error) {
    emulator.stop();
    throw error;
  }
  return {
    name: 'local',
    lacks: {
      modelErrors: {
        reason: 'cognito-local answers a wrong password with InvalidPasswordException, which the API model does not list for InitiateAuth (Cognito: NotAuthorizedException)',
        refusal: /^FeatureMissing: a wrong password was answered with InvalidPasswordException$/,
      },
      secretHash: { reason: 'cognito-local does not check SECRET_HASH: a confidential client signs in without it', refusal: /^FeatureMissing: AdminInitiateAuth without SECRET_HASH signed in$/ },
      srp: { reason: 'cognito-local has no USER_SRP_AUTH', refusal: /^Unsupported: Cognito Local unsupported feature: InitAuth with AuthFlow=USER_SRP_AUTH$/ },
      passkeys: { reason: 'cognito-local has no passkeys (StartWebAuthnRegistration)', refusal: /Unsupported x-amz-target header "StartWebAuthnRegistration"/ },
      userAuth: { reason: 'cognito-local has no USER_AUTH (choice-based sign-in)', refusal: /^Unsupported: Cognito Local unsupported feature: InitAuth with AuthFlow=USER_AUTH$/ },
      mfaSetup: {
        reason: 'with MFA required, cognito-local refuses a user without MFA (NotAuthorizedException) instead of answering MFA_SETUP',
        refusal: /^NotAuthorizedException: User not authorized$/,
      },
      rotation: { reason: 'cognito-local has no GetTokensFromRefreshToken (refresh-token rotation)', refusal: /Unsupported x-amz-target header "GetTokensFromRefreshToken"/ },
      devices: { reason: 'cognito-local has no device tracking (NewDeviceMetadata, ConfirmDevice, DEVICE_SRP_AUTH)', refusal: /^FeatureMissing: the sign-in returned no NewDeviceMetadata$/ },
      globalSignOut: { reason: 'cognito-local has no GlobalSignOut', refusal: /Unsupported x-amz-target header "GlobalSignOut"/ },
      adminResetPassword: { reason: 'cognito-local has no AdminResetUserPassword', refusal: /Unsupported x-amz-target header "AdminResetUserPassword"/ },
    },
    deviations: [
      'Its tokens are issued by http://127.0.0.1:<port>/<poolId> rather than https://cognito-idp.<region>.amazonaws.com/<poolId>.',
    ],
    client: (kind) => {
      const client = provisioned.clients[kind];
      if (!client) throw new Error(`no ${kind} client was provisioned`);
      return client;
    },
    admin: () => sdk,
    lastCode: async () => LOCAL_POOL.code,
    async stop() {
      emulator.stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// aws: a throwaway pool in a real account, deleted at the end (and on SIGINT/SIGTERM)

export async function startAwsTarget(options: { region: string; endpoint?: string | undefined; sdk?: CognitoIdentityProviderClient; runId?: string }): Promise<Target> {
  if (!options.region) throw new Error('The aws target needs AWS_REGION (and credentials) in the environment');
  const runId = options.runId ?? `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  // Credentials from the environment's default chain; two attempts, the SDK's standard retry of throttling.
  const sdk = options.sdk ?? new CognitoIdentityProviderClient({ region: options.region, endpoint: options.endpoint, maxAttempts: 2 });
  const provisioned: Provisioned = { poolIds: [], clients: {} };
  let cleaned: Promise<string[]> | undefined;
  const cleanUp = () => (cleaned ??= deletePools(sdk, runId, provisioned.poolIds));
  const onSignal = (signal: NodeJS.Signals) => {
    void cleanUp().finally(() => process.kill(process.pid, signal));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const detach = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  try {
    await provisionPools({ sdk, endpoint: options.endpoint, region: options.region, runId, service: 'aws' }, provisioned);
  } catch (error) {
    const problems = await cleanUp();
    detach();
    if (problems.length) (error as Error).message += `\nCleanup failed, delete by hand: ${problems.join('; ')}`;
    throw error;
  }
  return {
    name: 'aws',
    lacks: {
      readCodes: { reason: 'codes go by e-mail or SMS to addresses the run cannot read', refusal: /^Error: unsupported: the aws target cannot read the codes/ },
      // Not provisioned: the relying party must be a domain the run owns. The API model's answer then:
      passkeys: { reason: 'passkeys need a relying party on a domain the run owns, so the pool has none', refusal: /^WebAuthn(NotEnabled|ConfigurationMissing)Exception: / },
    },
    deviations: [],
    client: (kind) => {
      const client = provisioned.clients[kind];
      if (!client) throw new Error(`no ${kind} client was provisioned`);
      return client;
    },
    admin: () => sdk,
    lastCode: async () => {
      throw new Error('unsupported: the aws target cannot read the codes Cognito sends');
    },
    async stop() {
      const problems = await cleanUp();
      detach();
      if (problems.length) throw new Error(`Some contract pools were not deleted: ${problems.join('; ')}`);
    },
  };
}

/** An SDK client for a target's endpoint, one attempt per request (so failures surface at once). */
export function sdkClient(client: Pick<TargetClient, 'endpoint' | 'region'>, credentials?: typeof FAKE_CREDENTIALS): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ region: client.region, endpoint: client.endpoint, maxAttempts: 1, ...(credentials ? { credentials } : {}) });
}

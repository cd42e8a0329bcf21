/**
 * The `aws` target's provisioning and cleanup, run without AWS: the real SDK client with fake credentials
 * sends its signed requests to a local HTTP server that records them and answers as the service would
 * (or refuses, as the service refuses fake credentials).
 */
import { createServer, type Server } from 'node:http';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, describe, expect, it } from 'vitest';
import { TAG_KEY, deletePools } from './provision.js';
import { awsConfigured, selectedTargets, startAwsTarget, startTarget } from './targets.js';

interface Captured {
  operation: string;
  authorization: string;
  body: Record<string, unknown>;
}

type Script = (operation: string, body: Record<string, unknown>) => { status: number; body: object };

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A stand-in for the service's endpoint: records every request, answers by the script. */
async function fakeService(script: Script) {
  const captured: Captured[] = [];
  server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (text += c));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target'] ?? '').replace('AWSCognitoIdentityProviderService.', '');
      const body = JSON.parse(text || '{}') as Record<string, unknown>;
      captured.push({ operation, authorization: String(req.headers.authorization ?? ''), body });
      const answer = script(operation, body);
      res.writeHead(answer.status, { 'Content-Type': 'application/x-amz-json-1.1' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { endpoint: `http://127.0.0.1:${address.port}`, captured };
}

const fakeCredentials = { accessKeyId: 'AKIDFAKECONTRACT', secretAccessKey: 'fake-secret-key' };
const sdkFor = (endpoint: string) => new CognitoIdentityProviderClient({ region: 'eu-west-1', endpoint, maxAttempts: 1, credentials: fakeCredentials });
const refuse = { status: 400, body: { __type: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' } };

describe('the aws target without AWS', () => {
  it('is selected only with a region and credentials, and its first call is a signed, tagged CreateUserPool; refused, it stops there', async () => {
    expect(selectedTargets({})).toEqual(['local', 'simulator']);
    expect(awsConfigured({ AWS_REGION: 'eu-west-1' })).toBe(false);
    expect(selectedTargets({ AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'x' })).toEqual(['local', 'simulator', 'aws']);
    expect(() => selectedTargets({ CONTRACT_TARGET: 'staging' })).toThrow(/unknown target "staging"/);

    const { endpoint, captured } = await fakeService(() => refuse);
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: fakeCredentials.accessKeyId, AWS_SECRET_ACCESS_KEY: fakeCredentials.secretAccessKey, CONTRACT_AWS_ENDPOINT: endpoint });
    delete process.env.AWS_PROFILE;
    const listeners = process.listenerCount('SIGINT');
    try {
      await expect(startTarget('aws')).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
    } finally {
      process.env = saved;
    }
    // Nothing was created, so nothing else was sent (no cleanup of pools it does not own), and the SIGINT handler is gone.
    expect(captured.map((c) => c.operation)).toEqual(['CreateUserPool']);
    expect(process.listenerCount('SIGINT')).toBe(listeners);
    const [create] = captured;
    expect(create!.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDFAKECONTRACT\/\d{8}\/eu-west-1\/cognito-idp\/aws4_request, SignedHeaders=.*x-amz-target.*, Signature=[0-9a-f]{64}$/);
    const runId = (create!.body.UserPoolTags as Record<string, string>)[TAG_KEY];
    expect(runId).toMatch(/^[a-z0-9]+-[0-9a-f]{6}$/);
    expect(create!.body).toMatchObject({
      PoolName: `${TAG_KEY}-${runId}-main`,
      UserPoolTier: 'ESSENTIALS',
      DeletionProtection: 'INACTIVE',
      MfaConfiguration: 'OFF',
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: false, DeviceOnlyRememberedOnUserPrompt: false },
      Policies: { PasswordPolicy: { MinimumLength: 8 }, SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD'] } },
    });
  });

  it('provisions both pools and all four clients, and stop() deletes exactly those pools after checking their tags', async () => {
    let pools = 0;
    let clients = 0;
    const tags = new Map<string, string>();
    const { endpoint, captured } = await fakeService((operation, body) => {
      switch (operation) {
        case 'CreateUserPool': {
          const id = `eu-west-1_Fake${++pools}`;
          tags.set(id, (body.UserPoolTags as Record<string, string>)[TAG_KEY]!);
          return { status: 200, body: { UserPool: { Id: id } } };
        }
        case 'SetUserPoolMfaConfig':
          return { status: 200, body: {} };
        case 'CreateUserPoolClient':
          return { status: 200, body: { UserPoolClient: { ClientId: `client${++clients}`, ...(body.GenerateSecret ? { ClientSecret: 'fake-client-secret' } : {}) } } };
        case 'DescribeUserPool':
          return { status: 200, body: { UserPool: { Id: body.UserPoolId, UserPoolTags: { [TAG_KEY]: tags.get(String(body.UserPoolId)) } } } };
        case 'DeleteUserPool':
          return { status: 200, body: {} };
        default:
          return refuse;
      }
    });
    const listeners = process.listenerCount('SIGTERM');
    const target = await startAwsTarget({ region: 'eu-west-1', endpoint, sdk: sdkFor(endpoint), runId: 'run1-abcdef' });
    expect(process.listenerCount('SIGTERM')).toBe(listeners + 1);
    expect(target.client('confidential')).toMatchObject({ userPoolId: 'eu-west-1_Fake1', clientSecret: 'fake-client-secret' });
    expect(target.client('mfaRequired')).toMatchObject({ userPoolId: 'eu-west-1_Fake2', clientSecret: undefined });
    const rotating = captured.find((c) => c.operation === 'CreateUserPoolClient' && c.body.ClientName === `${TAG_KEY}-rotating`);
    expect(rotating?.body).toMatchObject({ RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 } });
    expect(captured.filter((c) => c.operation === 'SetUserPoolMfaConfig').map((c) => c.body.MfaConfiguration)).toEqual(['OPTIONAL', 'ON']);
    await expect(target.lastCode('public', 'anyone')).rejects.toThrow(/unsupported/);

    captured.length = 0;
    await target.stop();
    expect(captured.map((c) => `${c.operation} ${String(c.body.UserPoolId)}`)).toEqual([
      'DescribeUserPool eu-west-1_Fake1',
      'DeleteUserPool eu-west-1_Fake1',
      'DescribeUserPool eu-west-1_Fake2',
      'DeleteUserPool eu-west-1_Fake2',
    ]);
    expect(process.listenerCount('SIGTERM')).toBe(listeners);
  });

  it('cleans up a provisioning that failed half way, and refuses to delete a pool tagged for another run', async () => {
    const { endpoint, captured } = await fakeService((operation, body) => {
      if (operation === 'CreateUserPool') return { status: 200, body: { UserPool: { Id: 'eu-west-1_Half1' } } };
      if (operation === 'SetUserPoolMfaConfig') return { status: 200, body: {} };
      if (operation === 'CreateUserPoolClient') return { status: 400, body: { __type: 'LimitExceededException', message: 'Too many clients' } };
      if (operation === 'DescribeUserPool') {
        const tag = body.UserPoolId === 'eu-west-1_Half1' ? 'run2-abcdef' : 'someone-else';
        return { status: 200, body: { UserPool: { Id: body.UserPoolId, UserPoolTags: { [TAG_KEY]: tag } } } };
      }
      if (operation === 'DeleteUserPool') return { status: 200, body: {} };
      return refuse;
    });
    await expect(startAwsTarget({ region: 'eu-west-1', endpoint, sdk: sdkFor(endpoint), runId: 'run2-abcdef' })).rejects.toMatchObject({ name: 'LimitExceededException' });
    expect(captured.map((c) => c.operation)).toEqual(['CreateUserPool', 'SetUserPoolMfaConfig', 'CreateUserPoolClient', 'DescribeUserPool', 'DeleteUserPool']);

    captured.length = 0;
    const problems = await deletePools(sdkFor(endpoint), 'run2-abcdef', ['eu-west-1_NotOurs1']);
    expect(problems).toEqual([`eu-west-1_NotOurs1: refused, its ${TAG_KEY} tag is "someone-else", not this run's "run2-abcdef"`]);
    expect(captured.map((c) => c.operation)).toEqual(['DescribeUserPool']);
  });

  it('needs a region', async () => {
    await expect(startAwsTarget({ region: '' })).rejects.toThrow(/AWS_REGION/);
  });
});

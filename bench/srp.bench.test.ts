/**
 * SRP compute in one Node process, on the same inputs for each library: A generation, and the work between
 * receiving PASSWORD_VERIFIER and sending the answer (password key + signature).
 */
import { createHmac } from 'node:crypto';
import { it } from 'vitest';
import { N, computePasswordClaim, generateSrpEphemeral } from '../src/core/srp/index.js';
import { hex, oracle, oracleBigInt, seeded, sync } from '../test/core/srp/helpers';
import { record, stats, time } from './record';

// Amplify's SRP helper is internal to @aws-amplify/auth (not in its exports map): loaded by file.
const amplifySrp = '../node_modules/@aws-amplify/auth/dist/esm/providers/cognito/utils/srp/';
type AmplifyHelper = {
  getPasswordAuthenticationKey(input: { username: string; password: string; serverBValue: unknown; salt: unknown }): Promise<Uint8Array>;
};
type AmplifyBigInteger = new (value: string, radix: number) => unknown;

const ITERATIONS = 25;
const poolName = 'AbC123Bench';
const userId = 'alice-uuid';
const password = 'correct horse battery staple';
const aBytes = seeded('bench a', 128);
/** Our randomness, from the same seed: as many bytes as the client draws for a (each library its own size). */
const fillA = (b: Uint8Array) => {
  b.set(aBytes.subarray(0, b.length));
  return b;
};
const saltHex = hex(seeded('bench salt', 16));
const srpBHex = (BigInt(`0x${hex(seeded('bench B', 384))}`) % N).toString(16);
const secretBlock = Buffer.from(seeded('bench secret block', 96)).toString('base64');
const timestamp = 'Tue Nov 3 09:05:07 UTC 2026';

it('measures SRP compute for ours, amazon-cognito-identity-js and Amplify', async () => {
  // Ours.
  const ours = {
    A: stats(await time(() => generateSrpEphemeral(fillA), ITERATIONS)),
    claim: stats(
      await time(
        () =>
          computePasswordClaim({ ephemeral: generateSrpEphemeralOnce(), poolName, userId, password, saltHex, srpBHex, secretBlock, timestamp }),
        ITERATIONS,
      ),
    ),
  };

  // amazon-cognito-identity-js: jsbn BigInteger, the HMAC as CognitoUser builds it.
  const helper = oracle();
  helper.poolName = poolName;
  const a = oracleBigInt(hex(aBytes));
  const identityA = stats(await time(() => sync((cb) => helper.calculateA(a, cb)), ITERATIONS));
  helper.smallAValue = a;
  helper.largeAValue = sync((cb) => helper.calculateA(a, cb));
  const B = oracleBigInt(srpBHex);
  const salt = oracleBigInt(saltHex);
  const identityClaim = stats(
    await time(() => {
      const key = sync<Uint8Array>((cb) => helper.getPasswordAuthenticationKey(userId, password, B, salt, cb));
      const message = Buffer.concat([Buffer.from(poolName), Buffer.from(userId), Buffer.from(secretBlock, 'base64'), Buffer.from(timestamp)]);
      return createHmac('sha256', key).update(message).digest('base64');
    }, ITERATIONS),
  );

  // Amplify (aws-amplify 6): its own BigInteger, its signature helper.
  const { getAuthenticationHelper, getSignatureString } = (await import(/* @vite-ignore */ `${amplifySrp}index.mjs`)) as {
    getAuthenticationHelper(poolName: string): Promise<AmplifyHelper>;
    getSignatureString(input: object): string;
  };
  const { default: BigInteger } = (await import(/* @vite-ignore */ `${amplifySrp}BigInteger/BigInteger.mjs`)) as { default: AmplifyBigInteger };
  const amplifyA = stats(await time(() => getAuthenticationHelper(poolName), ITERATIONS));
  const amplifyHelper = await getAuthenticationHelper(poolName);
  const amplifyClaim = stats(
    await time(async () => {
      const hkdf = await amplifyHelper.getPasswordAuthenticationKey({
        username: userId,
        password,
        serverBValue: new BigInteger(srpBHex, 16),
        salt: new BigInteger(saltHex, 16),
      });
      return getSignatureString({ userPoolName: poolName, username: userId, challengeParameters: { SECRET_BLOCK: secretBlock }, dateNow: timestamp, hkdf });
    }, ITERATIONS),
  );

  const result = {
    iterations: ITERATIONS,
    ours,
    identityJs: { A: identityA, claim: identityClaim },
    amplify: { A: amplifyA, claim: amplifyClaim },
  };
  record('srp', result);
  console.log(JSON.stringify(result, null, 1));
});

let once: ReturnType<typeof generateSrpEphemeral> | undefined;
function generateSrpEphemeralOnce() {
  once ??= generateSrpEphemeral(fillA);
  return once;
}

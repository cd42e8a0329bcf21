import { createHash, hkdfSync, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  N,
  base64ToBytes,
  bytesToBase64,
  computePasswordClaim,
  createDeviceVerifier,
  formatSrpTimestamp,
  generateSrpEphemeral,
  hexToBytes,
  padHex,
} from '../../../src/core/srp';
import {
  createPasswordVerifier,
  createServerEphemeral,
  verifierFromDeviceConfirmation,
  verifyPasswordClaim,
  type ServerEphemeral,
  type UserVerifier,
} from '../../../src/testing/srpVerifier';
import { cryptoRandom, forcedRandom, hex, oracle, oracleClaim, seeded, sync } from './helpers';

const poolName = 'AbCdEf123';
const userId = '7f1e2d3c-user';
const password = 'Correct horse 9!';
const secretBlock = bytesToBase64(seeded('secret-block', 120));
const timestamp = formatSrpTimestamp(new Date(Date.UTC(2026, 10, 3, 9, 5, 7)));

interface Exchange {
  stored: UserVerifier;
  server: ServerEphemeral;
}

async function startExchange(forSalt: Uint8Array = seeded('salt', 16)): Promise<Exchange> {
  const stored = await createPasswordVerifier(poolName, userId, password, forcedRandom(forSalt));
  const server = await createServerEphemeral(stored.verifier, forcedRandom(seeded('b', 128)));
  return { stored, server };
}

async function clientClaim(ex: Exchange, over: { password?: string; secretBlock?: string; timestamp?: string } = {}) {
  const ephemeral = generateSrpEphemeral(cryptoRandom);
  const claim = await computePasswordClaim({
    ephemeral,
    poolName,
    userId,
    password: over.password ?? password,
    saltHex: ex.stored.saltHex,
    srpBHex: ex.server.srpBHex,
    secretBlock: over.secretBlock ?? secretBlock,
    timestamp: over.timestamp ?? timestamp,
  });
  return { srpAHex: ephemeral.srpA, signature: claim.signature };
}

const verify = (ex: Exchange, claim: { srpAHex: string; signature: string }, over: { secretBlock?: string; timestamp?: string } = {}) =>
  verifyPasswordClaim({
    poolName,
    userId,
    verifier: ex.stored,
    server: ex.server,
    srpAHex: claim.srpAHex,
    signature: claim.signature,
    secretBlock: over.secretBlock ?? secretBlock,
    timestamp: over.timestamp ?? timestamp,
  });

describe('the simulated pool verifier', () => {
  describe('given a user password verifier', () => {
    it('accepts our client claim', async () => {
      const ex = await startExchange();
      expect(await verify(ex, await clientClaim(ex))).toBe(true);
    });

    it('accepts the claim amazon-cognito-identity-js makes', async () => {
      const ex = await startExchange();
      const theirs = oracleClaim({
        aHex: hex(seeded('oracle-a', 128)),
        poolName,
        userId,
        password,
        saltHex: ex.stored.saltHex,
        srpBHex: ex.server.srpBHex,
        secretBlock,
        timestamp,
      });
      expect(await verify(ex, { srpAHex: theirs.srpA, signature: theirs.signature })).toBe(true);
    });

    it('sends SALT as an integer, so a salt with leading zero bytes goes out short and odd-length, and still verifies', async () => {
      const ex = await startExchange(hexToBytes('000abc' + hex(seeded('salt', 13))));
      expect(ex.stored.saltHex).toMatch(/^abc/);
      expect(ex.stored.saltHex.length % 2).toBe(1);
      expect(await verify(ex, await clientClaim(ex))).toBe(true);
    });

    it('forces b through randomBytes and computes B = k*v + g^b mod N', async () => {
      const ex = await startExchange();
      expect(ex.server.b).toBe(BigInt(`0x${hex(seeded('b', 128))}`));
      expect(ex.server.srpBHex).toBe(ex.server.B.toString(16));
      expect(ex.server.B).toBeLessThan(N);
    });

    it('rejects a wrong password', async () => {
      const ex = await startExchange();
      expect(await verify(ex, await clientClaim(ex, { password: 'Correct horse 9?' }))).toBe(false);
    });

    it('rejects a claim signed with another timestamp', async () => {
      const ex = await startExchange();
      const claim = await clientClaim(ex, { timestamp: 'Tue Nov 3 09:05:08 UTC 2026' });
      expect(await verify(ex, claim)).toBe(false);
    });

    it('rejects a claim signed over another secret block', async () => {
      const ex = await startExchange();
      const claim = await clientClaim(ex, { secretBlock: bytesToBase64(seeded('other-block', 120)) });
      expect(await verify(ex, claim)).toBe(false);
    });

    it('rejects a tampered or malformed signature', async () => {
      const ex = await startExchange();
      const claim = await clientClaim(ex);
      const bytes = base64ToBytes(claim.signature);
      bytes[31] = bytes[31]! ^ 1;
      expect(await verify(ex, { ...claim, signature: bytesToBase64(bytes) })).toBe(false);
      expect(await verify(ex, { ...claim, signature: bytesToBase64(bytes.subarray(0, 31)) })).toBe(false);
      expect(await verify(ex, { ...claim, signature: 'not base64!' })).toBe(false);
      expect(await verify(ex, { ...claim, srpAHex: 'xyz' })).toBe(false);
    });

    it.each([
      ['A = N', N],
      ['A = 0', 0n],
      ['A = 2N', 2n * N],
    ])('rejects %s even with the signature an attacker can compute for S = 0', async (_name, A) => {
      const ex = await startExchange();
      // With A = 0 mod N, S = (A * v^u)^b = 0 whatever the password: the host must refuse such an A.
      const pad = (n: bigint) => Buffer.from(hexToBytes(padHex(n)));
      const u = createHash('sha256').update(Buffer.concat([pad(A), pad(ex.server.B)])).digest();
      const uPadded = pad(BigInt(`0x${u.toString('hex')}`));
      const key = Buffer.from(hkdfSync('sha256', pad(0n), uPadded, 'Caldera Derived Key', 16));
      const forged = createHmac('sha256', key)
        .update(Buffer.concat([Buffer.from(poolName), Buffer.from(userId), Buffer.from(secretBlock, 'base64'), Buffer.from(timestamp)]))
        .digest('base64');
      expect(await verify(ex, { srpAHex: A.toString(16), signature: forged })).toBe(false);
    });
  });

  describe('given a remembered device', () => {
    const deviceGroupKey = '-aBcDeFgH';
    const deviceKey = 'us-east-1_0a1b2c3d-4e5f-6789-abcd-ef0123456789';

    async function deviceRoundTrip(devicePassword: string, verifierB64: string, saltB64: string) {
      const stored = verifierFromDeviceConfirmation(verifierB64, saltB64);
      const server = await createServerEphemeral(stored.verifier, cryptoRandom);
      const ephemeral = generateSrpEphemeral(cryptoRandom);
      const { signature } = await computePasswordClaim({
        ephemeral,
        poolName: deviceGroupKey,
        userId: deviceKey,
        password: devicePassword,
        saltHex: stored.saltHex,
        srpBHex: server.srpBHex,
        secretBlock,
        timestamp,
      });
      return verifyPasswordClaim({
        poolName: deviceGroupKey,
        userId: deviceKey,
        verifier: stored,
        server,
        srpAHex: ephemeral.srpA,
        secretBlock,
        timestamp,
        signature,
      });
    }

    it('round trips createDeviceVerifier -> verifierFromDeviceConfirmation -> verifyPasswordClaim', async () => {
      const device = await createDeviceVerifier(deviceGroupKey, deviceKey, cryptoRandom);
      expect(base64ToBytes(device.devicePassword)).toHaveLength(40);
      expect(await deviceRoundTrip(device.devicePassword, device.passwordVerifier, device.salt)).toBe(true);
    });

    it.each([
      ['with the top bit set gets a 00 byte in front', 'ff' + hex(seeded('ds', 15)), 17],
      ['with leading zero bytes is sent short', '00005a' + hex(seeded('ds', 13)), 14],
      ['with leading zero bytes and then the top bit set is sent short, with one 00', '0000b0' + hex(seeded('ds', 13)), 15],
    ])('encodes a salt that %s, and still round trips', async (_name, saltHex, saltLength) => {
      const device = await createDeviceVerifier(
        deviceGroupKey,
        deviceKey,
        forcedRandom(seeded('device-password', 40), hexToBytes(saltHex)),
      );
      expect(device.devicePassword).toBe(bytesToBase64(seeded('device-password', 40)));
      expect(base64ToBytes(device.salt)).toHaveLength(saltLength);
      expect(await deviceRoundTrip(device.devicePassword, device.passwordVerifier, device.salt)).toBe(true);
    });

    it('accepts a device verifier made by amazon-cognito-identity-js', async () => {
      const helper = oracle();
      sync<null>((cb) => helper.generateHashDevice(deviceGroupKey, deviceKey, cb));
      const config = {
        Salt: Buffer.from(helper.getSaltDevices(), 'hex').toString('base64'),
        PasswordVerifier: Buffer.from(helper.getVerifierDevices(), 'hex').toString('base64'),
      };
      expect(await deviceRoundTrip(helper.getRandomPassword(), config.PasswordVerifier, config.Salt)).toBe(true);

      // Given identity-js's random password and salt, we derive the same DeviceSecretVerifierConfig.
      const ours = await createDeviceVerifier(
        deviceGroupKey,
        deviceKey,
        forcedRandom(base64ToBytes(helper.getRandomPassword()), hexToBytes(helper.getSaltDevices())),
      );
      expect(ours).toEqual({ devicePassword: helper.getRandomPassword(), passwordVerifier: config.PasswordVerifier, salt: config.Salt });
    });
  });
});

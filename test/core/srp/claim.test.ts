import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  N,
  SrpSafetyError,
  bytesToBase64,
  computePasswordClaim,
  formatSrpTimestamp,
  generateSrpEphemeral,
  hexToBytes,
  type PasswordClaimInput,
} from '../../../src/core/srp';
import { forcedRandom, hex, oracle, oracleBigInt, oracleClaim, seeded, sync, type OracleClaimInput } from './helpers';

/** Our claim and identity-js's for the same inputs (a forced through randomBytes). */
async function bothClaims(input: OracleClaimInput) {
  const ephemeral = generateSrpEphemeral(forcedRandom(hexToBytes(input.aHex)));
  const claim: PasswordClaimInput = {
    ephemeral,
    poolName: input.poolName,
    userId: input.userId,
    password: input.password,
    saltHex: input.saltHex,
    srpBHex: input.srpBHex,
    secretBlock: input.secretBlock,
    timestamp: input.timestamp,
  };
  const ours = await computePasswordClaim(claim);
  return { ours: { srpA: ephemeral.srpA, signature: ours.signature }, theirs: oracleClaim(input) };
}

// Fixed inputs; the edge cases below change one of them. The seeds of the "zero bits" cases were found by
// searching labels with a throwaway script; each case re-checks that it still hits its edge.
const base: OracleClaimInput = {
  aHex: hex(seeded('a/base', 128)),
  poolName: 'pool',
  userId: 'alice',
  password: 'password',
  saltHex: hex(seeded('salt/base', 16)),
  srpBHex: hex(seeded('B/base', 384)),
  secretBlock: bytesToBase64(seeded('secret', 64)),
  timestamp: 'Tue Nov 3 09:05:07 UTC 2026',
};

describe('computePasswordClaim', () => {
  it('signs exactly as amazon-cognito-identity-js for random inputs', async () => {
    const hexOf = (bytes: Uint8Array, stripZeros: boolean) => {
      const h = hex(bytes);
      return stripZeros ? h.replace(/^0+(?=.)/, '') : h;
    };
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          a: fc.uint8Array({ minLength: 128, maxLength: 128 }),
          B: fc.uint8Array({ minLength: 1, maxLength: 384 }),
          salt: fc.uint8Array({ minLength: 1, maxLength: 32 }),
          stripZeros: fc.boolean(),
          poolName: fc.string({ unit: 'binary', maxLength: 12 }),
          userId: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
          password: fc.string({ unit: 'binary', maxLength: 40 }),
          secret: fc.uint8Array({ maxLength: 200 }),
          date: fc.date({ min: new Date(0), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
        }),
        async (r) => {
          const srpBHex = hexOf(r.B, r.stripZeros);
          fc.pre(BigInt(`0x${srpBHex}`) % N !== 0n);
          const { ours, theirs } = await bothClaims({
            aHex: hex(r.a),
            poolName: r.poolName,
            userId: r.userId,
            password: r.password,
            saltHex: hexOf(r.salt, r.stripZeros),
            srpBHex,
            secretBlock: bytesToBase64(r.secret),
            timestamp: formatSrpTimestamp(r.date),
          });
          expect(ours).toEqual(theirs);
        },
      ),
      { numRuns: 40 },
    );
    // 40 claims through identity-js's jsbn arithmetic take 15 to 25 s on two busy cores: more than the
    // default 20 s would allow, without being slow for a user (each claim is ours in a few milliseconds).
  }, 90_000);

  describe('given values on the wire with leading zeros, odd lengths or the top bit set', () => {
    const salt15 = hex(seeded('salt/short', 15));
    const bHex = base.srpBHex;
    it.each([
      ['SALT with a leading zero byte', { saltHex: `00${salt15}` }],
      ['SALT with two leading zero bytes', { saltHex: `0000${salt15}` }],
      ['SALT of odd length', { saltHex: `5${salt15}` }],
      ['SALT of odd length starting with 8 (padded to 08, no extra 00)', { saltHex: `8${salt15}` }],
      ['SALT with the top bit set (padded with 00)', { saltHex: `ff${salt15}` }],
      ['SALT of a single digit', { saltHex: '7' }],
      ['SALT of zero', { saltHex: '000' }],
      ['SRP_B with leading zero bytes', { srpBHex: `0000${bHex}` }],
      ['SRP_B of odd length', { srpBHex: `7${bHex.slice(2)}` }],
      ['SRP_B with the top bit set', { srpBHex: `f${bHex.slice(1)}` }],
      ['SRP_B without the top bit set', { srpBHex: `1${bHex.slice(1)}` }],
      ['SRP_B larger than N (not reduced by the server)', { srpBHex: (N + BigInt(`0x${bHex}`)).toString(16) }],
      ['SRP_B in upper case', { srpBHex: bHex.toUpperCase() }],
      ['an empty SECRET_BLOCK', { secretBlock: '' }],
      ['a SECRET_BLOCK without padding', { secretBlock: bytesToBase64(seeded('secret', 65)).replace(/=+$/, '') }],
      ['a pool name ending in half a surrogate pair that the user id completes', { poolName: 'p\uD83D', userId: '\uDE00x' }],
      ['non-ASCII user id and password', { userId: 'Zoë-用户', password: 'pässwörd 🔑' }],
    ] as const)('%s', async (_name, override) => {
      const { ours, theirs } = await bothClaims({ ...base, ...override });
      expect(ours).toEqual(theirs);
    });

    it.each([
      ['A with the top bit set', 'a/1', (srpA: string) => srpA.length === 768 && /^[89a-f]/.test(srpA)],
      ['A with a leading zero nibble (SRP_A of odd length)', 'a/0', (srpA: string) => srpA.length === 767],
      ['A with a leading zero byte', 'a/95', (srpA: string) => srpA.length <= 766],
    ] as const)('%s', async (_name, label, isEdge) => {
      const { ours, theirs } = await bothClaims({ ...base, aHex: hex(seeded(label, 128)) });
      expect(isEdge(ours.srpA)).toBe(true);
      expect(ours).toEqual(theirs);
    });
  });

  describe('given hash outputs and S that start with zero bits', () => {
    // Re-derives the oracle's intermediate values of the last oracleClaim call, to prove each case hits its edge.
    function oracleIntermediates(input: OracleClaimInput) {
      const helper = oracle();
      const saltPadded = helper.padHex(oracleBigInt(input.saltHex));
      const xHex = helper.hexHash(saltPadded + helper.hash(`${input.poolName}${input.userId}:${input.password}`));
      const S = sync<{ toString(radix: number): string }>((cb) =>
        helper.calculateS(oracleBigInt(xHex), oracleBigInt(input.srpBHex), cb),
      );
      return { uHex: helper.hexHash(helper.padHex(helper.largeAValue) + helper.padHex(oracleBigInt(input.srpBHex))), xHex, sHex: S.toString(16) };
    }

    it.each([
      ['u whose hash starts with a zero byte', { srpBHex: hex(seeded('B/501', 384)) }, ({ uHex }: Edge) => uHex.startsWith('00')],
      ['u whose hash starts with a zero nibble', { srpBHex: hex(seeded('B/16', 384)) }, ({ uHex }: Edge) => /^0[1-9a-f]/.test(uHex)],
      ['x whose hash starts with a zero byte', { saltHex: hex(seeded('salt/452', 16)) }, ({ xHex }: Edge) => xHex.startsWith('00')],
      ['x whose hash starts with a zero nibble', { saltHex: hex(seeded('salt/36', 16)) }, ({ xHex }: Edge) => /^0[1-9a-f]/.test(xHex)],
      ['S with a leading zero byte', { password: 'pw/561' }, ({ sHex }: Edge) => sHex.length <= 766],
      ['S with a leading zero nibble', { password: 'pw/7' }, ({ sHex }: Edge) => sHex.length === 767],
      ['S with the top bit set', { password: 'pw/0' }, ({ sHex }: Edge) => sHex.length === 768 && /^[89a-f]/.test(sHex)],
    ] as const)('%s', async (_name, override, isEdge) => {
      const input = { ...base, ...override };
      const { ours, theirs } = await bothClaims(input);
      expect(isEdge(oracleIntermediates(input))).toBe(true);
      expect(ours).toEqual(theirs);
    });
  });

  describe('given a B that is 0 mod N', () => {
    it.each([
      ['B = N', N.toString(16)],
      ['B = 0', '0'],
      ['B = 0 with leading zeros', '0000'],
      ['B = 2N', (2n * N).toString(16)],
    ])('refuses to answer when %s', async (_name, srpBHex) => {
      const ephemeral = generateSrpEphemeral(forcedRandom(hexToBytes(base.aHex)));
      const claim = computePasswordClaim({ ...base, ephemeral, srpBHex });
      await expect(claim).rejects.toBeInstanceOf(SrpSafetyError);
      await expect(claim).rejects.toMatchObject({ srpSafetyCheck: true, name: 'SrpSafetyError' });
      expect(() => oracleClaim({ ...base, srpBHex })).toThrow(/B cannot be zero/);
    });
  });
});

interface Edge {
  uHex: string;
  xHex: string;
  sHex: string;
}

describe('the client ephemeral a', () => {
  it('draws 384 random bits, fresh for each sign-in, and A = g^a agrees with the reference client', async () => {
    const sizes: number[] = [];
    const eph1 = generateSrpEphemeral((b) => (sizes.push(b.length), crypto.getRandomValues(b)));
    const eph2 = generateSrpEphemeral((b) => (sizes.push(b.length), crypto.getRandomValues(b)));
    expect(sizes).toEqual([48, 48]);
    expect(eph1.a).not.toBe(eph2.a);
    expect(eph1.a < 1n << 384n).toBe(true);
    // Every one of the 384 bits is used: all-ones bytes give a = 2^384 - 1.
    expect(generateSrpEphemeral((b) => b.fill(0xff)).a).toBe((1n << 384n) - 1n);
    const helper = oracle();
    const A = sync<{ toString(radix: number): string }>((cb) => helper.calculateA(oracleBigInt(eph1.a.toString(16)), cb));
    expect(A.toString(16)).toBe(eph1.srpA);
  });
});

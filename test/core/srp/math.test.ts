import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { N, bigintFromHex, g, getK, modPow, padHex } from '../../../src/core/srp';
import { oracle, oracleBigInt } from './helpers';

/** Textbook right-to-left square-and-multiply, the reference modPow is checked against. */
function naiveModPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n % mod;
  let b = ((base % mod) + mod) % mod;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
  }
  return result;
}

const bigNat = (maxBytes: number) =>
  fc.uint8Array({ minLength: 0, maxLength: maxBytes }).map((b) => (b.length ? BigInt(`0x${Buffer.from(b).toString('hex')}`) : 0n));

describe('modPow', () => {
  it('matches square-and-multiply for random bases, exponents (incl. 0 and 1) and moduli', () => {
    fc.assert(
      fc.property(
        bigNat(80),
        fc.oneof(fc.constantFrom(0n, 1n, 2n), bigNat(80)),
        bigNat(80).map((m) => m + 1n),
        (base, exp, mod) => {
          expect(modPow(base, exp, mod)).toBe(naiveModPow(base, exp, mod));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('matches square-and-multiply modulo N, for g (the fixed-base table) and for other bases', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(g), bigNat(384)),
        fc.oneof(fc.constantFrom(0n, 1n, 2n, 31n, 32n, 33n), bigNat(32), bigNat(128)),
        (base, exp) => {
          expect(modPow(base, exp, N)).toBe(naiveModPow(base, exp, N));
        },
      ),
      { numRuns: 30 },
    );
  });

  it('falls back from the fixed-base table for exponents longer than it covers', () => {
    const exp = (1n << 2100n) + 12345n;
    expect(modPow(g, exp, N)).toBe(naiveModPow(g, exp, N));
  });

  it('reduces bases that are negative or not below the modulus', () => {
    expect(modPow(-3n, 5n, 7n)).toBe(naiveModPow(4n, 5n, 7n));
    expect(modPow(N + g, 77n, N)).toBe(naiveModPow(g, 77n, N));
    expect(modPow(5n, 3n, 1n)).toBe(0n);
  });

  it('rejects a negative exponent or a non-positive modulus', () => {
    expect(() => modPow(2n, -1n, 7n)).toThrow(RangeError);
    expect(() => modPow(2n, 1n, 0n)).toThrow(RangeError);
  });
});

describe('padHex', () => {
  it.each([
    [0x7fn, '7f'],
    [0x80n, '0080'],
    [0x1n, '01'],
    [0xabcn, '0abc'],
    [0x8abcn, '008abc'],
    [0n, '00'],
    [0xffn, '00ff'],
    [0x100n, '0100'],
  ])('pads %s as %s', (n, expected) => {
    expect(padHex(n)).toBe(expected);
  });

  it('agrees with amazon-cognito-identity-js for random values', () => {
    fc.assert(
      fc.property(bigNat(40), (n) => {
        expect(padHex(n)).toBe(oracle().padHex(oracleBigInt(n.toString(16))));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses negative values (never sent in Cognito SRP)', () => {
    expect(() => padHex(-1n)).toThrow(RangeError);
  });
});

describe('bigintFromHex', () => {
  it.each([
    ['00ab', 0xabn],
    ['abc', 0xabcn],
    ['ABC', 0xabcn],
    ['0', 0n],
  ])('reads %s by value', (hexValue, expected) => {
    expect(bigintFromHex(hexValue)).toBe(expected);
  });

  it.each(['', '0x12', '-1', 'g', ' 12'])('rejects %j', (hexValue) => {
    expect(() => bigintFromHex(hexValue)).toThrow(TypeError);
  });
});

describe('the group', () => {
  it('uses the RFC 5054 3072-bit prime and g = 2, as identity-js does', () => {
    expect(N.toString(2)).toHaveLength(3072);
    expect(N.toString(16)).toBe(oracle().N.toString(16));
    expect(g.toString(16)).toBe(oracle().g.toString(16));
  });

  it('has k = H(pad(N) | pad(g)) equal to the known constant and to identity-js', async () => {
    const k = await getK();
    expect(k.toString(16)).toBe('538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6');
    expect(k.toString(16)).toBe(oracle().k.toString(16));
    expect(await getK()).toBe(k);
  });
});

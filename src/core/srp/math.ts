/**
 * The SRP group and the big-integer arithmetic Cognito's SRP needs, on native BigInt.
 *
 * A 3072-bit modular multiplication costs a few microseconds natively; what matters is how many of them
 * an exponentiation does. Powers of the fixed generator use a table built once (Yao's fixed-base
 * method, ~240 multiplications for a 1024-bit exponent instead of ~1200), other bases a sliding window.
 */
import { concatBytes, hexToBytes } from './encoding.js';
import { sha256 } from './hash.js';

/** The 3072-bit safe prime of RFC 5054 (appendix A), the modulus of every Cognito SRP exchange. */
export const N: bigint = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);

/** The generator of the group. */
export const g: bigint = 2n;

/**
 * Parses a hex integer as Cognito sends it (SRP_B, SALT): leading zeros and odd lengths are allowed and
 * only the value counts, which is what later padding works from.
 *
 * @example bigintFromHex('00ab') // 171n
 */
export function bigintFromHex(hex: string): bigint {
  if (!/^[0-9a-fA-F]+$/.test(hex)) throw new TypeError('bigintFromHex: not a hex string');
  return BigInt(`0x${hex}`);
}

/** The unsigned big-endian integer of some bytes (random values, hash outputs, decoded verifiers). */
export function bigintFromBytes(b: Uint8Array): bigint {
  let hex = '';
  for (const byte of b) hex += byte.toString(16).padStart(2, '0');
  return hex === '' ? 0n : BigInt(`0x${hex}`);
}

/**
 * Cognito's `pad()`: the shortest even-length hex of a non-negative integer that still reads as
 * positive in two's complement, i.e. with an extra `00` byte when the top bit is set (Java's
 * `BigInteger.toByteArray()`, which the service uses). Every SRP hash input goes through it.
 *
 * @example padHex(0x80n) // "0080"
 */
export function padHex(n: bigint): string {
  if (n < 0n) throw new RangeError('padHex: negative values are never sent in Cognito SRP');
  const hex = n.toString(16);
  const even = hex.length % 2 === 0 ? hex : `0${hex}`;
  return /^[89a-f]/.test(even) ? `00${even}` : even;
}

/** Bytes of {@link padHex}: what is actually hashed. */
export function padBytes(n: bigint): Uint8Array {
  return hexToBytes(padHex(n));
}

let kPromise: Promise<bigint> | undefined;

/**
 * The SRP-6a multiplier k = H(pad(N) | pad(g)). Computed once (it is a constant of the group) and shared.
 *
 * @example const k = await getK();
 */
export function getK(): Promise<bigint> {
  kPromise ??= sha256(concatBytes(padBytes(N), padBytes(g))).then(bigintFromBytes);
  return kPromise;
}

// Fixed base g mod N: G[i] = g^(2^(W*i)), grown on demand up to the longest exponent seen. SRP raises g to
// at most 1024 bits (a, b; x has 256), ~80 KB of table; the cap bounds it at ~160 KB.
const W = 5;
const W_BITS = BigInt(W);
const DIGIT_MASK = BigInt((1 << W) - 1);
const FIXED_BASE_MAX_EXP = (1n << 2048n) - 1n;
const G: bigint[] = [g];

/**
 * base^exp mod mod for non-negative exponents. Powers of {@link g} modulo {@link N} (A, B, device and
 * user verifiers) take the fixed-base path; everything else a sliding window.
 *
 * @example modPow(3n, 5n, 7n) // 5n
 */
export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  if (mod <= 0n) throw new RangeError('modPow: the modulus must be positive');
  if (exp < 0n) throw new RangeError('modPow: the exponent must not be negative');
  if (mod === 1n) return 0n;
  let b = base % mod;
  if (b < 0n) b += mod;
  if (b === g && mod === N && exp <= FIXED_BASE_MAX_EXP) return powG(exp);
  return slidingWindowPow(b, exp, mod);
}

/** Left-to-right sliding-window exponentiation with a table of the odd powers b, b^3, ... b^(2^w - 1). */
function slidingWindowPow(b: bigint, exp: bigint, mod: bigint): bigint {
  const bits = exp.toString(2);
  const w = bits.length > 768 ? 6 : bits.length > 160 ? 5 : bits.length > 32 ? 4 : 1;
  const odd = [b];
  const b2 = (b * b) % mod;
  for (let i = 1; i < 1 << (w - 1); i++) odd.push((odd[i - 1]! * b2) % mod);

  let r = 1n;
  let i = 0;
  while (i < bits.length) {
    if (bits[i] === '0') {
      r = (r * r) % mod;
      i++;
      continue;
    }
    // The longest window of at most w bits starting here that ends in a 1.
    let j = Math.min(i + w, bits.length);
    while (bits[j - 1] === '0') j--;
    const oddPower = odd[(parseInt(bits.slice(i, j), 2) - 1) >> 1]!;
    if (r === 1n) {
      r = oddPower;
    } else {
      for (let s = i; s < j; s++) r = (r * r) % mod;
      r = (r * oddPower) % mod;
    }
    i = j;
  }
  return r;
}

/**
 * Yao's method: with exp = sum(d_i * 2^(W*i)), g^exp = prod over d = 1..2^W-1 of (prod_{d_i >= d} G[i]),
 * which takes one multiplication per non-zero digit plus one per digit value, and no squaring once the
 * table reaches the exponent's length (building it costs one squaring per exponent bit, once).
 */
function powG(exp: bigint): bigint {
  const digitsOf: number[][] = Array.from({ length: 1 << W }, () => []);
  let count = 0;
  for (let e = exp; e > 0n; e >>= W_BITS) digitsOf[Number(e & DIGIT_MASK)]!.push(count++);
  while (G.length < count) {
    let p = G[G.length - 1]!;
    for (let s = 0; s < W; s++) p = (p * p) % N;
    G.push(p);
  }

  let result = 1n;
  let running = 1n;
  for (let d = (1 << W) - 1; d >= 1; d--) {
    for (const i of digitsOf[d]!) running = running === 1n ? G[i]! : (running * G[i]!) % N;
    if (running !== 1n) result = result === 1n ? running : (result * running) % N;
  }
  return result;
}

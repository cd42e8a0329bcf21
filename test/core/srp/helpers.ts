/**
 * Test helpers for the SRP suites: deterministic bytes, forced randomness, and amazon-cognito-identity-js
 * as an independent oracle (its AuthenticationHelper is exported at runtime but missing from its types).
 */
import { createHash, createHmac } from 'node:crypto';
import * as identity from 'amazon-cognito-identity-js';

/** n deterministic bytes named by a label: SHA-256(label/0) | SHA-256(label/1) | ... truncated. */
export function seeded(label: string, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let j = 0, o = 0; o < n; j++, o += 32) {
    out.set(createHash('sha256').update(`${label}/${j}`).digest().subarray(0, Math.min(32, n - o)), o);
  }
  return out;
}

/** A randomBytes that hands out the given values in order (forcing a, b, salts, device passwords). */
export function forcedRandom(...values: Uint8Array[]): (b: Uint8Array) => Uint8Array {
  let i = 0;
  return () => {
    const v = values[i++];
    if (!v) throw new Error('forcedRandom: no more forced values');
    return v;
  };
}

export const cryptoRandom = (b: Uint8Array): Uint8Array => crypto.getRandomValues(b);

export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** The jsbn BigInteger identity-js uses (only what the tests touch). */
interface OracleBigInteger {
  toString(radix: number): string;
}
type NodeCallback<T> = (err: Error | null, value: T) => void;

interface OracleHelper {
  N: OracleBigInteger;
  g: OracleBigInteger;
  k: OracleBigInteger;
  poolName: string;
  smallAValue: OracleBigInteger;
  largeAValue: OracleBigInteger;
  UValue: OracleBigInteger;
  padHex(n: OracleBigInteger): string;
  hash(s: string | Uint8Array): string;
  hexHash(hex: string): string;
  calculateA(a: OracleBigInteger, cb: NodeCallback<OracleBigInteger>): void;
  calculateS(x: OracleBigInteger, B: OracleBigInteger, cb: NodeCallback<OracleBigInteger>): void;
  getPasswordAuthenticationKey(
    username: string,
    password: string,
    B: OracleBigInteger,
    salt: OracleBigInteger,
    cb: NodeCallback<Uint8Array>,
  ): void;
  generateHashDevice(deviceGroupKey: string, deviceKey: string, cb: NodeCallback<null>): void;
  getRandomPassword(): string;
  getSaltDevices(): string;
  getVerifierDevices(): string;
}

const { AuthenticationHelper } = identity as unknown as { AuthenticationHelper: new (poolName: string) => OracleHelper };

let shared: OracleHelper | undefined;
/** One helper for the whole file: its constructor alone costs a 3072-bit modPow in jsbn. */
export function oracle(): OracleHelper {
  shared ??= new AuthenticationHelper('unused');
  return shared;
}

/** identity-js's BigInteger parses hex exactly as CognitoUser.js does with SALT and SRP_B. */
export function oracleBigInt(hexValue: string): OracleBigInteger {
  const BigInteger = oracle().N.constructor as new (s: string, radix: number) => OracleBigInteger;
  return new BigInteger(hexValue, 16);
}

/** Runs a synchronous identity-js callback API and returns its value. */
export function sync<T>(run: (cb: NodeCallback<T>) => void): T {
  let out: { value: T } | undefined;
  run((err, value) => {
    if (err) throw err;
    out = { value };
  });
  if (!out) throw new Error('identity-js did not call back synchronously');
  return out.value;
}

export interface OracleClaimInput {
  aHex: string;
  poolName: string;
  userId: string;
  password: string;
  saltHex: string;
  srpBHex: string;
  secretBlock: string;
  timestamp: string;
}

/**
 * SRP_A and PASSWORD_CLAIM_SIGNATURE as amazon-cognito-identity-js computes them (AuthenticationHelper
 * for A and the HKDF key, then the HMAC exactly as CognitoUser.authenticateUserDefaultAuth builds it).
 */
export function oracleClaim(input: OracleClaimInput): { srpA: string; signature: string } {
  const helper = oracle();
  helper.poolName = input.poolName;
  const a = oracleBigInt(input.aHex);
  const A = sync<OracleBigInteger>((cb) => helper.calculateA(a, cb));
  helper.smallAValue = a;
  helper.largeAValue = A;
  const key = sync<Uint8Array>((cb) =>
    helper.getPasswordAuthenticationKey(
      input.userId,
      input.password,
      oracleBigInt(input.srpBHex),
      oracleBigInt(input.saltHex),
      cb,
    ),
  );
  const message = Buffer.concat([
    Buffer.from(input.poolName, 'utf8'),
    Buffer.from(input.userId, 'utf8'),
    Buffer.from(input.secretBlock, 'base64'),
    Buffer.from(input.timestamp, 'utf8'),
  ]);
  return { srpA: A.toString(16), signature: createHmac('sha256', key).update(message).digest('base64') };
}

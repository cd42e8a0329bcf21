/**
 * Byte encodings used on Cognito's SRP wire: hex (SRP_A, SRP_B, SALT), base64 (SECRET_BLOCK, signatures,
 * device verifiers) and UTF-8 (pool names, user ids, passwords, timestamps). Written without `Buffer` so
 * the core runs unchanged in browsers.
 */

const HEX_DIGITS = '0123456789abcdef';
const HEX_PATTERN = /^[0-9a-fA-F]*$/;

/**
 * Lower-case hex of the bytes, two digits per byte (leading zero bytes are kept).
 *
 * @example bytesToHex(new Uint8Array([0, 171])) // "00ab"
 */
export function bytesToHex(b: Uint8Array): string {
  let out = '';
  for (const byte of b) out += HEX_DIGITS[byte >> 4]! + HEX_DIGITS[byte & 15]!;
  return out;
}

/**
 * Bytes of a hex string. Cognito's hex values are integers printed without padding, so an odd length is
 * read as if it had a leading `0` rather than rejected.
 *
 * @example hexToBytes('abc') // Uint8Array [0x0a, 0xbc]
 */
export function hexToBytes(hex: string): Uint8Array {
  if (!HEX_PATTERN.test(hex)) throw new TypeError('hexToBytes: not a hex string');
  const even = hex.length % 2 === 0 ? hex : `0${hex}`;
  const out = new Uint8Array(even.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(even.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export { base64ToBytes, bytesToBase64 } from './base64.js';

const encoder = new TextEncoder();

/**
 * UTF-8 bytes of a string (lone surrogates become U+FFFD, exactly as `Buffer.from(s, 'utf8')` does).
 *
 * @example utf8('é') // Uint8Array [0xc3, 0xa9]
 */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Concatenation of byte arrays (the `|` of the SRP formulas). */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

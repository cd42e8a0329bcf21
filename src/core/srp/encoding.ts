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

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = new Map<string, number>([...BASE64_ALPHABET].map((c, i) => [c, i]));
// The URL-safe alphabet decodes to the same bytes (Node's Buffer, which the reference client uses, accepts it).
BASE64_VALUES.set('-', 62);
BASE64_VALUES.set('_', 63);

/**
 * Standard base64 with `=` padding, the form Cognito sends and expects (PASSWORD_CLAIM_SIGNATURE,
 * DeviceSecretVerifierConfig).
 *
 * @example bytesToBase64(utf8('hi')) // "aGk="
 */
export function bytesToBase64(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i]! << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += BASE64_ALPHABET[n >> 18]! + BASE64_ALPHABET[(n >> 12) & 63]!;
    out += i + 1 < b.length ? BASE64_ALPHABET[(n >> 6) & 63]! : '=';
    out += i + 2 < b.length ? BASE64_ALPHABET[n & 63]! : '=';
  }
  return out;
}

/**
 * Bytes of a base64 string. Padding is optional and the URL-safe alphabet is accepted, but any other
 * character, or a length that cannot come from whole bytes, throws: a corrupted SECRET_BLOCK must fail
 * loudly rather than be silently truncated (as Node's `Buffer.from(s, 'base64')` does).
 *
 * @example base64ToBytes('aGk') // Uint8Array [0x68, 0x69]
 */
export function base64ToBytes(s: string): Uint8Array {
  const body = s.replace(/={1,2}$/, '');
  if (body.length % 4 === 1) throw new TypeError('base64ToBytes: invalid length');
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (const c of body) {
    const v = BASE64_VALUES.get(c);
    if (v === undefined) throw new TypeError('base64ToBytes: not a base64 string');
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

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

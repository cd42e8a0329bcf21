/**
 * Base64 both ways (SRP's SECRET_BLOCK and signatures, device verifiers, JWT payloads), apart from the other
 * encodings so that reading a stored token does not bring the SRP code with it.
 */

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

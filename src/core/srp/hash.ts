/**
 * SHA-256, HMAC-SHA256 and HKDF-SHA256 on WebCrypto (`globalThis.crypto.subtle`), available in browsers
 * (secure contexts) and in Node 20, so the core needs no crypto polyfill.
 */
import { utf8 } from './encoding.js';

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) is unavailable: SRP needs a secure context (https or localhost)');
  return s;
}

// WebCrypto takes ArrayBuffer-backed views only; copy the rare view over a SharedArrayBuffer.
function source(b: Uint8Array): Uint8Array<ArrayBuffer> {
  return b.buffer instanceof ArrayBuffer ? (b as Uint8Array<ArrayBuffer>) : new Uint8Array(b);
}

/**
 * SHA-256 digest (32 bytes): the H of Cognito's SRP.
 *
 * @example const h = await sha256(utf8('abc'));
 */
export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', source(data)));
}

/**
 * HMAC-SHA256 (32 bytes), used for the PASSWORD_CLAIM_SIGNATURE and for SECRET_HASH.
 *
 * @example const mac = await hmacSha256(utf8('key'), utf8('message'));
 */
export async function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  // WebCrypto refuses an empty HMAC key; HMAC zero-pads keys to the block size, so one zero byte is the same key.
  const raw = key.length === 0 ? new Uint8Array(1) : source(key);
  const k = await subtle().importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle().sign('HMAC', k, source(data)));
}

/**
 * HKDF-SHA256 (RFC 5869) with `info` given as a string: Cognito derives the 16-byte claim key with
 * info "Caldera Derived Key".
 *
 * @example const key = await hkdfSha256(ikm, salt, 'Caldera Derived Key', 16);
 */
export async function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: string, length: number): Promise<Uint8Array> {
  const k = await subtle().importKey('raw', source(ikm), 'HKDF', false, ['deriveBits']);
  const params = { name: 'HKDF', hash: 'SHA-256', salt: source(salt), info: source(utf8(info)) };
  return new Uint8Array(await subtle().deriveBits(params, k, length * 8));
}

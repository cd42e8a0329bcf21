/**
 * Encodings and randomness the simulator needs beyond the SRP client's: base64url (JWTs, WebAuthn),
 * Base32 (TOTP secrets) and the random identifiers a user pool hands out (sessions, subs, device keys).
 * Browser-safe: no `Buffer`, only WebCrypto and TextEncoder.
 */
import { base64ToBytes, bytesToBase64, utf8 } from '../core/srp/encoding.js';

/** Fills a byte array with random bytes (the simulator's injectable randomness). */
export type RandomBytes = (bytes: Uint8Array) => Uint8Array;

/** The default randomness: `crypto.getRandomValues`, available in browsers and Node 20. */
export const defaultRandomBytes: RandomBytes = (bytes) => globalThis.crypto.getRandomValues(bytes);

/** WebCrypto only takes ArrayBuffer-backed views: copy the rare view over another buffer kind. */
export function bufferSource(b: Uint8Array): Uint8Array<ArrayBuffer> {
  return b.buffer instanceof ArrayBuffer ? (b as Uint8Array<ArrayBuffer>) : new Uint8Array(b);
}

/** `n` random bytes from the given source. */
export function randomBytesOf(random: RandomBytes, n: number): Uint8Array {
  return random(new Uint8Array(n));
}

/** Base64url without padding (RFC 4648 §5), as JWTs and WebAuthn JSON use it. */
export function bytesToBase64Url(b: Uint8Array): string {
  return bytesToBase64(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Bytes of a base64url (or base64) string; throws on anything else. */
export function base64UrlToBytes(s: string): Uint8Array {
  return base64ToBytes(s);
}

/** Base64url of a string's UTF-8 bytes. */
export function textToBase64Url(s: string): string {
  return bytesToBase64Url(utf8(s));
}

/** The string whose UTF-8 bytes a base64url string holds. */
export function base64UrlToText(s: string): string {
  return new TextDecoder().decode(base64UrlToBytes(s));
}

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 Base32 without padding (the form of Cognito's TOTP SecretCode). */
export function bytesToBase32(b: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const byte of b) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(acc >> bits) & 31]!;
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(acc << (5 - bits)) & 31]!;
  return out;
}

/** Bytes of a Base32 string (case-insensitive, padding and spaces ignored, as authenticator apps do). */
export function base32ToBytes(s: string): Uint8Array {
  const clean = s.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const c of clean) {
    const v = BASE32_ALPHABET.indexOf(c);
    if (v < 0) throw new TypeError(`base32ToBytes: invalid character ${JSON.stringify(c)}`);
    acc = (acc << 5) | v;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
    acc &= (1 << bits) - 1;
  }
  return new Uint8Array(out);
}

/** A random RFC 4122 version-4 UUID (the form of a user's `sub` and of device keys). */
export function randomUuid(random: RandomBytes): string {
  const b = randomBytesOf(random, 16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A string of `length` random decimal digits (the codes the pool "sends"), free of modulo bias. */
export function randomDigits(random: RandomBytes, length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytesOf(random, length)) {
      if (byte < 250 && out.length < length) out += String(byte % 10);
    }
  }
  return out;
}

/** Standard base64 of `n` random bytes: opaque tokens such as Session and SECRET_BLOCK. */
export function randomBase64(random: RandomBytes, n: number): string {
  return bytesToBase64(randomBytesOf(random, n));
}

/** Constant-time comparison of two strings (secret hashes, codes). */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

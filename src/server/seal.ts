/**
 * Sealing: JSON in, an opaque string out, encrypted and authenticated with AES-256-GCM (WebCrypto) under a
 * key derived (HKDF-SHA-256) from a server secret. The first secret seals; every secret opens, so a secret
 * can be rotated in by putting the new one first and retired later. The purpose is authenticated data: a
 * value sealed for one purpose does not open for another (the handler's is its cookie name with the user
 * pool and app client, so one app's cookie is nothing to another app sharing the secrets).
 *
 * Format, base64url: version (1 byte) | key id (4 bytes, from the secret) | IV (12 bytes) | ciphertext+tag.
 */
const VERSION = 1;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  // One character left over (length 4n+1) is no base64 at all: atob would throw.
  if (text.length % 4 === 1) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

interface SealKey {
  id: Uint8Array;
  key: CryptoKey;
}

export interface Sealer {
  seal(purpose: string, value: unknown): Promise<string>;
  /** The value, or `null` when the text was not sealed by one of the secrets for this purpose (tampered, truncated, foreign). */
  open(purpose: string, text: string): Promise<unknown>;
}

/**
 * @param secrets At least 32 characters each; the first one seals.
 */
export function createSealer(secrets: readonly string[]): Sealer {
  if (!Array.isArray(secrets) || secrets.length === 0) throw new Error('cognito-react/server: give at least one cookie secret.');
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < 32) {
      throw new Error('cognito-react/server: each cookie secret must be a string of at least 32 characters (e.g. 32 random bytes, base64).');
    }
  }
  const keys: Promise<SealKey[]> = Promise.all(
    secrets.map(async (secret) => {
      const material = await crypto.subtle.importKey('raw', encoder.encode(secret), 'HKDF', false, ['deriveKey', 'deriveBits']);
      const hkdf = (info: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: encoder.encode(info) });
      const id = new Uint8Array(await crypto.subtle.deriveBits(hkdf('cognito-react cookie key id'), material, 32));
      const key = await crypto.subtle.deriveKey(hkdf('cognito-react cookie key'), material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      return { id, key };
    }),
  );
  return {
    async seal(purpose, value) {
      const [first] = await keys;
      const { id, key } = first as SealKey;
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const plain = encoder.encode(JSON.stringify(value));
      const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(purpose) }, key, plain));
      const out = new Uint8Array(1 + 4 + 12 + cipher.length);
      out[0] = VERSION;
      out.set(id, 1);
      out.set(iv, 5);
      out.set(cipher, 17);
      return toBase64Url(out);
    },
    async open(purpose, text) {
      const bytes = fromBase64Url(text);
      if (!bytes || bytes.length < 1 + 4 + 12 + 16 || bytes[0] !== VERSION) return null;
      const id = bytes.subarray(1, 5);
      const match = (await keys).find((k) => k.id.every((b, i) => b === id[i]));
      if (!match) return null;
      try {
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: bytes.subarray(5, 17), additionalData: encoder.encode(purpose) },
          match.key,
          bytes.subarray(17),
        );
        return JSON.parse(decoder.decode(plain));
      } catch {
        return null;
      }
    },
  };
}

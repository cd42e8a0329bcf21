/**
 * RFC 6238 TOTP as Cognito uses it for SOFTWARE_TOKEN_MFA: HMAC-SHA1, 30-second steps, 6 digits.
 */
import { base32ToBytes, bufferSource } from './bytes.js';

const STEP_MS = 30_000;
const DIGITS = 6;

async function hotp(key: Uint8Array, counter: number): Promise<string> {
  const message = new Uint8Array(8);
  // The counter fits in 53 bits; split it into two 32-bit halves for the big-endian 8-byte message.
  const high = Math.floor(counter / 2 ** 32);
  const low = counter >>> 0;
  new DataView(message.buffer).setUint32(0, high);
  new DataView(message.buffer).setUint32(4, low);
  const k = await globalThis.crypto.subtle.importKey('raw', bufferSource(key), { name: 'HMAC', hash: 'SHA-1' }, false, [
    'sign',
  ]);
  const mac = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', k, message));
  // RFC 4226 §5.3 dynamic truncation.
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary =
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

/**
 * The 6-digit TOTP code an authenticator app would show for `secretBase32` at `epochMs` (RFC 6238,
 * SHA-1, 30-second steps). Tests use it to answer SOFTWARE_TOKEN_MFA and VerifySoftwareToken.
 *
 * @example
 * const code = await totpCode(sim.totpSecret('alice')!, sim.now());
 * await auth.respondToChallenge({ name: 'SOFTWARE_TOKEN_MFA', code });
 */
export async function totpCode(secretBase32: string, epochMs: number): Promise<string> {
  return hotp(base32ToBytes(secretBase32), Math.floor(epochMs / STEP_MS));
}

/**
 * Whether `code` is valid for the secret at `epochMs`, allowing one step of clock drift either way
 * (Cognito accepts the previous and next 30-second window too).
 */
export async function verifyTotp(secretBase32: string, code: string, epochMs: number): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const key = base32ToBytes(secretBase32);
  const step = Math.floor(epochMs / STEP_MS);
  for (const candidate of [step - 1, step, step + 1]) {
    if ((await hotp(key, candidate)) === code) return true;
  }
  return false;
}

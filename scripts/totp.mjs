// Prints the current authenticator code for a Base32 TOTP secret (RFC 6238: HMAC-SHA1, 30 s, 6 digits).
//   node scripts/totp.mjs [SECRET]      (default: the local user pool's TOTP users' secret)
import { createHmac } from 'node:crypto';
import { LOCAL_POOL } from './localPoolUsers.mjs';

export function currentTotp(secret, now = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secret.replace(/=+$/, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 1000 / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0xf;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  console.log(currentTotp(process.argv[2] ?? LOCAL_POOL.totpSecret));
}

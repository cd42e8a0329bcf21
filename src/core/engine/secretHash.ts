import { bytesToBase64, hmacSha256, utf8 } from '../srp/index.js';

/**
 * SECRET_HASH = Base64(HMAC-SHA256(key = client secret, message = username + clientId)), required on
 * every call of an app client that has a secret. The username is the one sent as USERNAME in that call.
 *
 * @example
 * await computeSecretHash('alice', 'client123', 'shh') // 'k6Jk…='
 */
export async function computeSecretHash(username: string, clientId: string, clientSecret: string): Promise<string> {
  return bytesToBase64(await hmacSha256(utf8(clientSecret), utf8(username + clientId)));
}

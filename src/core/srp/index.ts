/**
 * Cognito's SRP (USER_SRP_AUTH, DEVICE_SRP_AUTH) on native BigInt and WebCrypto: no big-number library,
 * no Node built-ins, so it runs in browsers, workers and Node alike.
 */
export { bytesToHex, hexToBytes, bytesToBase64, base64ToBytes, utf8 } from './encoding.js';
export { sha256, hmacSha256 } from './hash.js';
export { N, g, getK, modPow, padHex, bigintFromHex } from './math.js';
export { SrpSafetyError } from './protocol.js';
export { formatSrpTimestamp } from './timestamp.js';
export { generateSrpEphemeral, computePasswordClaim, createDeviceVerifier } from './client.js';
export type { SrpEphemeral, PasswordClaimInput, DeviceVerifier } from './client.js';

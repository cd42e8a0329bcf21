/**
 * Cognito's SRP (USER_SRP_AUTH, DEVICE_SRP_AUTH) on native BigInt and WebCrypto: no big-number library,
 * no Node built-ins, so it runs in browsers, workers and Node alike.
 */
export { bytesToHex, hexToBytes, bytesToBase64, base64ToBytes, utf8 } from './encoding';
export { sha256, hmacSha256 } from './hash';
export { N, g, getK, modPow, padHex, bigintFromHex } from './math';
export { SrpSafetyError } from './protocol';
export { formatSrpTimestamp } from './timestamp';
export { generateSrpEphemeral, computePasswordClaim, createDeviceVerifier } from './client';
export type { SrpEphemeral, PasswordClaimInput, DeviceVerifier } from './client';

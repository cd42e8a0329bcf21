import { CognitoAuthError } from '../errors.js';
import { base64ToBytes, bytesToBase64 } from '../srp/index.js';
import type { AuthenticationResponseJSON, CredentialRequestOptionsJSON, RegistrationResponseJSON, WebAuthnCreate, WebAuthnGet } from '../types.js';

// base64ToBytes reads the URL-safe alphabet without padding; bytesToBase64 writes the standard one, padded.
const fromBase64Url = (value: string): ArrayBuffer => base64ToBytes(value).buffer as ArrayBuffer;
const toBase64Url = (buffer: ArrayBuffer): string =>
  bytesToBase64(new Uint8Array(buffer)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * The default WebAuthn step: `navigator.credentials.get` with Cognito's request options, the result
 * turned into the AuthenticationResponseJSON Cognito expects as CREDENTIAL.
 *
 * Refusals and cancellations by the user or authenticator (`NotAllowedError`, `AbortError`) become
 * `WebAuthnCancelled`, so the app can offer to try again or pick another way to sign in.
 */
/** A credential named in Cognito's JSON options, as the browser API takes it. */
function toDescriptor(c: { id: string; type: 'public-key'; transports?: string[] }): PublicKeyCredentialDescriptor {
  return { id: fromBase64Url(c.id), type: c.type, ...(c.transports ? { transports: c.transports as AuthenticatorTransport[] } : {}) };
}

/** A refusal by the user or the authenticator, or a failure: the library's error for either. */
export function ceremonyError(cause: unknown): CognitoAuthError {
  if (cause instanceof CognitoAuthError) return cause;
  const name = (cause as { name?: unknown } | null)?.name;
  if (name === 'NotAllowedError' || name === 'AbortError') {
    return new CognitoAuthError('WebAuthnCancelled', 'The passkey request was cancelled or timed out.', { cause });
  }
  if (name === 'InvalidStateError') {
    return new CognitoAuthError('WebAuthnCancelled', 'This authenticator already holds a passkey for your account.', { cause });
  }
  return new CognitoAuthError('WebAuthnUnavailable', 'The passkey request failed.', { cause });
}

/**
 * The default passkey registration: `navigator.credentials.create` with Cognito's creation options, the
 * result turned into the RegistrationResponseJSON that CompleteWebAuthnRegistration expects.
 */
export const navigatorWebAuthnCreate: WebAuthnCreate = async (options) => {
  const credentials = typeof navigator === 'undefined' ? undefined : navigator.credentials;
  if (!credentials || typeof credentials.create !== 'function') {
    throw new CognitoAuthError('WebAuthnUnavailable', 'Passkeys are not available in this browser.');
  }
  const publicKey: PublicKeyCredentialCreationOptions = {
    challenge: fromBase64Url(options.challenge),
    rp: options.rp,
    user: { ...options.user, id: fromBase64Url(options.user.id) },
    pubKeyCredParams: options.pubKeyCredParams,
    ...(options.timeout ? { timeout: options.timeout } : {}),
    ...(options.excludeCredentials ? { excludeCredentials: options.excludeCredentials.map(toDescriptor) } : {}),
    ...(options.authenticatorSelection ? { authenticatorSelection: options.authenticatorSelection as AuthenticatorSelectionCriteria } : {}),
    ...(options.attestation ? { attestation: options.attestation as AttestationConveyancePreference } : {}),
  };
  let credential: Credential | null;
  try {
    credential = await credentials.create({ publicKey });
  } catch (cause) {
    throw ceremonyError(cause);
  }
  if (!credential || !('rawId' in credential)) throw new CognitoAuthError('WebAuthnCancelled', 'No passkey was created.');
  const pk = credential as PublicKeyCredential;
  const response = pk.response as AuthenticatorAttestationResponse;
  const json: RegistrationResponseJSON = {
    id: pk.id,
    rawId: toBase64Url(pk.rawId),
    type: 'public-key',
    response: {
      clientDataJSON: toBase64Url(response.clientDataJSON),
      attestationObject: toBase64Url(response.attestationObject),
      ...(typeof response.getTransports === 'function' ? { transports: response.getTransports() } : {}),
    },
    ...(pk.authenticatorAttachment ? { authenticatorAttachment: pk.authenticatorAttachment } : {}),
    clientExtensionResults: { ...pk.getClientExtensionResults() },
  };
  return json;
};

export const navigatorWebAuthnGet: WebAuthnGet = async (options: CredentialRequestOptionsJSON) => {
  const credentials = typeof navigator === 'undefined' ? undefined : navigator.credentials;
  if (!credentials || typeof credentials.get !== 'function') {
    throw new CognitoAuthError('WebAuthnUnavailable', 'Passkeys are not available in this browser.');
  }
  const publicKey: PublicKeyCredentialRequestOptions = {
    challenge: fromBase64Url(options.challenge),
    ...(options.rpId ? { rpId: options.rpId } : {}),
    ...(options.timeout ? { timeout: options.timeout } : {}),
    ...(options.userVerification ? { userVerification: options.userVerification } : {}),
    ...(options.allowCredentials ? { allowCredentials: options.allowCredentials.map(toDescriptor) } : {}),
  };
  let credential: Credential | null;
  try {
    credential = await credentials.get({ publicKey });
  } catch (cause) {
    throw ceremonyError(cause);
  }
  if (!credential || !('rawId' in credential)) {
    throw new CognitoAuthError('WebAuthnCancelled', 'No passkey was chosen.');
  }
  const pk = credential as PublicKeyCredential;
  const response = pk.response as AuthenticatorAssertionResponse;
  const json: AuthenticationResponseJSON = {
    id: pk.id,
    rawId: toBase64Url(pk.rawId),
    type: 'public-key',
    response: {
      clientDataJSON: toBase64Url(response.clientDataJSON),
      authenticatorData: toBase64Url(response.authenticatorData),
      signature: toBase64Url(response.signature),
      ...(response.userHandle ? { userHandle: toBase64Url(response.userHandle) } : {}),
    },
    ...(pk.authenticatorAttachment ? { authenticatorAttachment: pk.authenticatorAttachment } : {}),
    clientExtensionResults: { ...pk.getClientExtensionResults() },
  };
  return json;
};

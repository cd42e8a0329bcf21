import type {
  CompleteWebAuthnRegistrationCommandInput,
  CompleteWebAuthnRegistrationCommandOutput,
  DeleteWebAuthnCredentialCommandInput,
  DeleteWebAuthnCredentialCommandOutput,
  ListWebAuthnCredentialsCommandInput,
  ListWebAuthnCredentialsCommandOutput,
  StartWebAuthnRegistrationCommandInput,
  StartWebAuthnRegistrationCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoAuth } from '../authStore.js';
import { CognitoAuthError, invalidInput } from '../errors.js';
import { toDate } from '../transport/dates.js';
import { ceremonyError, navigatorWebAuthnCreate } from '../engine/webAuthn.js';
import type { CredentialCreationOptionsJSON, WebAuthnCreate } from '../types.js';
import { accessToken, requireText, send } from './call.js';

/** One of the user's passkeys, as ListWebAuthnCredentials describes it. */
export interface Passkey {
  credentialId: string;
  /** The name Cognito gives it (from the authenticator, e.g. "iCloud Keychain"), when known. */
  name: string | undefined;
  relyingPartyId: string | undefined;
  /** `platform` (built into the device) or `cross-platform` (a security key, a phone). */
  attachment: string | undefined;
  transports: string[];
  createdAt: Date | undefined;
}

/** The signed-in user's passkeys (ListWebAuthnCredentials, every page). */
export async function listPasskeys(auth: CognitoAuth): Promise<Passkey[]> {
  const passkeys: Passkey[] = [];
  let next: string | undefined;
  do {
    const page = await send<ListWebAuthnCredentialsCommandInput, ListWebAuthnCredentialsCommandOutput>(
      auth,
      'ListWebAuthnCredentials',
      { ...(await accessToken(auth)), MaxResults: 20, ...(next ? { NextToken: next } : {}) },
    );
    for (const c of page.Credentials ?? []) {
      if (!c.CredentialId) continue;
      passkeys.push({
        credentialId: c.CredentialId,
        name: c.FriendlyCredentialName,
        relyingPartyId: c.RelyingPartyId,
        attachment: c.AuthenticatorAttachment,
        transports: c.AuthenticatorTransports ?? [],
        createdAt: toDate(c.CreatedAt),
      });
    }
    next = page.NextToken;
  } while (next);
  return passkeys;
}

/**
 * Registers a new passkey for the signed-in user: StartWebAuthnRegistration, the browser's
 * `navigator.credentials.create` (or `options.create`), then CompleteWebAuthnRegistration. A refusal by
 * the user or the authenticator rejects with `WebAuthnCancelled`, and nothing is registered.
 */
export async function registerPasskey(auth: CognitoAuth, options: { create?: WebAuthnCreate } = {}): Promise<void> {
  const start = await send<StartWebAuthnRegistrationCommandInput, StartWebAuthnRegistrationCommandOutput>(
    auth,
    'StartWebAuthnRegistration',
    await accessToken(auth),
  );
  const creationOptions = start.CredentialCreationOptions as CredentialCreationOptionsJSON | undefined;
  if (!creationOptions || typeof creationOptions !== 'object' || typeof creationOptions.challenge !== 'string') {
    throw new CognitoAuthError('InvalidResponse', 'StartWebAuthnRegistration returned no credential options.', {
      operation: 'StartWebAuthnRegistration',
    });
  }
  const create = options.create ?? auth.config.webAuthnCreate ?? navigatorWebAuthnCreate;
  let credential;
  try {
    credential = await create(creationOptions);
  } catch (cause) {
    // A custom creator may throw the browser's own errors (NotAllowedError, InvalidStateError...).
    throw ceremonyError(cause);
  }
  await send<CompleteWebAuthnRegistrationCommandInput, CompleteWebAuthnRegistrationCommandOutput>(
    auth,
    'CompleteWebAuthnRegistration',
    { ...(await accessToken(auth)), Credential: credential as unknown as CompleteWebAuthnRegistrationCommandInput['Credential'] },
  );
}

/** Deletes one of the user's passkeys (DeleteWebAuthnCredential). */
export async function deletePasskey(auth: CognitoAuth, credentialId: string): Promise<void> {
  const id = requireText(credentialId, () => invalidInput('answer', 'Say which passkey to delete.'));
  await send<DeleteWebAuthnCredentialCommandInput, DeleteWebAuthnCredentialCommandOutput>(
    auth,
    'DeleteWebAuthnCredential',
    { ...(await accessToken(auth)), CredentialId: id },
  );
}


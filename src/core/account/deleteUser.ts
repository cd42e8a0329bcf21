import type {
  DeleteUserCommandInput,
  DeleteUserCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoAuth } from '../authStore.js';
import { accessToken, send } from './call.js';

/**
 * Deletes the signed-in user's account (DeleteUser), then ends the session here. There is no undo: ask
 * for an explicit confirmation first (`<DeleteAccount>` does). On failure nothing changes.
 */
export async function deleteUser(auth: CognitoAuth): Promise<void> {
  await send<DeleteUserCommandInput, DeleteUserCommandOutput>(auth, 'DeleteUser', await accessToken(auth));
  // The tokens died with the user: clear the session without asking Cognito to revoke them.
  await auth.signOut({ local: true });
}

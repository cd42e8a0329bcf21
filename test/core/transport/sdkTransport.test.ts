import { describe, expect, it } from 'vitest';
import { createSdkTransport, signUp } from '../../../src/core/index';
import { CLIENT_ID, createPool, mswServerPerFile } from '../../helpers/pool';

const server = mswServerPerFile();

describe('the SDK transport, asked for an operation by name', () => {
  it('sends a listed operation through the SDK client (the account functions name operations, not command classes)', async () => {
    const { auth, operations } = createPool(server, { users: [] });
    const result = await signUp(auth, { username: 'nia', password: 'Passw0rd!Long', attributes: { email: 'nia@example.com' } });
    expect(result.userConfirmed).toBe(false);
    expect(operations()).toContain('SignUp');
  });

  it('refuses a name it has no command for, and the names every object inherits, without a request', async () => {
    const { operations } = createPool(server, { users: [] });
    const transport = createSdkTransport({ region: 'eu-west-1' });
    for (const name of ['AdminDeleteUser', 'constructor', '__proto__', 'toString']) {
      await expect(transport.command!(name, { ClientId: CLIENT_ID })).rejects.toMatchObject({ name: 'UnsupportedOperation', operation: name });
    }
    expect(operations()).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { createUserPoolSimulator } from '../../src/testing/index.js';

const base = { userPoolId: 'eu-west-1_Config1', clientId: 'c' };

describe('simulator configuration', () => {
  it.each([
    [{ username: 'a', password: 'Passw0rd!', mfa: { sms: true } }, /a has mfa.sms but no phone_number/],
    [{ username: 'b', password: 'Passw0rd!', mfa: { email: true } }, /b has mfa.email but no email/],
  ])('refuses a code-delivery MFA with nowhere to deliver the code', (user, message) => {
    expect(() => createUserPoolSimulator({ ...base, users: [user] })).toThrow(message);
  });

  it('refuses two users with one username', () => {
    const user = { username: 'a', password: 'Passw0rd!' };
    expect(() => createUserPoolSimulator({ ...base, users: [user, user] })).toThrow(/duplicate username a/);
  });
});

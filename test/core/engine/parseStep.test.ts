import { describe, expect, it } from 'vitest';
import { parseStep } from '../../../src/core/engine/parseStep';

describe('parseStep', () => {
  it.each([
    ['SMS_MFA', { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: '+*******1234' }, undefined, { name: 'SMS_MFA', codeDelivery: { deliveryMedium: 'SMS', destination: '+*******1234' } }],
    ['EMAIL_OTP', { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'a***@e***' }, undefined, { name: 'EMAIL_OTP', codeDelivery: { deliveryMedium: 'EMAIL', destination: 'a***@e***' } }],
    ['SOFTWARE_TOKEN_MFA', { FRIENDLY_DEVICE_NAME: 'Phone' }, undefined, { name: 'SOFTWARE_TOKEN_MFA', friendlyDeviceName: 'Phone' }],
    ['SOFTWARE_TOKEN_MFA', {}, undefined, { name: 'SOFTWARE_TOKEN_MFA' }],
    ['SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' }, undefined, { name: 'SELECT_MFA_TYPE', options: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] }],
    ['SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: '["EMAIL_MFA","FUTURE_MFA"]' }, undefined, { name: 'SELECT_MFA_TYPE', options: ['EMAIL_OTP'] }],
    ['SELECT_CHALLENGE', {}, ['WEB_AUTHN', 'PASSWORD', 'FUTURE'], { name: 'SELECT_CHALLENGE', options: ['WEB_AUTHN', 'PASSWORD'] }],
    ['MFA_SETUP', { MFAS_CAN_SETUP: '["SMS_MFA","SOFTWARE_TOKEN_MFA","EMAIL_OTP"]' }, undefined, { name: 'MFA_SETUP', options: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] }],
    ['NEW_PASSWORD_REQUIRED', { userAttributes: '{"email":"bob@example.com","email_verified":"true"}', requiredAttributes: '["userAttributes.name","userAttributes.custom:team"]' }, undefined, { name: 'NEW_PASSWORD_REQUIRED', requiredAttributes: ['name', 'custom:team'], userAttributes: { email: 'bob@example.com', email_verified: 'true' } }],
    ['CUSTOM_CHALLENGE', { USERNAME: 'carol', question: 'Colour?' }, undefined, { name: 'CUSTOM_CHALLENGE', parameters: { question: 'Colour?' } }],
    ['WEB_AUTHN', { CREDENTIAL_REQUEST_OPTIONS: '{"challenge":"abc","rpId":"example.com"}' }, undefined, { name: 'WEB_AUTHN', credentialRequestOptions: { challenge: 'abc', rpId: 'example.com' } }],
    ['PASSWORD', {}, undefined, { name: 'PASSWORD' }],
    ['BRAND_NEW', { a: '1' }, undefined, { name: 'UNKNOWN_CHALLENGE', challengeName: 'BRAND_NEW', parameters: { a: '1' } }],
  ] as const)('parses %s %j', (name, params, available, expected) => {
    expect(parseStep(name, { ...params }, available ? [...available] : undefined)).toEqual(expected);
  });

  it.each([
    ['SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: 'not json' }],
    ['SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: '[]' }],
    ['MFA_SETUP', { MFAS_CAN_SETUP: '["SMS_MFA"]' }],
    ['MFA_SETUP', {}],
    ['NEW_PASSWORD_REQUIRED', { userAttributes: '[1]' }],
    ['WEB_AUTHN', { CREDENTIAL_REQUEST_OPTIONS: '{"rpId":"x"}' }],
    ['SELECT_CHALLENGE', {}],
  ])('rejects a malformed %s as InvalidResponse', (name, params) => {
    expect(() => parseStep(name, params, undefined)).toThrow(expect.objectContaining({ name: 'InvalidResponse' }));
  });

  it('refuses ADMIN_NO_SRP_AUTH as UnsupportedChallenge', () => {
    expect(() => parseStep('ADMIN_NO_SRP_AUTH', {}, undefined)).toThrow(expect.objectContaining({ name: 'UnsupportedChallenge' }));
  });
});

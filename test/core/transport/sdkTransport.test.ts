import { http, HttpResponse } from 'msw';
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

  it('sends it as the operation it names, the input as JSON, and the service\'s error as its own (no command class of the operation)', async () => {
    const seen: { target: string | null; authorization: string | null; body: unknown }[] = [];
    server.use(
      http.post('https://cognito-idp.eu-west-1.amazonaws.com/', async ({ request }) => {
        seen.push({ target: request.headers.get('x-amz-target'), authorization: request.headers.get('authorization'), body: await request.json() });
        return HttpResponse.json(
          { __type: 'UsernameExistsException', message: 'User already exists' },
          { status: 400, headers: { 'x-amzn-errortype': 'UsernameExistsException' } },
        );
      }),
    );
    const transport = createSdkTransport({ region: 'eu-west-1' });
    const input = { ClientId: CLIENT_ID, Username: 'nia', Password: 'Passw0rd!Long', UserAttributes: [{ Name: 'email', Value: 'nia@example.com' }] };
    await expect(transport.command!('SignUp', input)).rejects.toMatchObject({ name: 'UsernameExistsException', operation: 'SignUp', message: 'User already exists' });
    // Unsigned: the account operations need no AWS credentials (none is looked for, none is sent).
    expect(seen).toEqual([{ target: 'AWSCognitoIdentityProviderService.SignUp', authorization: null, body: input }]);
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

describe('the SDK client the transport creates, retrying', () => {
  /** Answers every Cognito request with `status` and `body`, counting them. */
  function answer(status: number, body: object) {
    const seen: string[] = [];
    server.use(
      http.post('https://cognito-idp.eu-west-1.amazonaws.com/', ({ request }) => {
        seen.push(request.headers.get('x-amz-target') ?? '');
        return HttpResponse.json(body, { status, headers: { 'x-amzn-errortype': (body as { __type: string }).__type } });
      }),
    );
    return seen;
  }

  it("sends an operation the pool does not support (cognito-local's 500 Unsupported) once, not three times", async () => {
    const seen = answer(500, { __type: 'CognitoLocal#Unsupported', message: 'Cognito Local unsupported feature: ListDevices' });
    const transport = createSdkTransport({ region: 'eu-west-1' });
    await expect(transport.listDevices({ AccessToken: 'token' })).rejects.toMatchObject({ name: 'Unsupported', operation: 'ListDevices' });
    expect(seen).toEqual(['AWSCognitoIdentityProviderService.ListDevices']);
  });

  it('still retries a real failure of the service (500 InternalErrorException), three attempts in all', async () => {
    const seen = answer(500, { __type: 'InternalErrorException', message: 'Internal error' });
    const transport = createSdkTransport({ region: 'eu-west-1' });
    await expect(transport.listDevices({ AccessToken: 'token' })).rejects.toMatchObject({ name: 'InternalErrorException', retryable: true });
    expect(seen).toHaveLength(3);
  }, 20_000);

  it('retries an operation sent by name like any other (500 InternalErrorException, three attempts)', async () => {
    const seen = answer(500, { __type: 'InternalErrorException', message: 'Internal error' });
    const transport = createSdkTransport({ region: 'eu-west-1' });
    await expect(transport.command!('ForgotPassword', { ClientId: CLIENT_ID, Username: 'nia' })).rejects.toMatchObject({ name: 'InternalErrorException', operation: 'ForgotPassword', retryable: true });
    expect(seen).toEqual(Array(3).fill('AWSCognitoIdentityProviderService.ForgotPassword'));
  }, 20_000);
});

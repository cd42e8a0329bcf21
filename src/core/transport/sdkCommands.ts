import { GetUserCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { operationKind } from './operations.js';

/** The SDK's namespace of the Cognito user pools service (its operation schemas' second member). */
const NAMESPACE = 'com.amazonaws.cognitoidentityprovider';
/** The key of the Smithy context in a handler's context (`SMITHY_CONTEXT_KEY` of `@smithy/types`). */
const SMITHY_CONTEXT = '__smithy_context';
/** A Smithy document: any JSON, sent and read as it is. */
const DOCUMENT = 15;
const HIDDEN = () => '***SensitiveInformation***';

/**
 * The operations `CognitoTransport.command` may send by name: the account ones (see `operations.ts`) and
 * GetUser. Own names only: `constructor`, `__proto__` and the names every object inherits are none.
 */
export function isSdkOperation(operation: string): boolean {
  return operation === 'GetUser' || operationKind(operation) !== undefined;
}

/**
 * Sends `operation` through `client` without its SDK command class (a command class carries the schemas of
 * its input, output and every structure in them, about 60 bytes brotli each, and the account functions name
 * 21 operations). One command class the transport needs anyway is sent, and a middleware first in its stack
 * names the operation and gives it a document schema: the body is the input as JSON, the output the JSON
 * the service answered. Everything else is the client's own: the endpoint, the auth scheme (chosen by the
 * operation's name, none for these), the retries, and the service's errors as their SDK classes.
 *
 * What the schemas did and no longer do: dates arrive as numbers (epoch seconds; `toDate` reads both), and
 * an app's own client logger is given no input or output to log at all (a schema named the secret fields).
 */
export function sendByName<O>(client: CognitoIdentityProviderClient, operation: string, input: object): Promise<O> {
  const command = new GetUserCommand(input as never);
  command.middlewareStack.add(
    (next, context) => (args) => {
      const handler = context as Record<string, unknown>;
      handler[SMITHY_CONTEXT] = {
        ...(handler[SMITHY_CONTEXT] as object),
        operation,
        operationSchema: [9, NAMESPACE, operation, 0, DOCUMENT, DOCUMENT],
      };
      handler.commandName = `${operation}Command`;
      handler.inputFilterSensitiveLog = HIDDEN;
      handler.outputFilterSensitiveLog = HIDDEN;
      return next(args);
    },
    { step: 'initialize', priority: 'high', name: 'cognitoReactOperationByName' },
  );
  return client.send(command) as unknown as Promise<O>;
}

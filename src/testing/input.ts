/** Reading the members of a request body, with the service's own validation errors. */
import { invalidParameter, missingMember } from './serviceErrors.js';

/** A request body: the JSON object the SDK sent. */
export type OperationInput = Record<string, unknown>;

/** A required string member of the request, or the service's validation error. */
export function member(input: OperationInput, name: string): string {
  const value = input[name];
  if (value === undefined || value === null) throw missingMember(name);
  if (typeof value !== 'string') throw invalidParameter(`${name} must be a string`);
  return value;
}

/** An optional string member of the request. */
export function optionalMember(input: OperationInput, name: string): string | undefined {
  const value = input[name];
  return typeof value === 'string' ? value : undefined;
}


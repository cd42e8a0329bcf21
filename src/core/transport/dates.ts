/**
 * A timestamp of the service as a Date, however it came: a Date (an SDK command with the operation's
 * schema), epoch seconds (Cognito's JSON, as an operation sent by name passes it on), or an ISO string (what a
 * server's JSON made of a Date). Anything else, or an invalid date: none.
 */
export function toDate(value: unknown): Date | undefined {
  const date = value instanceof Date ? value : typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

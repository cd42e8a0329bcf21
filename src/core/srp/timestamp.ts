const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * The TIMESTAMP of a PASSWORD_VERIFIER answer. Cognito signs it into the claim and parses it strictly:
 * "ddd MMM D HH:mm:ss UTC YYYY" in UTC, English names, the day of month without a leading zero and the
 * time zero-padded (the format amazon-cognito-identity-js's DateHelper produces). Any other form fails
 * the signature check.
 *
 * @example formatSrpTimestamp(new Date(Date.UTC(2026, 10, 3, 9, 5, 7))) // "Tue Nov 3 09:05:07 UTC 2026"
 */
export function formatSrpTimestamp(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('formatSrpTimestamp: invalid date');
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${WEEKDAYS[date.getUTCDay()]!} ${MONTHS[date.getUTCMonth()]!} ${date.getUTCDate()} ${time} UTC ${date.getUTCFullYear()}`;
}

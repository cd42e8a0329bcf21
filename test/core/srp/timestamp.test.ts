import fc from 'fast-check';
import * as identity from 'amazon-cognito-identity-js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatSrpTimestamp } from '../../../src/core/srp';

// DateHelper is exported at runtime but missing from identity-js's types.
const { DateHelper } = identity as unknown as { DateHelper: new () => { getNowString(): string } };

/** The TIMESTAMP identity-js would send at the given instant (DateHelper reads the clock). */
function identityTimestamp(date: Date): string {
  vi.useFakeTimers({ now: date });
  return new DateHelper().getNowString();
}

describe('formatSrpTimestamp', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['a single-digit day', Date.UTC(2026, 10, 3, 9, 5, 7), 'Tue Nov 3 09:05:07 UTC 2026'],
    ['midnight', Date.UTC(2026, 0, 1, 0, 0, 0), 'Thu Jan 1 00:00:00 UTC 2026'],
    ['the last second of the year', Date.UTC(2025, 11, 31, 23, 59, 59), 'Wed Dec 31 23:59:59 UTC 2025'],
    ['a leap day', Date.UTC(2028, 1, 29, 12, 0, 0), 'Tue Feb 29 12:00:00 UTC 2028'],
    ['a two-digit day', Date.UTC(2026, 6, 14, 18, 30, 9), 'Tue Jul 14 18:30:09 UTC 2026'],
    ['milliseconds (dropped)', Date.UTC(2026, 4, 10, 1, 2, 3, 999), 'Sun May 10 01:02:03 UTC 2026'],
  ])('formats %s as identity-js does', (_name, epoch, expected) => {
    expect(formatSrpTimestamp(new Date(epoch))).toBe(expected);
    expect(identityTimestamp(new Date(epoch))).toBe(expected);
  });

  it('matches identity-js for random instants', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(0), max: new Date(Date.UTC(2200, 0, 1)), noInvalidDate: true }), (date) => {
        expect(formatSrpTimestamp(date)).toBe(identityTimestamp(date));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses an invalid date', () => {
    expect(() => formatSrpTimestamp(new Date(Number.NaN))).toThrow(RangeError);
  });
});

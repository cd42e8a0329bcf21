import { describe, expect, it } from 'vitest';
import { PASSWORD_SYMBOLS, checkPasswordPolicy, meetsPasswordPolicy, type PasswordPolicy } from '../../../src/core/index.js';

const all: PasswordPolicy = { MinimumLength: 8, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: true };
const met = (policy: PasswordPolicy, password: string) => Object.fromEntries(checkPasswordPolicy(policy, password).map((c) => [c.rule, c.met]));

describe('checkPasswordPolicy', () => {
  it('lists the policy’s rules only, in the order the forms show them, with the length to reach', () => {
    expect(checkPasswordPolicy(all, '')).toEqual([
      { rule: 'minimumLength', minimumLength: 8, met: false },
      { rule: 'uppercase', met: false },
      { rule: 'lowercase', met: false },
      { rule: 'number', met: false },
      { rule: 'symbol', met: false },
    ]);
    expect(checkPasswordPolicy({ RequireNumbers: true, RequireLowercase: false }, 'x')).toEqual([{ rule: 'number', met: false }]);
    expect(checkPasswordPolicy({}, 'anything')).toEqual([]);
  });

  it('takes DescribeUserPool’s PasswordPolicy as it is, the fields it cannot check included', () => {
    const described = { ...all, PasswordHistorySize: 5, TemporaryPasswordValidityDays: 7 };
    expect(meetsPasswordPolicy(described, 'Passw0rd!')).toBe(true);
  });

  it.each([
    ['a', { minimumLength: false, uppercase: false, lowercase: true, number: false, symbol: false }],
    ['ABCDEFGH', { minimumLength: true, uppercase: true, lowercase: false, number: false, symbol: false }],
    ['12345678', { minimumLength: true, uppercase: false, lowercase: false, number: true, symbol: false }],
    // Cognito counts Basic Latin letters only.
    ['ÉÇÑЖΩéçñжω', { minimumLength: true, uppercase: false, lowercase: false, number: false, symbol: false }],
    ['Passw0rd!', { minimumLength: true, uppercase: true, lowercase: true, number: true, symbol: true }],
  ])('%s', (password, expected) => {
    expect(met(all, password)).toEqual(expected);
  });

  it('counts each of Cognito’s symbols, and nothing else, as a symbol', () => {
    for (const symbol of PASSWORD_SYMBOLS) expect(met({ RequireSymbols: true }, `a${symbol}b`).symbol, symbol).toBe(true);
    expect([...PASSWORD_SYMBOLS]).toHaveLength(32);
    for (const other of ['€', '£', '§', '¿', 'é', '\t']) expect(met({ RequireSymbols: true }, `a${other}b`).symbol, other).toBe(false);
  });

  it('counts a space as a symbol only inside the password, as Cognito does', () => {
    expect(met({ RequireSymbols: true }, 'two words').symbol).toBe(true);
    expect(met({ RequireSymbols: true }, ' leading').symbol).toBe(false);
    expect(met({ RequireSymbols: true }, 'trailing ').symbol).toBe(false);
    expect(met({ RequireSymbols: true }, '   ').symbol).toBe(false);
    expect(met({ RequireSymbols: true }, '  inside words  ').symbol).toBe(true);
  });

  it('counts the length in characters the user typed', () => {
    expect(meetsPasswordPolicy({ MinimumLength: 6 }, 'abcde')).toBe(false);
    expect(meetsPasswordPolicy({ MinimumLength: 6 }, 'abcdef')).toBe(true);
  });
});

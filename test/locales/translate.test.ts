import { describe, expect, it } from 'vitest';
import { translate, type Messages } from 'cognito-react';
import { translator } from '../../src/components/messages.js';

const wait = { 'resend.wait': 'Send a new code in {seconds, plural, =0 {no time} one {# second} other {# seconds}}' } satisfies Messages;

describe('translate writes counts and numbers through Intl', () => {
  it('picks the plural branch for the number, an exact =N first', () => {
    expect(translate(wait, 'resend.wait', { seconds: 1 })).toBe('Send a new code in 1 second');
    expect(translate(wait, 'resend.wait', { seconds: 30 })).toBe('Send a new code in 30 seconds');
    expect(translate(wait, 'resend.wait', { seconds: 0 })).toBe('Send a new code in no time');
    // The forms pass counts as text too: the number in it decides.
    expect(translate(wait, 'resend.wait', { seconds: '1' })).toBe('Send a new code in 1 second');
  });

  it('uses the plural rules of the locale', () => {
    const ru = { 'resend.wait': 'Через {seconds, plural, one {# секунду} few {# секунды} many {# секунд} other {# секунды}}' } satisfies Messages;
    const t = translator(ru, undefined, 'ru');
    expect([1, 2, 5, 21, 22, 25].map((seconds) => t('resend.wait', { seconds }))).toEqual([
      'Через 1 секунду',
      'Через 2 секунды',
      'Через 5 секунд',
      'Через 21 секунду',
      'Через 22 секунды',
      'Через 25 секунд',
    ]);
  });

  it('writes numbers, lists of numbers and dates for the locale', () => {
    const m = { 'invalid.codeFormat': 'The code is {digits} digits.', 'devices.lastUsed': 'Last used {date}' } satisfies Messages;
    expect(translate(m, 'invalid.codeFormat', { digits: [6, 8] }, undefined, 'en')).toBe('The code is 6 or 8 digits.');
    expect(translate({ 'invalid.codeFormat': '{digits}' }, 'invalid.codeFormat', { digits: [6, 8] }, undefined, 'de')).toBe('6 oder 8');
    expect(translate({ 'invalid.codeFormat': '{digits}' }, 'invalid.codeFormat', { digits: 1234.5 }, undefined, 'de')).toBe('1.234,5');
    expect(translate({ 'invalid.codeFormat': '{digits}' }, 'invalid.codeFormat', { digits: 30 }, undefined, 'ar')).toBe(new Intl.NumberFormat('ar').format(30));
    const date = new Date(Date.UTC(2026, 0, 15, 12));
    expect(translate(m, 'devices.lastUsed', { date }, undefined, 'en-US')).toBe('Last used Jan 15, 2026');
  });

  it('keeps a placeholder it has no value for, and braces that are not placeholders', () => {
    expect(translate({ 'unknown.hint': 'Step {step} of {total}' }, 'unknown.hint', { step: 'X' })).toBe('Step X of {total}');
    expect(translate({ 'unknown.hint': 'Use {a b} for {step}' }, 'unknown.hint', { step: 'X' })).toBe('Use {a b} for X');
    expect(translate(wait, 'resend.wait', {})).toBe(wait['resend.wait']);
  });

  it('fills placeholders inside a plural branch', () => {
    const m = { 'devices.forget': '{count, plural, one {Forget {name}} other {Forget # devices}}' } satisfies Messages;
    expect(translate(m, 'devices.forget', { count: 1, name: 'Laptop' })).toBe('Forget Laptop');
    expect(translate(m, 'devices.forget', { count: 3, name: 'Laptop' })).toBe('Forget 3 devices');
  });
});

import { describe, expect, it } from 'vitest';
import { loadMessages, matchLocale } from 'cognito-react';
import de from '../../src/locales/de.js';
import en from '../../src/locales/en.js';
import he from '../../src/locales/he.js';

describe('matchLocale picks the best table for the user languages', () => {
  it.each([
    [['de'], 'de'],
    [['de-DE'], 'de'],
    [['de-CH', 'fr'], 'de'],
    [['pt-BR'], 'pt'],
    [['pt_PT'], 'pt'],
    [['zh-Hant-TW'], 'zh'],
    [['zh-CN'], 'zh'],
    [['nb-NO'], 'nb'],
    [['no'], 'nb'],
    [['nn-NO'], 'nb'],
    [['iw'], 'he'],
    [['iw-IL'], 'he'],
    [['in-ID'], 'id'],
    [['ar-EG'], 'ar'],
    [['EN-gb'], 'en'],
    [['sr-Latn-RS', 'hu-HU'], 'hu'],
  ] as const)('%j → %s', (languages, tag) => {
    expect(matchLocale(languages)).toBe(tag);
  });

  it('takes the first language that has a table, in the order the user prefers', () => {
    expect(matchLocale(['cy', 'ja-JP', 'ko'])).toBe('ja');
    expect(matchLocale(['ko', 'ja'])).toBe('ko');
  });

  it('falls back to English for no language, unknown ones and malformed tags', () => {
    expect(matchLocale([])).toBe('en');
    expect(matchLocale(['tlh', 'x-klingon'])).toBe('en');
    expect(matchLocale(['', '*', 'not a tag', '12', 'de'])).toBe('de');
  });
});

describe('loadMessages', () => {
  it('loads the matching table with its direction', async () => {
    await expect(loadMessages(['de-AT', 'en'])).resolves.toEqual({ locale: 'de', dir: 'ltr', messages: de });
    await expect(loadMessages(['iw-IL'])).resolves.toEqual({ locale: 'he', dir: 'rtl', messages: he });
  });

  it('reads navigator.languages when given nothing, and gives English when it matches nothing', async () => {
    const expected = matchLocale(globalThis.navigator?.languages ?? []);
    expect((await loadMessages()).locale).toBe(expected);
    await expect(loadMessages(['tlh'])).resolves.toEqual({ locale: 'en', dir: 'ltr', messages: en });
  });
});

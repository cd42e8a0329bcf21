import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accountMessages } from '../../src/components/accountMessages.js';
import { federatedMessages } from '../../src/components/FederatedSignIn/messages.js';
import { defaultMessages, translate, type MessageKey } from '../../src/components/messages.js';
import { fieldMessages } from '../../src/components/shared/fieldMessages.js';
import { locales, type LocaleModule } from '../../src/locales/loadMessages.js';

/** Every locale module in src/locales, by tag (loadMessages.ts is the helper, not a locale). */
const modules = Object.fromEntries(
  Object.entries(import.meta.glob<LocaleModule>(['../../src/locales/*.ts', '!../../src/locales/loadMessages.ts'], { eager: true })).map(([path, module]) => [
    path.replace(/^.*\/|\.ts$/g, ''),
    module,
  ]),
);
/** The four English tables that make up `MessageKey`: sign-in, account, managed login, fields. */
const english: Record<string, string> = { ...defaultMessages, ...accountMessages, ...federatedMessages, ...fieldMessages };
const englishKeys = Object.keys(english);
/**
 * Keys whose English text is empty on purpose (the `placeholder.*` keys: no placeholder text unless the app
 * sets one). Every locale keeps them empty; every other message must have text.
 */
const emptyInEnglish = ['placeholder.username', 'placeholder.password', 'placeholder.code', 'placeholder.email', 'placeholder.newPassword', 'placeholder.confirm'];
const worded = englishKeys.filter((key) => !emptyInEnglish.includes(key));
const others = Object.keys(modules).filter((tag) => tag !== 'en');

/**
 * Keys whose translation is, rightly, the English text itself: brand or technical words the language
 * borrows. Anything else identical to English is an untranslated string.
 */
const sameAsEnglish: Record<string, readonly MessageKey[]> = {
  de: ['code.label', 'attribute.name', 'passkeys.title', 'passkeys.unnamed'],
  fr: ['code.label', 'deleteAccount.confirm'],
  id: ['mfaSetup.EMAIL_OTP', 'attribute.email', 'mfa.EMAIL_OTP'],
  it: ['signIn.password', 'mfaSetup.EMAIL_OTP', 'attribute.email', 'signUp.password', 'mfa.EMAIL_OTP', 'passkeys.unnamed'],
  nl: ['code.label', 'passkeys.title', 'passkeys.unnamed'],
};

/** The placeholder names of a message: `{name}` and `{name, plural, ...}`, and those inside plural branches. */
function placeholders(message: string): string[] {
  const names: string[] = [];
  for (const part of braces(message)) {
    const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(part);
    if (plural) {
      names.push(plural[1]!);
      for (const branch of braces(plural[2]!)) names.push(...placeholders(branch));
    } else if (/^\w+$/.test(part)) names.push(part);
  }
  return [...new Set(names)].sort();
}

/** The text inside each top-level pair of braces; throws on unbalanced braces. */
function braces(text: string): string[] {
  const found: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{' && depth++ === 0) start = i + 1;
    else if (text[i] === '}') {
      if (depth === 0) throw new Error(`unbalanced "}" in ${JSON.stringify(text)}`);
      if (--depth === 0) found.push(text.slice(start, i));
    }
  }
  if (depth !== 0) throw new Error(`unbalanced "{" in ${JSON.stringify(text)}`);
  return found;
}

/** Each `{name, plural, ...}` of a message, with its branch selectors. */
function plurals(message: string): { name: string; selectors: string[] }[] {
  return braces(message).flatMap((part) => {
    const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(part);
    if (!plural) return [];
    const selectors = [...plural[2]!.matchAll(/(=?\w+)\s*\{/g)].map((m) => m[1]!);
    return [{ name: plural[1]!, selectors }];
  });
}

describe('the locales', () => {
  it('are the 22 the package promises, each a module of its own in src/locales', () => {
    expect(Object.keys(modules).sort()).toEqual([...locales].sort());
    expect(locales).toHaveLength(22);
  });

  it('are each an entry of the package, cognito-react/locales/<tag>', () => {
    const { exports } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { exports: Record<string, unknown> };
    const entries = Object.keys(exports).filter((path) => path.startsWith('./locales/'));
    expect(entries.sort()).toEqual(locales.map((tag) => `./locales/${tag}`).sort());
    for (const tag of locales) expect(exports[`./locales/${tag}`]).toEqual({ types: `./dist/locales/${tag}.d.ts`, default: `./dist/locales/${tag}.js` });
  });

  it('English is the three tables merged, so a locale module covers every form, managed login too', () => {
    expect(modules.en!.default).toEqual(english);
    expect(englishKeys.length).toBeGreaterThan(150);
    expect(englishKeys).toEqual(expect.arrayContaining(Object.keys(federatedMessages)));
  });

  it('leaves empty only the keys listed as empty in English', () => {
    expect(englishKeys.filter((key) => english[key] === '')).toEqual(emptyInEnglish);
  });

  describe.each(Object.keys(modules))('%s', (tag) => {
    const module = modules[tag]!;
    const table: Record<string, string> = module.default;

    it('names its tag and writing direction: right to left for Arabic and Hebrew only', () => {
      expect(module.locale).toBe(tag);
      expect(module.dir).toBe(tag === 'ar' || tag === 'he' ? 'rtl' : 'ltr');
      expect(Intl.getCanonicalLocales(module.locale)).toEqual([tag]);
    });

    it('has every key of the English tables, no other, in the English order', () => {
      expect(Object.keys(table)).toEqual(englishKeys);
    });

    it('keeps every placeholder of the English message, and adds none', () => {
      const wrong = englishKeys.filter((key) => placeholders(table[key]!).join() !== placeholders(english[key]!).join());
      expect(wrong.map((key) => `${key}: ${table[key]}`)).toEqual([]);
    });

    it('has no empty message and no stray space', () => {
      const bad = worded.filter((key) => table[key]!.trim() === '' || table[key] !== table[key]!.trim());
      expect(bad).toEqual([]);
    });

    it('keeps the keys that are empty in English empty', () => {
      expect(emptyInEnglish.filter((key) => table[key] !== '')).toEqual([]);
    });

    it('gives each plural the branches its language has, and "other"', () => {
      const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories as string[];
      for (const key of englishKeys) {
        for (const { name, selectors } of plurals(table[key]!)) {
          const named = selectors.filter((s) => !s.startsWith('='));
          expect(named, `${key} {${name}}`).toContain('other');
          expect(named.filter((s) => !categories.includes(s)), `${key} {${name}}: not ${tag} plural categories`).toEqual([]);
          expect(categories.filter((c) => !named.includes(c)), `${key} {${name}}: missing ${tag} plural categories`).toEqual([]);
        }
      }
    });

    it('fills its counts in with the numbers of its language, for every plural form', () => {
      for (const seconds of [0, 1, 2, 3, 5, 11, 21, 22, 25, 30, 59, 100]) {
        const text = translate(module.default, 'resend.wait', { seconds }, accountMessages, tag);
        expect(text).not.toMatch(/[{}#]/);
        expect(text).toContain(new Intl.NumberFormat(tag).format(seconds));
      }
      for (const digits of [6, [6, 8]] as const) {
        const text = translate(module.default, 'invalid.codeFormat', { digits }, defaultMessages, tag);
        expect(text).not.toMatch(/[{}#]/);
        expect(text).toContain(new Intl.NumberFormat(tag).format(6));
      }
    });
  });

  describe.each(others)('%s is translated', (tag) => {
    it('repeats the English text only where the language uses the English word', () => {
      const table: Record<string, string> = modules[tag]!.default;
      const same = worded.filter((key) => table[key] === english[key]);
      expect(same.filter((key) => !(sameAsEnglish[tag] ?? []).includes(key as MessageKey))).toEqual([]);
      // and the list of exceptions holds no key that has since been translated
      expect(same).toEqual(worded.filter((key) => (sameAsEnglish[tag] ?? []).includes(key as MessageKey)));
    });

    it('asks the user to type its own word, not DELETE, to delete the account', () => {
      const table: Record<string, string> = modules[tag]!.default;
      expect(table['deleteAccount.word']).not.toBe('DELETE');
      expect(translate(table, 'deleteAccount.hint', { word: table['deleteAccount.word']! }, accountMessages)).toContain(table['deleteAccount.word']);
    });
  });
});

// Type tests (run by `vitest --typecheck`, never executed): a locale module is a complete table with its tag
// and direction, and goes straight into the forms' `messages`.
import { describe, expectTypeOf, it } from 'vitest';
import { loadMessages, matchLocale, type LoadedMessages, type LocaleModule, type LocaleTag, type MessageKey, type Messages } from 'cognito-react';
import * as arabic from '../../src/locales/ar.js';
import de from '../../src/locales/de.js';
import * as english from '../../src/locales/en.js';

describe('locale modules', () => {
  it('are LocaleModules: the table, its tag and a direction of ltr or rtl', () => {
    expectTypeOf(arabic).toExtend<LocaleModule>();
    expectTypeOf(english).toExtend<LocaleModule>();
    expectTypeOf(arabic.dir).toEqualTypeOf<'rtl'>();
    expectTypeOf(english.dir).toEqualTypeOf<'ltr'>();
  });

  it('have every key, and are what the forms take', () => {
    expectTypeOf(de).toExtend<Record<MessageKey, string>>();
    expectTypeOf(de).toExtend<Messages>();
    // @ts-expect-error a table with a key missing is not complete
    expectTypeOf<Omit<typeof de, 'signIn.title'>>().toExtend<Record<MessageKey, string>>();
  });

  it('loadMessages resolves to a known tag, a direction and a complete table', () => {
    expectTypeOf(loadMessages).returns.resolves.toEqualTypeOf<LoadedMessages>();
    expectTypeOf<LoadedMessages['messages']>().toExtend<Messages>();
    expectTypeOf(matchLocale(['de'])).toEqualTypeOf<LocaleTag>();
    // @ts-expect-error one list of languages, not a single tag
    void matchLocale('de');
  });
});

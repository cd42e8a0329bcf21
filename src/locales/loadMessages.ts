/**
 * The languages the forms come in, and the one helper that picks and loads the best of them for the user.
 * Each table is its own module (`cognito-react/locales/<tag>`): imported directly, it is bundled; through
 * `loadMessages`, it is a chunk of its own, fetched when it is the match. An app that uses neither carries
 * no translation at all.
 */
import type { MessageKey } from '../components/messages.js';

/** A complete message table for one language: every key of the sign-in and account tables. */
export type LocaleTable = Readonly<Record<MessageKey, string>>;

/**
 * What every `cognito-react/locales/<tag>` module exports: the table as its default export, its tag, and
 * the writing direction of the language (`rtl` for Arabic and Hebrew).
 *
 * @example
 * import de, { dir, locale } from 'cognito-react/locales/de';
 */
export interface LocaleModule {
  /** The table: every key, in this language. */
  readonly default: LocaleTable;
  /** The BCP 47 tag of the language (`de`, `pt`, `zh`). */
  readonly locale: string;
  /** The language's writing direction, for the `dir` attribute of the page or the forms' container. */
  readonly dir: 'ltr' | 'rtl';
}

/**
 * The tags of the languages that have a table.
 *
 * @example
 * locales.includes('de'); // true
 */
export const locales = ['ar', 'de', 'en', 'es', 'fr', 'he', 'hi', 'hu', 'id', 'it', 'ja', 'ko', 'nb', 'nl', 'pl', 'pt', 'ru', 'sv', 'th', 'tr', 'uk', 'zh'] as const;

/** A language that has a table. */
export type LocaleTag = (typeof locales)[number];

/** What `loadMessages` resolves to: the tag it chose, its direction, and its table. */
export interface LoadedMessages {
  /** The tag of the table chosen (`en` when no language matched). */
  readonly locale: LocaleTag;
  /** Its writing direction: `rtl` for Arabic and Hebrew. */
  readonly dir: 'ltr' | 'rtl';
  /** The table, for the `messages` prop of the forms. */
  readonly messages: LocaleTable;
}

// One dynamic import per table, written out, so that a bundler makes each its own chunk.
const loaders: { readonly [T in LocaleTag]: () => Promise<LocaleModule> } = {
  ar: () => import('./ar.js'),
  de: () => import('./de.js'),
  en: () => import('./en.js'),
  es: () => import('./es.js'),
  fr: () => import('./fr.js'),
  he: () => import('./he.js'),
  hi: () => import('./hi.js'),
  hu: () => import('./hu.js'),
  id: () => import('./id.js'),
  it: () => import('./it.js'),
  ja: () => import('./ja.js'),
  ko: () => import('./ko.js'),
  nb: () => import('./nb.js'),
  nl: () => import('./nl.js'),
  pl: () => import('./pl.js'),
  pt: () => import('./pt.js'),
  ru: () => import('./ru.js'),
  sv: () => import('./sv.js'),
  th: () => import('./th.js'),
  tr: () => import('./tr.js'),
  uk: () => import('./uk.js'),
  zh: () => import('./zh.js'),
};

/** Old or general language codes, and the table that serves them. */
const aliases: Readonly<Record<string, LocaleTag>> = {
  iw: 'he', // Hebrew's code before 1989, still sent by some Java and Android systems (most engines canonicalize it too)
  in: 'id', // Indonesian's, likewise
  no: 'nb', // Norwegian: Bokmål is what most Norwegians write
  nn: 'nb', // Nynorsk readers read Bokmål; closer than English
};

const isTag = (tag: string): tag is LocaleTag => (locales as readonly string[]).includes(tag);

/**
 * The best table for a list of preferred languages, most preferred first (`navigator.languages`, or an
 * `Accept-Language` header's tags in order): the first language that has a table wins, matched by its
 * whole tag, then by shorter and shorter prefixes (`zh-Hant-TW`, `zh-Hant`, `zh`), then by the old codes
 * (`iw` is Hebrew, `no` Norwegian Bokmål); English when none matches. Malformed tags are skipped.
 *
 * @example
 * matchLocale(['pt-BR', 'en-US']); // 'pt'
 * matchLocale(['iw-IL']); // 'he'
 * matchLocale(['tlh', 'xx']); // 'en'
 */
export function matchLocale(languages: readonly string[]): LocaleTag {
  for (const language of languages) {
    let tag: string;
    try {
      const canonical = Intl.getCanonicalLocales(language.trim().replace(/_/g, '-'))[0];
      if (!canonical) continue;
      tag = canonical.toLowerCase();
    } catch {
      continue;
    }
    for (let prefix = tag; prefix; prefix = prefix.includes('-') ? prefix.slice(0, prefix.lastIndexOf('-')) : '') {
      if (isTag(prefix)) return prefix;
      const alias = aliases[prefix];
      if (alias) return alias;
    }
  }
  return 'en';
}

/**
 * Loads the table that best matches the user's languages (see `matchLocale`), by dynamic import, so only
 * that one is downloaded. Resolves to the tag, the writing direction (for `dir` on the page or the forms'
 * container) and the table (for the `messages` prop).
 *
 * @example
 * const { locale, dir, messages } = await loadMessages(); // navigator.languages
 * <div dir={dir} lang={locale}><SignIn messages={messages} /></div>
 * await loadMessages(['de-CH', 'en']); // { locale: 'de', dir: 'ltr', messages: { 'signIn.title': 'Anmelden', ... } }
 */
export async function loadMessages(languages: readonly string[] = globalThis.navigator?.languages ?? []): Promise<LoadedMessages> {
  const locale = matchLocale(languages);
  const module = await loaders[locale]();
  return { locale, dir: module.dir, messages: module.default };
}

'use client';
import { useContext, useMemo } from 'react';
import { CognitoLocaleContext } from '../../react/context.js';
import type { Messages } from '../messages.js';
import type { CognitoTheme } from './root.js';

/** The languages written right to left, by primary subtag, for a provider `locale` given without `dir`. */
const rightToLeft = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'dv', 'yi', 'ckb', 'sd', 'ug']);

/** What a form renders with: the provider's messages under its own, and the provider's locale, direction and theme. */
export interface FormLocale {
  messages: Messages | undefined;
  locale: string | undefined;
  dir: 'ltr' | 'rtl' | undefined;
  theme: CognitoTheme | undefined;
}

/**
 * The provider's language settings with a form's own `messages` on top: every form and account section
 * calls it, so `<CognitoProvider messages={de} locale="de">` reaches them all and a prop still wins.
 */
export function useFormLocale(own: Messages | undefined): FormLocale {
  const settings = useContext(CognitoLocaleContext);
  const provided = settings.messages as Messages | undefined;
  const messages = useMemo(() => (provided && own ? { ...provided, ...own } : (own ?? provided)), [provided, own]);
  const { locale, theme } = settings;
  const primary = locale?.split('-')[0]?.toLowerCase();
  const dir = settings.dir ?? (primary === undefined ? undefined : rightToLeft.has(primary) ? 'rtl' : undefined);
  return { messages, locale, dir, theme };
}

'use client';
import type { ComponentType, ReactNode } from 'react';

/**
 * The colour scheme of the optional theme (`cognito-react/styles.css`): `'light'` and `'dark'` whatever the
 * system prefers, `'system'` (the default) following `prefers-color-scheme`.
 *
 * @example
 * <SignIn theme="dark" />
 */
export type CognitoTheme = 'light' | 'dark' | 'system';

/** What a header or footer slot receives: the view or step it is drawn in (`'SIGN_IN'`, `'SMS_MFA'`, `'signUp'`…). */
export interface SlotProps {
  view: string;
}

/**
 * A header and a footer, drawn inside the library's root, above and below a view's form.
 *
 * @example
 * const slots: Slots = { Header: () => <img src="/logo.svg" alt="Acme" />, Footer: () => <a href="/help">Help</a> };
 */
export interface Slots {
  Header?: ComponentType<SlotProps>;
  Footer?: ComponentType<SlotProps>;
}

/**
 * The attributes of every root the library renders: the theme's class, the app's class, the colour scheme
 * (the component's `theme`, else the provider's), and the provider's language (`lang`) and direction (`dir`).
 */
export function rootProps(
  className: string | undefined,
  theme: CognitoTheme | undefined,
  locale?: { locale?: string | undefined; dir?: 'ltr' | 'rtl' | undefined; theme?: CognitoTheme | undefined },
) {
  const scheme = theme ?? locale?.theme;
  return {
    className: className ? `cognito-react ${className}` : 'cognito-react',
    ...(scheme ? { 'data-theme': scheme } : {}),
    ...(locale?.locale ? { lang: locale.locale } : {}),
    ...(locale?.dir ? { dir: locale.dir } : {}),
  };
}

/**
 * Draws `children` between the headers and footers of the given slot sets, outermost first: an
 * `<Authentication>`'s own slots around a view's, around a step's.
 */
export function WithSlots({ slots, view, children }: { slots: (Slots | undefined)[]; view: string; children: ReactNode }) {
  const headers = slots.map((s, i) => (s?.Header ? <s.Header key={i} view={view} /> : null));
  const footers = slots.map((s, i) => (s?.Footer ? <s.Footer key={i} view={view} /> : null)).reverse();
  const any = slots.some((s) => s?.Header || s?.Footer);
  if (!any) return <>{children}</>;
  return (
    <>
      {headers.some(Boolean) && <div data-slot="header">{headers}</div>}
      {children}
      {footers.some(Boolean) && <div data-slot="footer">{footers}</div>}
    </>
  );
}

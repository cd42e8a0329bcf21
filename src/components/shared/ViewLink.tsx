'use client';
import type { ReactNode } from 'react';

/** A link to another view: a function makes a button that calls it, a node is shown as given, `false` or nothing hides it. */
export type ViewLinkProp = (() => void) | ReactNode | false | undefined;

export function ViewLink({ link, name, label }: { link: ViewLinkProp; name: string; label: string }) {
  if (link === undefined || link === null || link === false) return null;
  if (typeof link === 'function') {
    return (
      <button type="button" data-link={name} onClick={link as () => void}>
        {label}
      </button>
    );
  }
  return <>{link}</>;
}

'use client';

/** The visible, politely announced check that the two new passwords match. */
export function PasswordMatch({ match, matches, differ }: { match: boolean | null; matches: string; differ: string }) {
  return (
    <p aria-live="polite" data-password-match={match === null ? undefined : String(match)}>
      {match ? matches : match === false ? differ : ''}
    </p>
  );
}

'use client';

/**
 * The visible, politely announced check that the two new passwords match. Silent while the confirmation
 * field shows its own error (the same sentence), so a refused submit does not say it twice.
 */
export function PasswordMatch({ match, matches, differ, fieldError }: { match: boolean | null; matches: string; differ: string; fieldError?: string | null | undefined }) {
  const shown = fieldError ? null : match;
  return (
    <p aria-live="polite" data-password-match={shown === null ? undefined : String(shown)}>
      {shown ? matches : shown === false ? differ : ''}
    </p>
  );
}

'use client';

/**
 * A placeholder of the shape of what is loading (rows, drawn by the theme as shimmering bars), with its
 * label for screen readers (shown as text without the theme).
 */
export function Skeleton({ label, rows = 2 }: { label: string; rows?: number }) {
  return (
    <div data-skeleton="" aria-busy="true">
      <span data-loading-label="">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <span key={i} data-skeleton-row="" aria-hidden="true" />
      ))}
    </div>
  );
}

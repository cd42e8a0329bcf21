'use client';
import type { ReactNode } from 'react';
import { useAuth } from './useAuth.js';

/** Props of {@link Authenticated}. */
export interface AuthenticatedProps {
  children?: ReactNode;
  /** Rendered while nobody is signed in (or while the session is being restored). Default: nothing. */
  fallback?: ReactNode;
  /** Rendered while the session is being restored, when it should differ from `fallback`. */
  loading?: ReactNode;
}

/**
 * Renders its children only while a user is signed in.
 *
 * @example
 * <Authenticated fallback={<SignInPage />} loading={<Spinner />}>
 *   <Dashboard />
 * </Authenticated>
 */
export function Authenticated({ children, fallback = null, loading }: AuthenticatedProps) {
  const status = useAuth((s) => s.status);
  if (status === 'signedIn') return <>{children}</>;
  if (status === 'loading' && loading !== undefined) return <>{loading}</>;
  return <>{fallback}</>;
}

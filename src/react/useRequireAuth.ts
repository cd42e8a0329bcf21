'use client';
import { useEffect, useRef } from 'react';
import type { SignOutReason } from '../core/index.js';
import { useAuth } from './useAuth.js';

/** What {@link useRequireAuth} returns. */
export interface UseRequireAuthResult {
  /** `true` once a user is signed in; `false` while loading or signed out. */
  isSignedIn: boolean;
  /** `true` while a stored session is being restored: render nothing (or a spinner) yet. */
  isLoading: boolean;
}

/**
 * For routers: calls `onUnauthenticated` (to redirect to the sign-in page) as soon as it is known that
 * nobody is signed in, including when a session ends later (sign-out, another tab, a refused refresh).
 *
 * @example
 * function Dashboard() {
 *   const navigate = useNavigate();
 *   const { isSignedIn } = useRequireAuth(() => navigate('/sign-in'));
 *   if (!isSignedIn) return null;
 *   return <Orders />;
 * }
 */
export function useRequireAuth(onUnauthenticated: (reason: SignOutReason | null) => void): UseRequireAuthResult {
  const status = useAuth((s) => s.status);
  const reason = useAuth((s) => s.signOutReason);
  const callback = useRef(onUnauthenticated);
  useEffect(() => {
    callback.current = onUnauthenticated;
  });
  useEffect(() => {
    if (status === 'signedOut' || status === 'challenge') callback.current(reason);
  }, [status, reason]);
  return { isSignedIn: status === 'signedIn', isLoading: status === 'loading' };
}

'use client';
import { queryOptions } from '@tanstack/react-query';
import type { CognitoAuth, CognitoAuthError } from '../core/index.js';
import { cognitoQueryKeys } from './queryKeys.js';

/**
 * The token travels through the query cache inside a box whose only property is not enumerable: a cache
 * persister (localStorage, IndexedDB) or devtools export serialises it as `{}`, never as the token.
 */
interface TokenBox {
  readonly token: string;
}

function box(token: string): TokenBox {
  return Object.freeze(Object.defineProperty({}, 'token', { value: token, enumerable: false })) as TokenBox;
}

/**
 * The query options behind `useAccessToken()` and `useSuspenseAccessToken()`.
 *
 * @example
 * const token = await queryClient.fetchQuery(accessTokenQueryOptions(auth, sub)).then((b) => b.token);
 */
export function accessTokenQueryOptions(auth: CognitoAuth, sub: string | null) {
  return queryOptions<TokenBox, CognitoAuthError, string>({
    queryKey: cognitoQueryKeys(auth).accessToken(sub),
    queryFn: async () => box(await auth.getAccessToken()),
    select: (b) => b.token,
    // Boxes all look alike to structural sharing: without this a new token would be thrown away.
    structuralSharing: false,
    // The store decides freshness: asking again costs nothing while the token is valid.
    staleTime: 0,
    gcTime: 0,
    retry: (count, error) => error.retryable && count < 3,
  });
}

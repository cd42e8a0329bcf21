/**
 * React test set-up: every render inside <React.StrictMode> (effects run twice; nothing may be sent twice),
 * under a <CognitoProvider> for a simulated pool behind the real AWS SDK client.
 */
import { QueryClient } from '@tanstack/react-query';
import { cleanup, configure, render, type RenderOptions } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import type { CognitoAuth } from '../../src/core/index.js';
import { CognitoProvider } from '../../src/index.js';
import { afterEach } from 'vitest';

// Vitest runs without globals, so Testing Library cannot unmount by itself between tests.
afterEach(() => cleanup());

// `findBy…` and `waitFor` wait up to 5 s instead of 1 s: every sign-in here runs real SRP and the real SDK
// against the simulator, and on a two-core machine running other suites beside it, 1 s is sometimes too
// short for a step that a user would see in a fraction of a second. What is awaited is unchanged.
configure({ asyncUtilTimeout: 5_000 });

export function strict(ui: ReactNode) {
  return <StrictMode>{ui}</StrictMode>;
}

/** A QueryClient that does not retry, so failures show at once. */
export function testQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } });
}

export function renderWithAuth(ui: ReactNode, auth: CognitoAuth, options: RenderOptions & { queryClient?: QueryClient } = {}) {
  const queryClient = options.queryClient ?? testQueryClient();
  return {
    queryClient,
    ...render(
      strict(
        <CognitoProvider auth={auth} queryClient={queryClient}>
          {ui}
        </CognitoProvider>,
      ),
      options,
    ),
  };
}

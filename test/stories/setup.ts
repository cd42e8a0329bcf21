import { inject } from 'vitest';

/** The story tests' pools (test/stories/globalSetup.ts), where the stories look when Storybook's env has none. */
(globalThis as { __cognitoReactStoryPools__?: { local: string; sim: string } }).__cognitoReactStoryPools__ = inject('storyPools');

import { inject } from 'vitest';
import { setTestedPools } from '../../stories/support/pools';

/** The story tests' pools (test/stories/globalSetup.ts), where the stories look when Storybook's env has none. */
setTestedPools(inject('storyPools'));

/**
 * The endpoints of the pools `npm start` runs beside Storybook (its env), or of the ones the story tests start
 * (test/stories/globalSetup.ts). Undefined when neither runs: the stories then say how to start them.
 */
const tested = () => (globalThis as { __cognitoReactStoryPools__?: { local: string; sim: string } }).__cognitoReactStoryPools__;

export const localPoolEndpoint = (): string | undefined => (import.meta.env.STORYBOOK_LOCAL_POOL_ENDPOINT as string | undefined) ?? tested()?.local;
export const simPoolEndpoint = (): string | undefined => (import.meta.env.STORYBOOK_SIM_POOL_ENDPOINT as string | undefined) ?? tested()?.sim;

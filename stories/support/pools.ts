import { userEvent, within } from 'storybook/test';

/**
 * The endpoints of the pools `npm start` runs beside Storybook (its env), or of the ones the story tests start
 * (test/stories/globalSetup.ts, handed over by test/stories/setup.ts). Undefined when neither runs: the stories then
 * say how to start them.
 */
interface StoryPools {
  local: string;
  sim: string;
}
const holder = globalThis as { __cognitoReactStoryPools__?: StoryPools };

/** Called by the story tests' setup file with the pools their global setup started. */
export const setTestedPools = (pools: StoryPools): void => {
  holder.__cognitoReactStoryPools__ = pools;
};

export const localPoolEndpoint = (): string | undefined => (import.meta.env.STORYBOOK_LOCAL_POOL_ENDPOINT as string | undefined) ?? holder.__cognitoReactStoryPools__?.local;
export const simPoolEndpoint = (): string | undefined => (import.meta.env.STORYBOOK_SIM_POOL_ENDPOINT as string | undefined) ?? holder.__cognitoReactStoryPools__?.sim;

/** A played story's own session (its store's `storageKeyPrefix`), cleared before it starts, so it begins signed out whatever ran before. */
export const ownSession = (prefix: string) => ({
  beforeEach: () => {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(prefix)) sessionStorage.removeItem(key);
  },
});

/** Types the username (and the password, when given) into the sign-in form and submits it. */
export async function typeSignIn(canvasElement: HTMLElement, username: string, password?: string) {
  const canvas = within(canvasElement);
  await userEvent.type(await canvas.findByLabelText('Username'), username);
  if (password !== undefined) await userEvent.type(canvas.getByLabelText('Password'), password);
  await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }));
  return canvas;
}

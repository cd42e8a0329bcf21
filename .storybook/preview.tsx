import type { Preview } from '@storybook/react-vite';
import { startWorker } from '../stories/support/worker';

const preview: Preview = {
  // The simulated user pools speak through an MSW service worker: start it before any story renders.
  loaders: [async () => ({ worker: await startWorker() })],
  parameters: {
    // Accessibility checks fail the story tests, not only warn in the panel.
    a11y: { test: 'error' },
    layout: 'centered',
  },
  tags: ['autodocs'],
};

export default preview;

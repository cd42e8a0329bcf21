import type { Decorator } from '@storybook/react-vite';
import css from '../../src/styles.css?inline';

/**
 * The optional theme (cognito-react/styles.css), only while the story shows: the other stories stay
 * unstyled, as the library is by default.
 */
export const themed =
  (theme: 'light' | 'dark' = 'light'): Decorator =>
  (Story) => (
    <div data-theme-demo={theme} style={{ background: theme === 'dark' ? '#0d0f12' : '#f3f5f8', padding: '2rem' }}>
      <style>{css}</style>
      <div className="cognito-react" data-theme={theme}>
        <Story />
      </div>
    </div>
  );

import type { Decorator } from '@storybook/react-vite';
import css from '../../src/styles.css?inline';

/**
 * The optional theme (cognito-react/styles.css), only while the story shows: the other stories stay
 * unstyled, as the library is by default. The colour scheme is set on a wrapper (`data-theme`, which
 * reaches the library's roots below it). `card`: wrap the story in a `.cognito-react` root, for the
 * standalone forms; components that render their own root (<SignIn>, <Authentication>,
 * <AccountSettings>) take `card: false`, so there is one card, not two.
 */
export const themed =
  (theme: 'light' | 'dark' = 'light', { card = true }: { card?: boolean } = {}): Decorator =>
  (Story) => (
    <div data-theme={theme} style={{ background: theme === 'dark' ? '#0d0f12' : '#f3f5f8', padding: '2rem', minWidth: 'min(28rem, 100vw)' }}>
      <style>{css}</style>
      {card ? (
        <div className="cognito-react">
          <Story />
        </div>
      ) : (
        <Story />
      )}
    </div>
  );

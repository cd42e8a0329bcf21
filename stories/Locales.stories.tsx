import type { Decorator, Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { SignIn } from '../src/index.js';
import ar, * as arabic from '../src/locales/ar.js';
import de, * as german from '../src/locales/de.js';
import he, * as hebrew from '../src/locales/he.js';
import type { LocaleModule } from '../src/locales/loadMessages.js';
import { PASSWORD, users, withPool, withProvider, type PoolContext } from './support/pool';
import { themed } from './support/theme';

/**
 * `<SignIn>` in other languages: the table of `cognito-react/locales/<tag>` as its `messages`, and the
 * locale's `dir` and `lang` on the container, so Arabic and Hebrew lay out right to left. Each story is
 * played in Chromium, which checks the layout: a label starts at the inline-start edge of its input (the
 * right edge in a right-to-left language).
 */
const meta = {
  title: 'Languages/SignIn',
  component: SignIn,
  decorators: [withProvider],
  args: { signedIn: <p>✓</p> },
} satisfies Meta<typeof SignIn>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The container an app gives the forms for a language: its direction and its tag. */
const inLanguage =
  (module: LocaleModule): Decorator =>
  (Story) => (
    <div dir={module.dir} lang={module.locale}>
      <Story />
    </div>
  );

const pool = (loaded: Record<string, unknown>) => loaded.pool as PoolContext;

/** The label's text starts where its input starts: the left edge left to right, the right edge right to left. */
async function expectLaidOut(label: HTMLElement, dir: 'ltr' | 'rtl') {
  const input = document.getElementById(label.getAttribute('for')!)!;
  expect(getComputedStyle(label).direction).toBe(dir);
  // The input itself too, unless it holds numbers, addresses or codes (always left to right).
  if (!input.hasAttribute('dir')) expect(getComputedStyle(input).direction).toBe(dir);
  const range = document.createRange();
  range.selectNodeContents(label);
  const text = range.getBoundingClientRect();
  const box = input.getBoundingClientRect();
  expect(text.width).toBeGreaterThan(0);
  expect(box.width - text.width).toBeGreaterThan(20);
  if (dir === 'rtl') {
    expect(Math.abs(text.right - box.right)).toBeLessThanOrEqual(2);
  } else {
    expect(Math.abs(text.left - box.left)).toBeLessThanOrEqual(2);
  }
}

/**
 * A field of numbers, addresses or codes is written left to right even in a right-to-left form (so `+44 7700 900`
 * does not show as `900 7700 44+`), and starts at the form's inline start like every field: the right edge.
 */
function expectWrittenLeftToRight(input: HTMLElement) {
  expect(input.getAttribute('dir')).toBe('ltr');
  expect(getComputedStyle(input).direction).toBe('ltr');
  expect(getComputedStyle(input).textAlign).toBe('right');
}

export const Arabic: Story = {
  args: { messages: ar },
  decorators: [inLanguage(arabic), themed('light')],
  loaders: [withPool({ users: [users.sms] })],
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expectLaidOut(canvas.getByText(ar['signIn.username']), 'rtl');
    await userEvent.type(canvas.getByLabelText(ar['signIn.username']), 'sam');
    await userEvent.type(canvas.getByLabelText(ar['signIn.password']), PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: ar['signIn.submit'] }));
    const code = await canvas.findByLabelText(ar['code.label']);
    await expectLaidOut(canvas.getByText(ar['code.label']), 'rtl');
    expectWrittenLeftToRight(code);
    // The masked phone number keeps its left-to-right order inside the Arabic sentence.
    expect(canvas.getByText(/أدخل الرمز المكوّن من 6 أرقام/).textContent).toMatch(/\u2068\+\S+\u2069\.$/);
    await userEvent.type(code, pool(loaded).sim.lastCode('sam')!);
    await userEvent.click(canvas.getByRole('button', { name: ar['code.submit'] }));
    await waitFor(() => expect(canvas.getByText('✓')).toBeInTheDocument(), { timeout: 5000 });
  },
};

/** A phone number as the username, in Arabic: the dial-code picker and the number, the number written left to right. */
export const ArabicPhoneUsername: Story = {
  args: { messages: ar },
  decorators: [inLanguage(arabic), themed('light')],
  loaders: [withPool({ users: [users.sms] }, { config: { usernameKind: 'phone_number' } })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The picker, once its chunk is in (the stand-in before it is the same shape).
    const picker = await canvas.findByLabelText(ar['field.country']);
    // The countries are named in the page's language (its lang="ar", the provider has no locale): Egypt is مصر.
    await waitFor(() => expect(picker.querySelector('option[value="EG"]')?.textContent).toBe('مصر +20'));
    const number = canvas.getByLabelText(ar['attribute.phone_number']);
    await userEvent.type(number, '+1 555 555 0100');
    expectWrittenLeftToRight(number);
    // The label still starts at the right edge of the row that holds the picker and the number.
    const label = canvas.getByText(ar['attribute.phone_number']);
    const row = number.parentElement!.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(label);
    expect(Math.abs(range.getBoundingClientRect().right - row.right)).toBeLessThanOrEqual(2);
  },
};

export const Hebrew: Story = {
  args: { messages: he },
  decorators: [inLanguage(hebrew), themed('light')],
  loaders: [withPool({ users: [users.password] })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectLaidOut(canvas.getByText(he['signIn.username']), 'rtl');
    await userEvent.click(canvas.getByRole('button', { name: he['signIn.submit'] }));
    expect(await canvas.findByText(he['invalid.username'])).toBeInTheDocument();
  },
};

export const German: Story = {
  args: { messages: de },
  decorators: [inLanguage(german), themed('light')],
  loaders: [withPool({ users: [users.password] })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectLaidOut(canvas.getByText(de['signIn.username']), 'ltr');
    await userEvent.type(canvas.getByLabelText(de['signIn.username']), 'pat');
    await userEvent.type(canvas.getByLabelText(de['signIn.password']), 'wrong-password');
    await userEvent.click(canvas.getByRole('button', { name: de['signIn.submit'] }));
    expect(await canvas.findByText(de['error.NotAuthorizedException'])).toBeInTheDocument();
  },
};

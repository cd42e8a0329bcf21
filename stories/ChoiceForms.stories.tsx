import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { SelectChallengeForm, SelectMfaTypeForm } from '../src/index.js';
import { reachChallenge, users, withPool, withProvider } from './support/pool';

/** Choices: the MFA method (SELECT_MFA_TYPE) and the way to sign in (SELECT_CHALLENGE). */
const meta = {
  title: 'Forms/Choices',
  decorators: [withProvider],
} satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

export const SelectMfaTwoOptions: Story = {
  render: () => <SelectMfaTypeForm />,
  loaders: [withPool({ users: [users.select] }, { reach: reachChallenge('sol') })],
};

export const SelectMfaThreeOptions: Story = {
  render: () => <SelectMfaTypeForm />,
  loaders: [withPool({ users: [users.selectThree] }, { reach: reachChallenge('tri') })],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByRole('radio')).toHaveLength(3);
  },
};

export const SelectMfaNothingChosen: Story = {
  render: () => <SelectMfaTypeForm />,
  loaders: [withPool({ users: [users.select] }, { reach: reachChallenge('sol') })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await expect(canvas.getByText('Choose one.')).toBeInTheDocument();
  },
};

export const SelectChallenge: Story = {
  render: () => <SelectChallengeForm />,
  loaders: [withPool({ users: [users.password] }, { config: { authFlow: 'USER_AUTH' }, reach: ({ auth }) => auth.signIn({ username: 'pat' }) })],
};

export const SelectChallengePasswordChosen: Story = {
  render: () => <SelectChallengeForm />,
  loaders: [withPool({ users: [users.password] }, { config: { authFlow: 'USER_AUTH' }, reach: ({ auth }) => auth.signIn({ username: 'pat' }) })],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByLabelText('With my password'));
    await expect(canvas.getByLabelText('Password')).toBeInTheDocument();
  },
};

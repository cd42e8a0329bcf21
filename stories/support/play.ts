import { expect, userEvent, waitFor, within } from 'storybook/test';

/** Types into the field with this label and presses the button with this name. */
export async function fillAndSubmit(canvasElement: HTMLElement, fields: Record<string, string>, button: string) {
  const canvas = within(canvasElement);
  for (const [label, value] of Object.entries(fields)) await userEvent.type(await canvas.findByLabelText(label), value);
  await userEvent.click(canvas.getByRole('button', { name: button }));
  return canvas;
}

/** Waits until the form's live error region says exactly this. */
export async function expectAlert(canvasElement: HTMLElement, text: string) {
  await waitFor(() => expect(within(canvasElement).getByRole('alert')).toHaveTextContent(text), { timeout: 5000 });
}

/** Waits until the form shows its pending state: busy, marked, and the submit button disabled. */
export async function expectPending(canvasElement: HTMLElement) {
  await waitFor(() => expect(canvasElement.querySelector('form')).toHaveAttribute('data-pending'), { timeout: 5000 });
  await expect(canvasElement.querySelector('button[type="submit"]')).toBeDisabled();
}

// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { serverTransport, SignIn } from '../../src/index.js';
import { PASSWORD, mswServerPerFile } from '../helpers/pool';
import { renderWithAuth } from '../react/helpers';
import { createServerPool } from './support';

const server = mswServerPerFile();
const pat = { username: 'pat', password: PASSWORD, attributes: { email: 'pat@example.com' } };

describe('<SignIn> unchanged, on a server configured for USER_PASSWORD_AUTH', () => {
  it('signs in with the flow the server allows (the local emulator has no SRP)', async () => {
    const pool = createServerPool(server, { users: [pat] }, { authFlow: 'USER_PASSWORD_AUTH' });
    renderWithAuth(<SignIn signedIn={<p>Welcome</p>} />, serverTransport('/api/auth', { fetch: pool.browserFetch }));
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Username'), 'pat');
    await user.type(screen.getByLabelText('Password'), PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Welcome')).toBeTruthy();
    const started = pool.sim.requests.find((r) => r.operation === 'AdminInitiateAuth');
    expect(started?.input).toMatchObject({ AuthFlow: 'ADMIN_USER_PASSWORD_AUTH' });
  });
});

import { auth } from '~/lib/auth.server';
import type { Route } from './+types/api.auth';

// GET /api/auth/session, and every POST (/sign-in, /respond, /sign-out, /command, ...).
export const loader = ({ request }: Route.LoaderArgs) => auth()(request);
export const action = ({ request }: Route.ActionArgs) => auth()(request);

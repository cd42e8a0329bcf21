// Every route of the sign-in (/api/auth/session, /sign-in, /respond, /sign-out, /command, ...).
import { auth } from '@/lib/auth';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return auth()(request);
}

export function POST(request: Request) {
  return auth()(request);
}

// The app's own API: who is signed in, read from the sealed cookie (the token itself never leaves the server).
import { auth } from '@/lib/auth';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const session = await auth().getSession(request);
  const headers = new Headers({ 'cache-control': 'no-store' });
  // A refreshed session comes with its new cookie.
  for (const cookie of session?.setCookie ?? []) headers.append('set-cookie', cookie);
  if (!session) return Response.json({ error: 'NotSignedIn' }, { status: 401, headers });
  return Response.json({ username: session.user.username }, { headers });
}

// The session in a server component: its request rebuilt from the incoming headers (cookies included).
import { headers } from 'next/headers';
import { auth } from '@/lib/auth';

export async function currentSession() {
  return auth().getSession(new Request('http://localhost/', { headers: await headers() }));
}

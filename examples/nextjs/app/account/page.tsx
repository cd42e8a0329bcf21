// A protected page: the server redirects to the sign-in page when nobody is signed in.
import { redirect } from 'next/navigation';
import { federatedProviders } from '@/lib/auth';
import { currentSession } from '@/lib/session';
import { Providers } from '../providers';
import { Settings } from './settings';

export const dynamic = 'force-dynamic';

export default async function AccountPage() {
  const session = await currentSession();
  if (!session) redirect('/');
  return (
    <main>
      <h1>Account of {session.user.username}</h1>
      <Providers>
        <Settings federated={federatedProviders().length > 0} />
      </Providers>
    </main>
  );
}

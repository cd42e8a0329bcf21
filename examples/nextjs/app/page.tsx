// A server component: it reads the session on the server, before any script runs in the browser.
import { federatedProviders } from '@/lib/auth';
import { currentSession } from '@/lib/session';
import { Providers } from './providers';
import { SignInPanel } from './sign-in';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const session = await currentSession();
  return (
    <main>
      <h1>cognito-react with Next.js</h1>
      <p data-testid="server-user">{session ? `The server sees ${session.user.username}.` : 'The server sees nobody signed in.'}</p>
      <Providers>
        <SignInPanel providers={federatedProviders()} />
      </Providers>
    </main>
  );
}

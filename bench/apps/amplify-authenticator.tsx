// Theirs, complete: @aws-amplify/ui-react's <Authenticator> with aws-amplify configured.
import { Authenticator } from '@aws-amplify/ui-react';
import { Amplify } from 'aws-amplify';
import { createRoot } from 'react-dom/client';

Amplify.configure({ Auth: { Cognito: { userPoolId: 'eu-west-1_Bench1', userPoolClientId: 'benchclient' } } });
createRoot(document.getElementById('root')!).render(<Authenticator>{() => <p>signed in</p>}</Authenticator>);

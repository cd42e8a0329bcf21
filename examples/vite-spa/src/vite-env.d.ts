/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_COGNITO_REGION: string;
  readonly VITE_COGNITO_USER_POOL_ID: string;
  readonly VITE_COGNITO_CLIENT_ID: string;
  /** A local pool, e.g. http://127.0.0.1:9229 (cognito-local); unset for Amazon Cognito. */
  readonly VITE_COGNITO_ENDPOINT?: string;
  /** USER_PASSWORD_AUTH for cognito-local, which has no SRP; unset for the default, USER_SRP_AUTH. */
  readonly VITE_COGNITO_AUTH_FLOW?: 'USER_PASSWORD_AUTH';
  /** The pool's domain for managed login (auth.example.com); unset: no federated sign-in. */
  readonly VITE_COGNITO_OAUTH_DOMAIN?: string;
  /** The identity providers to offer, by their names in the pool: Google,AcmeSSO. */
  readonly VITE_COGNITO_OAUTH_PROVIDERS?: string;
}

/** A user of a simulated external identity provider, as the provider describes them. */
export interface SimulatedProviderUser {
  /** The provider's subject for the user: the Cognito user becomes `<ProviderName>_<sub>`, as Cognito names federated users. */
  sub: string;
  /** Attributes the provider sends (after the pool's attribute mapping), e.g. `{ email: 'ann@example.com', name: 'Ann' }`. */
  attributes?: Record<string, string>;
}

/** An identity provider of the simulated pool (`identity_provider=<name>` at /oauth2/authorize). */
export interface SimulatedIdentityProvider {
  /** The provider's name in the pool: `Google`, `SignInWithApple`, `Facebook`, `LoginWithAmazon`, or an OIDC/SAML provider's. */
  name: string;
  /** `Google`, `Facebook`, `LoginWithAmazon`, `SignInWithApple`, `OIDC` or `SAML` (default: the name for the social ones, else `OIDC`). */
  type?: string;
  /** Identifiers for `idp_identifier` (e.g. email domains of a company's SAML provider). */
  identifiers?: string[];
  /** The accounts the simulated provider's page offers. */
  users: SimulatedProviderUser[];
}

/**
 * The pool's domain and the app client's managed-login settings (`oauth` of `createUserPoolSimulator`):
 * the endpoints /oauth2/authorize, /login, /oauth2/token, /oauth2/userInfo, /oauth2/revoke and /logout are
 * served at `domain`, and the pool's OpenID configuration at `<issuer>/.well-known/openid-configuration`.
 */
export interface SimulatedManagedLoginConfig {
  /** The pool's domain: `auth.example.test` (https assumed) or an origin (`http://127.0.0.1:4000`). */
  domain: string;
  /** The app client's allowed callback URLs (redirect_uri must be one of them exactly). */
  callbackUrls: string[];
  /** The app client's allowed sign-out URLs (logout_uri must be one of them exactly). */
  logoutUrls?: string[];
  /** The app client's allowed OAuth scopes (default `openid email phone profile aws.cognito.signin.user.admin`). */
  scopes?: string[];
  /** The identity providers the app client may use besides the pool's own users (`COGNITO`). */
  identityProviders?: SimulatedIdentityProvider[];
  /** Whether the app client may use its own users (`COGNITO` among its identity providers; default true). */
  cognitoUsers?: boolean;
  /** Minutes an authorization code lives (default 5, as Cognito's). */
  codeValidityMinutes?: number;
}

/** A request answered by the simulated managed login, or `undefined` when it is not one of its paths. */
export type ManagedLoginHandler = (request: Request) => Promise<Response | undefined>;

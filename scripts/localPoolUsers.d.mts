export declare const LOCAL_POOL: {
  region: string;
  userPoolId: string;
  clientId: string;
  code: string;
  totpSecret: string;
  users: Record<string, { password: string; case: string }>;
};
export declare const SIM_POOL: { region: string; userPoolId: string; clientId: string };
export declare const SIM_USERS: Array<{
  username: string;
  password: string;
  status?: 'FORCE_CHANGE_PASSWORD' | 'UNCONFIRMED';
  attributes: Record<string, string>;
  mfa?: { sms?: boolean; totpSecret?: string };
}>;

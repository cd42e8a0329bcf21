export declare const LOCAL_POOL: {
  region: string;
  userPoolId: string;
  clientId: string;
  code: string;
  totpSecret: string;
  users: Record<string, { password: string; case: string }>;
};

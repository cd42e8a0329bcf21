export declare const LOCAL_POOL: {
  region: string;
  userPoolId: string;
  clientId: string;
  code: string;
  totpSecret: string;
  users: Record<string, { password: string; case: string }>;
};
export declare function freePort(wanted?: number): Promise<number>;
export declare function startLocalPool(options?: { port?: number; quiet?: boolean }): Promise<{
  endpoint: string;
  port: number;
  pid: number | undefined;
  dir: string;
  stop(): void;
}>;

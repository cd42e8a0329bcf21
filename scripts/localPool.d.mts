export { LOCAL_POOL } from './localPoolUsers.mjs';
export declare function freePort(wanted?: number): Promise<number>;
export declare function startLocalPool(options?: { port?: number; quiet?: boolean }): Promise<{
  endpoint: string;
  port: number;
  pid: number | undefined;
  dir: string;
  stop(): void;
}>;

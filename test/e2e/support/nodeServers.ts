/** The node:http servers an end-to-end test starts itself: on 127.0.0.1 only, and stopped by the test. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on a free port of 127.0.0.1 and gives the port. */
export async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Closes the servers that were started (an `undefined` one did not get that far), their open connections first. */
export async function closeServers(servers: readonly (Server | undefined)[]): Promise<void> {
  for (const server of servers) {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

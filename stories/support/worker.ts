import { setupWorker, type SetupWorker } from 'msw/browser';

let started: Promise<SetupWorker> | null = null;

/** One MSW worker for the page; each story installs the handlers of its own simulated pool. */
export function startWorker(): Promise<SetupWorker> {
  started ??= (async () => {
    const worker = setupWorker();
    await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
    return worker;
  })();
  return started;
}

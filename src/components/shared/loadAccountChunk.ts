/** The account chunk (accountChunk.ts), fetched once for every part of it (and again after a failure). */
let chunk: Promise<typeof import('./accountChunk.js')> | undefined;

export function loadAccountChunk(): Promise<typeof import('./accountChunk.js')> {
  return (chunk ??= import('./accountChunk.js').catch((error: unknown) => {
    chunk = undefined;
    throw error;
  }));
}

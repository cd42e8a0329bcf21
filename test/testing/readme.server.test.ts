/**
 * The README's example of the simulator over HTTP, run as written (its import bound to this checkout's
 * module): it must start a pool, reach its helpers over HTTP, and close it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as testing from '../../src/testing/index.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string).find((b) => b.includes('startUserPoolServer('));

describe('the README on the simulator over HTTP', () => {
  it('starts a pool, reads its config at /_sim/config, and closes it', async () => {
    expect(block).toBeDefined();
    const body = block!.replace("import { startUserPoolServer } from 'cognito-react/testing';\n", '');
    expect(body).not.toContain('import ');
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;
    const run = new AsyncFunction('startUserPoolServer', `${body}\nreturn { pool, config };`);
    const { pool, config } = (await run(testing.startUserPoolServer)) as { pool: testing.UserPoolServer; config: Record<string, string> };
    expect(config).toMatchObject({ userPoolId: 'eu-west-1_AbC123', clientId: '1example23456789', url: pool.url });
    expect(pool.sim.user('alice')?.attributes.email).toBe('alice@example.com');
    await expect(fetch(`${pool.url}_sim/config`)).rejects.toThrow();
  });
});

describe('the README on the contract suite', () => {
  it('shows the table the last contract run wrote (test/contract/RESULTS.md)', () => {
    const results = readFileSync(new URL('../contract/RESULTS.md', import.meta.url), 'utf8');
    const rows = (text: string) => text.split('\n').filter((line) => line.startsWith('| ') || line.startsWith('|---'));
    const written = rows(results);
    expect(written.length).toBeGreaterThan(10);
    const at = readme.indexOf(written[0]!);
    expect(at).toBeGreaterThan(0);
    expect(rows(readme.slice(at)).slice(0, written.length)).toEqual(written);
  });
});

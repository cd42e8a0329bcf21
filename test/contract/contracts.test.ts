/**
 * `npm run test:contract`: every contract against every selected target (see targets.ts). A contract needing
 * what a target lacks is still run there, and must fail the way the target's capability table says: it is
 * reported unsupported, never passed (and never skipped). The table is printed and written to RESULTS.md.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACTS } from './contracts.js';
import { writeResults, writeTable, type Outcome } from './report.js';
import { selectedTargets, startTarget } from './targets.js';
import type { Target } from './types.js';

const ran: string[] = [];

for (const name of selectedTargets()) {
  describe(`target ${name}`, () => {
    let target: Target;
    const outcomes: Record<string, Outcome> = {};
    beforeAll(async () => {
      target = await startTarget(name);
    }, 120_000);
    afterAll(async () => {
      if (!target) return;
      if (Object.keys(outcomes).length === CONTRACTS.length) {
        writeResults({ target: name, outcomes, deviations: target.deviations });
        ran.push(name);
      }
      await target.stop();
    }, 120_000);

    for (const contract of CONTRACTS) {
      it(`${contract.name}: ${contract.checks}`, async () => {
        const lacking = contract.needs.filter((need) => target.lacks[need] !== undefined);
        if (lacking.length === 0) {
          try {
            await contract.run(target);
          } catch (error) {
            outcomes[contract.name] = { status: 'failed', error: String(error) };
            throw error;
          }
          outcomes[contract.name] = { status: 'passed' };
          return;
        }
        // Unsupported here: the flow must really fail, in the way the capability table gives for it.
        const reason = lacking.map((need) => target.lacks[need]!.reason).join('; ');
        const failure = await contract.run(target).then(
          () => undefined,
          (error: unknown) => error as Error,
        );
        if (failure === undefined) {
          outcomes[contract.name] = { status: 'failed', error: `ran through on ${name}, which the capability table says lacks ${lacking.join(', ')}` };
        }
        expect(failure, `${contract.name} ran through on ${name}: update the capability table`).toBeInstanceOf(Error);
        const seen = `${failure!.name}: ${failure!.message}`;
        const expected = lacking.map((need) => target.lacks[need]!.refusal);
        if (!expected.some((pattern) => pattern.test(seen))) outcomes[contract.name] = { status: 'failed', error: seen };
        expect(expected.some((pattern) => pattern.test(seen)), `${contract.name} on ${name} failed otherwise than predicted: ${seen}`).toBe(true);
        outcomes[contract.name] = { status: 'unsupported', reason };
      }, 90_000);
    }
  });
}

afterAll(() => {
  if (ran.length === 0) return;
  process.stdout.write(`\nContract results (test/contract/RESULTS.md):\n\n${writeTable(CONTRACTS)}\n`);
});

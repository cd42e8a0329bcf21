/**
 * The contract × target table: each run writes its targets' outcomes to results/<target>.json, and
 * RESULTS.md is rebuilt from every target's latest file (the README shows it).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Contract, TargetName } from './types.js';

export type Outcome = { status: 'passed' } | { status: 'failed'; error: string } | { status: 'unsupported'; reason: string };

export interface TargetResults {
  target: TargetName;
  outcomes: Record<string, Outcome>;
  deviations: string[];
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const ORDER: TargetName[] = ['aws', 'local', 'simulator'];

export function writeResults(results: TargetResults): void {
  writeFileSync(here(`./results/${results.target}.json`), `${JSON.stringify(results, null, 2)}\n`);
}

function readResults(): TargetResults[] {
  return ORDER.flatMap((target) => {
    const file = here(`./results/${target}.json`);
    return existsSync(file) ? [JSON.parse(readFileSync(file, 'utf8')) as TargetResults] : [];
  });
}

/** The table as Markdown, from the latest results of every target. */
export function renderTable(contracts: readonly Contract[], all: TargetResults[] = readResults()): string {
  const cell = (outcome: Outcome | undefined) => (outcome === undefined ? 'not run' : outcome.status);
  const lines = [
    `| contract | what it checks | ${all.map((r) => r.target).join(' | ')} |`,
    `|---|---|${all.map(() => '---').join('|')}|`,
    ...contracts.map((c) => `| ${c.name} | ${c.checks} | ${all.map((r) => cell(r.outcomes[c.name])).join(' | ')} |`),
  ];
  const notes: string[] = [];
  for (const r of all) {
    const reasons = new Map<string, string[]>();
    for (const [name, outcome] of Object.entries(r.outcomes)) {
      if (outcome.status === 'unsupported') reasons.set(outcome.reason, [...(reasons.get(outcome.reason) ?? []), name]);
    }
    for (const [reason, names] of reasons) notes.push(`- ${r.target}, unsupported (${names.join(', ')}): ${reason}.`);
    for (const deviation of r.deviations) notes.push(`- ${r.target}, deviation: ${deviation}`);
  }
  return `${lines.join('\n')}\n\nUnsupported means the contract was run there and failed the way the target's capability table predicts (asserted), never that it passed.\n\n${notes.join('\n')}\n`;
}

export function writeTable(contracts: readonly Contract[]): string {
  const table = renderTable(contracts);
  writeFileSync(here('./RESULTS.md'), `<!-- Written by npm run test:contract (test/contract/report.ts). -->\n# Contract results\n\n${table}`);
  return table;
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const results = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench-results');

/** Writes one part of the benchmark results, for bench/report.mjs to print with the others. */
export function record(part: string, data: unknown): void {
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, `${part}.json`), JSON.stringify(data, null, 2));
}

/** Median and spread (min, max, interquartile range) of timings in ms. */
export function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))] as number;
  return { n: s.length, median: at(0.5), p25: at(0.25), p75: at(0.75), min: s[0] as number, max: s[s.length - 1] as number };
}

/** Times `fn` `iterations` times after `warmup` runs. */
export async function time(fn: () => unknown, iterations: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

#!/usr/bin/env node
// The simulated Cognito user pool over HTTP: `cognito-react-sim --help`. The command itself is built into
// dist/sim-cli.js (from src/testing/cli.ts), which needs no MSW; this file gives it the process.
import { readFile } from 'node:fs/promises';
import { main } from '../dist/sim-cli.js';

await main(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  exit: (code) => process.exit(code),
  readText: (path) => readFile(path, 'utf8'),
  onStopSignal: (stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
});

#!/usr/bin/env node
// The simulated Cognito user pool over HTTP: `cognito-react-sim --help`. The command itself is built into
// dist/sim-cli.js (from src/testing/cli.ts), which needs no MSW.
import { main } from '../dist/sim-cli.js';

await main(process.argv.slice(2));

#!/usr/bin/env node
// The `cfdi` command: runs the compiled library (built by the root postinstall: tsc -b packages/cfdi).
import { runCli } from '../dist/cli/main.js';

const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isErrTty: Boolean(process.stderr.isTTY),
  env: process.env,
});
process.exitCode = code;

#!/usr/bin/env node
// `npm test`: typecheck + lint + unit and API tests (PGlite, and PostgreSQL when TEST_DATABASE_URL
// is set) + build + browser tests (when Chromium is installed). Prints one closing summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const reports = mkdtempSync(path.join(tmpdir(), 'cajachica-test-reports-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${result.status ?? result.signal})`);
    return false;
  }
  return true;
}

function vitest(project) {
  const output = path.join(reports, `${project}.json`);
  const ok = run(`tests (${project})`, 'npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
  ]);
  if (existsSync(output)) {
    const report = JSON.parse(readFileSync(output, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  }
  return ok;
}

const steps = [
  () => run('typecheck', 'npm', ['run', '--silent', 'typecheck']),
  () => run('lint', 'npx', ['biome', 'check', '.']),
  () => vitest('server'),
  () => run('build', 'npm', ['run', '--silent', 'build']),
  () => {
    if (!existsSync(CHROMIUM)) {
      console.log(
        `\n⚠ Browser tests SKIPPED: Chromium not found at ${CHROMIUM} (apt-get install -y chromium).`,
      );
      return true;
    }
    return vitest('e2e');
  },
];

let ok = true;
for (const step of steps) {
  if (!step()) {
    ok = false;
    break;
  }
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);

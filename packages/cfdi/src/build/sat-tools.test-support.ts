// Test support: SAT's offline oracles (shared/sat/validate.sh and verify-sello.sh) on a built CFDI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SAT = fileURLToPath(new URL('../../../../../shared/sat/', import.meta.url));
let directory: string | undefined;
let counter = 0;

/** Fails (never skips) when the tools are missing, so a green run always means the oracle ran. */
export function requireSatTools(): void {
  for (const [tool, flag] of [
    ['xmllint', '--version'],
    ['xsltproc', '--version'],
    ['openssl', 'version'],
  ] as const) {
    const result = spawnSync(tool, [flag]);
    if (result.error || result.status !== 0)
      throw new Error(
        `${tool} is missing for the SAT oracle: apt-get install -y libxml2-utils xsltproc openssl`,
      );
  }
}

/** Runs one of shared/sat's scripts on the XML written to a temporary file: exit code and output. */
export function runSatScript(script: 'validate.sh' | 'verify-sello.sh', xml: string) {
  directory ??= mkdtempSync(path.join(tmpdir(), 'cfdi-build-'));
  counter += 1;
  const file = path.join(directory, `cfdi-${process.pid}-${counter}.xml`);
  writeFileSync(file, xml, 'utf8');
  const result = spawnSync(path.join(SAT, script), [file], { encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

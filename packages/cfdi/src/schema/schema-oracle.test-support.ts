// Test support (not shipped): runs /work/shared/sat/validate.sh — xmllint against SAT's XSD, the
// oracle checkSchema must agree with — over many documents at once, since each call costs ~25 ms.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED = fileURLToPath(new URL('../../../../../shared/', import.meta.url));
export const VALIDATE_SH = path.join(SHARED, 'sat/validate.sh');
export const FIXTURES = path.join(SHARED, 'fixtures/cfdi');

const BATCH_SIZE = 80;
const PARALLEL_BATCHES = 2;

/** Fails loudly (never skips) without the oracle's tools, so a green run always means compared. */
export function requireOracle(): void {
  for (const tool of ['xmllint', 'xsltproc']) {
    const result = spawnSync(tool, ['--version']);
    if (result.error || result.status !== 0)
      throw new Error(
        `${tool} is missing: the schema oracle tests need it. Install with: apt-get install -y libxml2-utils xsltproc`,
      );
  }
  if (!readdirSync(path.dirname(VALIDATE_SH)).includes('validate.sh'))
    throw new Error(`validate.sh not found at ${VALIDATE_SH}`);
}

/** The fixture files, by name. */
export function listFixtureNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.xml'))
    .sort();
}

export interface OracleVerdict {
  valid: boolean;
  /** validate.sh's stderr lines for this file (xmllint's errors). */
  errors: string;
}

function runValidate(files: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(VALIDATE_SH, files, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 2) reject(new Error(`validate.sh could not run: ${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}

async function judgeBatch(directory: string, xmls: string[], offset: number): Promise<OracleVerdict[]> {
  const files = xmls.map((xml, index) => {
    const file = path.join(directory, `doc-${offset + index}.xml`);
    writeFileSync(file, xml);
    return file;
  });
  const { stdout, stderr } = await runValidate(files);
  const stderrLines = stderr.split('\n');
  return files.map((file) => {
    const valid = stdout.split('\n').includes(`${file}: valid`);
    const errors = stderrLines
      .filter((line) => line.startsWith(`${file}:`) && !line.includes(': note:'))
      .join('\n');
    return { valid, errors };
  });
}

/** validate.sh's verdict on each document, in order (a document it cannot read counts as invalid). */
export async function judgeWithOracle(xmls: string[]): Promise<OracleVerdict[]> {
  const directory = mkdtempSync(path.join(tmpdir(), 'cfdi-schema-oracle-'));
  try {
    const batches: Promise<OracleVerdict[]>[] = [];
    const results: OracleVerdict[][] = [];
    for (let start = 0; start < xmls.length; start += BATCH_SIZE) {
      if (batches.length === PARALLEL_BATCHES) results.push(...(await Promise.all(batches.splice(0))));
      batches.push(judgeBatch(directory, xmls.slice(start, start + BATCH_SIZE), start));
    }
    results.push(...(await Promise.all(batches)));
    return results.flat();
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

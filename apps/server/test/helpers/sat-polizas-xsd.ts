import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCHEMA = fileURLToPath(
  new URL(
    '../../src/modules/journal/xsd/ContabilidadE/1_3/PolizasPeriodo/PolizasPeriodo_1_3.xsd',
    import.meta.url,
  ),
);

/**
 * Validates a pólizas XML against the SAT's PolizasPeriodo 1.3 schema with libxml2's xmllint
 * (offline: the catalogs are imported from a local path). Throws when xmllint cannot run: a
 * validation that did not happen must not pass.
 */
export function validatePolizasXml(xml: string): { valid: boolean; errors: string } {
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', SCHEMA, '-'], {
    input: xml,
    encoding: 'utf8',
  });
  if (run.error) throw new Error(`xmllint did not run (${run.error.message}); install libxml2-utils`);
  // 0 valid, 1 not well-formed, 3 invalid; anything else is a broken setup, not a verdict.
  if (run.status !== 0 && run.status !== 1 && run.status !== 3)
    throw new Error(`xmllint failed: ${run.stderr}`);
  return { valid: run.status === 0, errors: run.status === 0 ? '' : run.stderr };
}

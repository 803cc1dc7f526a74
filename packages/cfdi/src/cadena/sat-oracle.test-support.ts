// Test support (not shipped behaviour): runs SAT's own tools from shared/sat as the oracle the
// TypeScript implementation must agree with. Every call writes the XML to a temporary file because
// the scripts take file names.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SHARED = fileURLToPath(new URL('../../../../../shared/', import.meta.url));
export const SAT = path.join(SHARED, 'sat');
export const FIXTURES = path.join(SHARED, 'fixtures/cfdi');
export const CSD = path.join(SHARED, 'fixtures/csd');
const TFD_XSLT = path.join(
  SAT,
  'www.sat.gob.mx/sitio_internet/cfd/TimbreFiscalDigital/cadenaoriginal_TFD_1_1.xslt',
);

// Copies the timbre out with its in-scope namespace declarations (xmllint --xpath would drop those
// declared on the Comprobante, and the TFD stylesheet would then see no tfd:TimbreFiscalDigital).
const EXTRACT_TFD = `<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tfd="http://www.sat.gob.mx/TimbreFiscalDigital"><xsl:output method="xml" encoding="UTF-8"/>
  <xsl:template match="/"><xsl:copy-of select="(//tfd:TimbreFiscalDigital)[1]"/></xsl:template>
</xsl:stylesheet>`;

let workDirectory: string | undefined;
let fileCounter = 0;

/** Fails loudly (never skips) when the oracle's tools are missing, so a green run always means compared. */
export function requireOracle(): void {
  for (const [tool, flag] of [
    ['xsltproc', '--version'],
    ['xmllint', '--version'],
    ['openssl', 'version'],
  ] as const) {
    const result = spawnSync(tool, [flag]);
    if (result.error || result.status !== 0)
      throw new Error(
        `${tool} is missing: the SAT oracle tests need it. Install with: apt-get install -y xsltproc libxml2-utils openssl`,
      );
  }
  if (!readdirSync(SAT).includes('cadena.sh')) throw new Error(`SAT oracle scripts not found in ${SAT}`);
}

/** Writes XML to a fresh temporary file and returns its path. */
export function writeTemporaryXml(xml: string | Uint8Array): string {
  workDirectory ??= mkdtempSync(path.join(tmpdir(), 'cfdi-oracle-'));
  fileCounter += 1;
  const file = path.join(workDirectory, `doc-${process.pid}-${fileCounter}.xml`);
  writeFileSync(file, xml);
  return file;
}

function run(command: string, args: string[], input?: string) {
  const result = spawnSync(command, args, { encoding: 'utf8', input, maxBuffer: 32 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** SAT's cadena original of a CFDI (cadena.sh: xsltproc with cadenaoriginal_4_0 / 3_3). */
export function oracleCadena(xml: string | Uint8Array): string {
  const result = run(path.join(SAT, 'cadena.sh'), [writeTemporaryXml(xml)]);
  if (result.status !== 0) throw new Error(`cadena.sh failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** SAT's cadena original of the document's TimbreFiscalDigital (cadenaoriginal_TFD_1_1.xslt). */
export function oracleTfdCadena(xml: string | Uint8Array): string {
  const file = writeTemporaryXml(xml);
  const extractor = writeTemporaryXml(EXTRACT_TFD);
  const timbre = run('xsltproc', ['--nonet', extractor, file]);
  if (timbre.status !== 0) throw new Error(`extracting the timbre failed: ${timbre.stderr}`);
  const result = run('xsltproc', ['--nonet', TFD_XSLT, '-'], timbre.stdout);
  if (result.status !== 0) throw new Error(`TFD cadena failed: ${result.stderr}`);
  return result.stdout;
}

/** verify-sello.sh's exit code: 0 verified; 1 bad seal; 2 missing data; 3 NoCertificado/RFC mismatch. */
export function oracleVerifySello(xml: string | Uint8Array): number {
  return run(path.join(SAT, 'verify-sello.sh'), [writeTemporaryXml(xml)]).status;
}

/** One of shared/sat's scripts on the XML written to a temporary file: exit code and messages. */
export function oracleRun(script: 'validate.sh' | 'verify-sello.sh', xml: string | Uint8Array) {
  const result = run(path.join(SAT, script), [writeTemporaryXml(xml)]);
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** validate.sh (xmllint against SAT's XSD): exit code and messages. */
export function oracleValidate(xml: string | Uint8Array) {
  return oracleRun('validate.sh', xml);
}

/** The fixture file names (shared/fixtures/cfdi/*.xml). */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.xml'))
    .sort();
}

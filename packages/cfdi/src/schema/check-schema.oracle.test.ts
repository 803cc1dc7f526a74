import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasErrors } from '../findings.js';
import { readXml } from '../xml/read-xml.js';
import { checkSchema } from './check-schema.js';
import { type Base, createMutationArbitrary, type Mutation } from './schema-mutations.test-support.js';
import { FIXTURES, judgeWithOracle, listFixtureNames, requireOracle } from './schema-oracle.test-support.js';

// Fixed so the suite is reproducible and stays under a minute; SCHEMA_MUTATION_SEED/RUNS override them
// for exploratory runs (e.g. SCHEMA_MUTATION_RUNS=5000).
const MUTATION_SEED = Number(process.env.SCHEMA_MUTATION_SEED ?? 20_260_418);
const MUTATION_RUNS = Number(process.env.SCHEMA_MUTATION_RUNS ?? 700);

/** Documents on which the library and validate.sh disagree, with both sides' reasons. */
async function findDisagreements(documents: { description: string; xml: string }[]) {
  const verdicts = await judgeWithOracle(documents.map((document) => document.xml));
  return documents.flatMap((document, index) => {
    const findings = checkSchema(readXml(document.xml));
    const oracle = verdicts[index] as { valid: boolean; errors: string };
    if (hasErrors(findings) !== oracle.valid) return [];
    return [
      {
        document: document.description,
        oracle: oracle.valid ? 'valid' : oracle.errors,
        library: findings.map((finding) => `${finding.code} ${finding.path}: ${finding.message}`),
      },
    ];
  });
}

describe('checkSchema agrees with validate.sh (xmllint + SAT XSD)', () => {
  beforeAll(() => requireOracle());

  it('on every fixture, including the invalid CFDI 3.3 one', async () => {
    const documents = listFixtureNames().map((name) => ({
      description: name,
      xml: readFileSync(path.join(FIXTURES, name), 'utf8'),
    }));
    expect(documents.length).toBeGreaterThanOrEqual(14);
    expect(await findDisagreements(documents)).toEqual([]);
    const invalid = checkSchema(
      readXml(readFileSync(path.join(FIXTURES, 'cfdi33-iva16-tasa0-exento-timbrado.xml'))),
    );
    expect(invalid.map((finding) => finding.path)).toContain(
      '/cfdi:Comprobante/cfdi:Complemento[1]/tfd:TimbreFiscalDigital/@RfcProvCertif',
    );
  });

  it(`on ${MUTATION_RUNS} fast-check mutations of the fixtures (seed ${MUTATION_SEED})`, async () => {
    const bases: Base[] = listFixtureNames().map((name) => ({
      name,
      root: readXml(readFileSync(path.join(FIXTURES, name))),
    }));
    const mutations = fc
      .sample(createMutationArbitrary(bases), { seed: MUTATION_SEED, numRuns: MUTATION_RUNS })
      .filter((mutation): mutation is Mutation => mutation !== null);
    expect(mutations.length).toBeGreaterThan(MUTATION_RUNS * 0.9);
    console.log(`[schema] compared ${mutations.length} mutated fixtures with validate.sh`);
    const found = await findDisagreements(mutations);
    expect(found).toEqual([]);
  }, 600_000);
});

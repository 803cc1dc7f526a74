import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXml } from '../xml/read-xml.js';
import { buildCadenaOriginal, CFDI33_NAMESPACE, CFDI40_NAMESPACE } from './build-cadena.js';
import { loadStylesheet } from './compile-rules.js';
import { oracleCadena, requireOracle } from './sat-oracle.test-support.js';
import { complementRoots, createRandom, synthesizeDocument } from './synthetic-cfdi.test-support.js';

// Documents built from the rule table itself (every attribute, child path and complement a template
// names, random presence, values and order) checked against xsltproc: this covers the complements no
// fixture carries. A missing or misplaced rule shows up as a difference with SAT's stylesheet.
beforeAll(requireOracle);

const VERSIONS = [
  { version: '4.0', namespace: CFDI40_NAMESPACE },
  { version: '3.3', namespace: CFDI33_NAMESPACE },
] as const;

describe.each(VERSIONS)('cadena original $version on synthetic documents', ({ version, namespace }) => {
  const stylesheet = loadStylesheet(version);
  const roots = complementRoots(stylesheet).filter((key) => !key.startsWith(`${namespace} `));
  const synthesize = (seed: number, complements?: string[]) => {
    const root = {
      namespace,
      localName: 'Comprobante',
      attributes: [['Version', version]] as [string, string][],
    };
    return synthesizeDocument(stylesheet, root, createRandom(seed), complements);
  };

  it('knows the 32 complements SAT’s stylesheet includes', () => {
    expect(roots).toHaveLength(32);
  });

  it.each(roots.map((key) => [key.replace('http://www.sat.gob.mx/', ''), key] as const))(
    'matches xsltproc for the complement %s',
    (_name, key) => {
      for (const seed of [1, 2, 3]) {
        const xml = synthesize(seed * 7919 + key.length, [key]);
        expect(buildCadenaOriginal(readXml(xml)), `seed ${seed}`).toBe(oracleCadena(xml));
      }
    },
  );

  it('matches xsltproc on random whole documents', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const xml = synthesize(seed);
        expect(buildCadenaOriginal(readXml(xml))).toBe(oracleCadena(xml));
      }),
      { numRuns: 40 },
    );
  });
});

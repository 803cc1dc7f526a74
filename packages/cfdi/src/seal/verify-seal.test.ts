import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURES,
  fixtureNames,
  oracleVerifySello,
  requireOracle,
} from '../cadena/sat-oracle.test-support.js';
import {
  attributeSpans,
  escapeAttribute,
  permutation,
  rawAttributeValue,
  startTags,
  withAttributeOrder,
  withAttributeValue,
  withoutAttribute,
} from '../cadena/xml-mutations.test-support.js';
import { hasErrors } from '../findings.js';
import { readXml } from '../xml/read-xml.js';
import { verifyIssuerSeal } from './verify-seal.js';

const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const codesOf = (xml: string) => verifyIssuerSeal(readXml(xml)).map((finding) => finding.code);
const NOTA = 'cfdi40-egreso-nota-credito-eku-generado.xml';

/** The property the brief asks for: no error exactly when SAT's verify-sello.sh exits 0. */
function expectOracleAgreement(xml: string) {
  const findings = verifyIssuerSeal(readXml(xml));
  const status = oracleVerifySello(xml);
  expect(hasErrors(findings), `verify-sello.sh exit ${status}, findings ${JSON.stringify(findings)}`).toBe(
    status !== 0,
  );
  expect(findings.every((finding) => finding.category === 'seal' && finding.severity === 'error')).toBe(true);
}

function attribute(xml: string, name: string, tagName?: string) {
  const found = attributeSpans(xml).find(
    (span) => span.attribute.name === name && (tagName === undefined || span.tag.name.endsWith(tagName)),
  );
  if (!found) throw new Error(`no ${name}`);
  return found.attribute;
}

beforeAll(requireOracle);

describe('verifyIssuerSeal', () => {
  it.each(fixtureNames())('agrees with verify-sello.sh on %s', (name) => {
    expectOracleAgreement(fixture(name));
  });

  it('accepts every sealed fixture (12 of them) and reports a missing seal on SAT’s unsealed samples', () => {
    const verified = fixtureNames().filter((name) => !hasErrors(verifyIssuerSeal(readXml(fixture(name)))));
    expect(verified).toHaveLength(12);
    const [missing] = verifyIssuerSeal(readXml(fixture('cfdi40-pagos20-sat-ejemplo.xml')));
    expect(missing).toMatchObject({ code: 'SEAL_MISSING', category: 'seal', path: '/Comprobante/@Sello' });
    expect(missing?.message).toMatch(/falta el sello/i);
  });

  it('breaks when an amount changes after sealing', () => {
    const xml = fixture(NOTA);
    const mutated = withAttributeValue(xml, attribute(xml, 'Importe', 'Concepto'), '999.00');
    expect(codesOf(mutated)).toEqual(['SEAL_MISMATCH']);
    expect(oracleVerifySello(mutated)).toBe(1);
  });

  it('reports a missing Certificado, an unreadable one and a Sello that is not base64', () => {
    const xml = fixture(NOTA);
    expect(codesOf(withoutAttribute(xml, attribute(xml, 'Certificado')))).toEqual([
      'SEAL_CERTIFICATE_MISSING',
    ]);
    expect(codesOf(withAttributeValue(xml, attribute(xml, 'Certificado'), 'QUJD'))).toEqual([
      'SEAL_CERTIFICATE_INVALID',
    ]);
    const sello = attribute(xml, 'Sello');
    expect(codesOf(withAttributeValue(xml, sello, `${sello.raw}*`))).toEqual(['SEAL_NOT_BASE64']);
  });

  it('reports a NoCertificado that is not the certificate’s serial, as verify-sello.sh (exit 3)', () => {
    const xml = fixture(NOTA);
    const mutated = withAttributeValue(xml, attribute(xml, 'NoCertificado'), '30001000000500003417');
    expect(codesOf(mutated)).toEqual(['SEAL_MISMATCH', 'SEAL_CERTIFICATE_NUMBER_MISMATCH']);
    const findings = verifyIssuerSeal(readXml(mutated));
    expect(findings[1]?.message).toContain('30001000000500003416');
  });

  it('reports an Emisor RFC that is not the certificate’s', () => {
    const xml = fixture(NOTA);
    const mutated = withAttributeValue(xml, attribute(xml, 'Rfc', 'Emisor'), 'XIQB891116QE4');
    expect(codesOf(mutated)).toEqual(['SEAL_MISMATCH', 'SEAL_RFC_MISMATCH']);
    expect(oracleVerifySello(mutated)).toBe(1);
  });

  it('reports an unsupported version instead of throwing', () => {
    const xml = fixture(NOTA).replace('Version="4.0"', 'Version="3.2"');
    expect(codesOf(xml)).toEqual(['SEAL_CADENA_UNAVAILABLE']);
  });
});

// Each run spawns SAT's shell oracle (xsltproc + openssl): seconds per property on a busy machine.
describe('verifyIssuerSeal on mutated fixtures (fast-check against verify-sello.sh)', {
  timeout: 120_000,
}, () => {
  const sealed = fixtureNames().filter((name) => oracleVerifySello(fixture(name)) === 0);

  it('still verifies after attributes are reordered', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sealed), fc.nat(), fc.nat(), (name, tagIndex, seed) => {
        const xml = fixture(name);
        const tags = startTags(xml).filter((tag) => tag.attributes.length > 1);
        const tag = tags[tagIndex % tags.length];
        if (!tag) return;
        const order = fc.sample(permutation(tag.attributes.length), { seed, numRuns: 1 })[0] ?? [];
        const mutated = withAttributeOrder(xml, tag, order);
        expect(verifyIssuerSeal(readXml(mutated))).toEqual([]);
        expectOracleAgreement(mutated);
      }),
      { numRuns: 12 },
    );
  });

  it('agrees after any attribute takes another value (amounts, whitespace, entities)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sealed), fc.nat(), rawAttributeValue, (name, index, raw) => {
        const xml = fixture(name);
        const spans = attributeSpans(xml);
        const target = spans[index % spans.length];
        if (!target) return;
        expectOracleAgreement(withAttributeValue(xml, target.attribute, raw));
      }),
      { numRuns: 30 },
    );
  });

  it('agrees when whitespace only is added around or inside values the cadena normalizes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sealed),
        fc.nat(),
        fc.constantFrom(' ', '\t', '\n', '&#9;', '&#10;', '&#13;', '  \n\t'),
        (name, index, space) => {
          const xml = fixture(name);
          const spans = attributeSpans(xml).filter(({ attribute }) => attribute.raw.includes(' '));
          const target = spans[index % spans.length];
          if (!target) return;
          const raw = `${space}${target.attribute.raw.replace(' ', `${space} `)}${space}`;
          expectOracleAgreement(withAttributeValue(xml, target.attribute, raw));
        },
      ),
      { numRuns: 20 },
    );
  });

  it('agrees when a value changes by one character', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...sealed),
        fc.nat(),
        fc.constantFrom('0', '1', 'A', 'ñ'),
        (name, index, char) => {
          const xml = fixture(name);
          const spans = attributeSpans(xml).filter(({ attribute }) => attribute.raw.length > 0);
          const target = spans[index % spans.length];
          if (!target) return;
          const raw = target.attribute.raw;
          const mutated = withAttributeValue(xml, target.attribute, escapeAttribute(char) + raw.slice(1));
          expectOracleAgreement(mutated);
        },
      ),
      { numRuns: 20 },
    );
  });
});

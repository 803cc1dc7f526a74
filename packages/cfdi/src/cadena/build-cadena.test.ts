import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXml, type XmlElement } from '../xml/read-xml.js';
import { buildCadenaOriginal, buildTfdCadena, CadenaError, normalizeSpace } from './build-cadena.js';
import {
  FIXTURES,
  fixtureNames,
  oracleCadena,
  oracleTfdCadena,
  requireOracle,
} from './sat-oracle.test-support.js';
import {
  attributeSpans,
  escapeAttribute,
  permutation,
  rawAttributeValue,
  startTags,
  withAttributeOrder,
  withAttributeValue,
} from './xml-mutations.test-support.js';

const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const cadenaOf = (xml: string) => buildCadenaOriginal(readXml(xml));
const findTimbre = (element: XmlElement): XmlElement | undefined =>
  element.localName === 'TimbreFiscalDigital' ? element : element.children.map(findTimbre).find(Boolean);

beforeAll(requireOracle);

/** Same cadena as xsltproc, or both refuse (e.g. a mutated Version that neither supports). */
function expectOracleAgreement(xml: string) {
  let expected: string | undefined;
  try {
    expected = oracleCadena(xml);
  } catch {
    expect(() => cadenaOf(xml)).toThrowError(CadenaError);
    return;
  }
  expect(cadenaOf(xml)).toBe(expected);
}

describe('buildCadenaOriginal', () => {
  it.each(fixtureNames())('matches SAT’s XSLT byte for byte on %s', (name) => {
    const xml = fixture(name);
    expect(cadenaOf(xml)).toBe(oracleCadena(xml));
  });

  it('writes || … || around the values and skips the Addenda, Sello and Certificado', () => {
    const cadena = cadenaOf(fixture('cfdi40-egreso-nota-credito-eku-generado.xml'));
    expect(cadena).toMatch(/^\|\|4\.0\|NC\|17\|2025-03-03T10:15:00\|.*\|\|$/);
    expect(cadena).not.toContain('MII');
  });

  it('normalizes spaces as XPath does: only space, tab, CR and LF collapse; NBSP stays', () => {
    expect(normalizeSpace(' \t a \r\n\n b\u00a0 ')).toBe('a b\u00a0');
    expect(normalizeSpace('\u00a0')).toBe('\u00a0');
  });

  it('writes an empty Opcional attribute as an empty field and a missing Requerido one too', () => {
    const xml = fixture('cfdi40-egreso-nota-credito-eku-generado.xml')
      .replace('Serie="NC"', 'Serie=""')
      .replace(/ Folio="17"/, '');
    const cadena = cadenaOf(xml);
    expect(cadena).toBe(oracleCadena(xml));
    expect(cadena.startsWith('||4.0||2025-03-03T10:15:00|')).toBe(true);
  });

  it('keeps XPath document order for .//a/b paths even when the a elements nest (terceros 1.1)', () => {
    const terceros = `<cfdi:ComplementoConcepto><terceros:PorCuentadeTerceros xmlns:terceros="http://www.sat.gob.mx/terceros" version="1.1" rfc="AAA010101AAA">
      <terceros:Retenciones><terceros:Retenciones><terceros:Retencion impuesto="ISR" importe="2"/></terceros:Retenciones>
      <terceros:Retencion impuesto="IVA" importe="1"/></terceros:Retenciones></terceros:PorCuentadeTerceros></cfdi:ComplementoConcepto>`;
    const xml = fixture('cfdi33-ingreso-eku-timbrado.xml').replace(
      /<cfdi:Concepto [^>]*[^/]>/,
      `$&${terceros}`,
    );
    expect(xml).toContain('terceros:Retencion ');
    expect(cadenaOf(xml)).toBe(oracleCadena(xml));
    expect(cadenaOf(xml)).toContain('|ISR|2|IVA|1|');
  });

  it('refuses a version it does not implement, naming it', () => {
    const xml = fixture('cfdi40-egreso-nota-credito-eku-generado.xml').replace(
      'Version="4.0"',
      'Version="3.2"',
    );
    expect(() => cadenaOf(xml)).toThrowError(CadenaError);
    expect(() => cadenaOf(xml)).toThrowError(/3\.2.*no está soportada/);
  });

  it('refuses a Version that contradicts the namespace and a root that is not a Comprobante', () => {
    const mixed = fixture('cfdi33-ingreso-eku-timbrado.xml').replace('Version="3.3"', 'Version="4.0"');
    expect(() => cadenaOf(mixed)).toThrowError(/no corresponden/);
    expect(() => cadenaOf('<Factura Version="4.0"/>')).toThrowError(/no cfdi:Comprobante/);
  });

  it('refuses, instead of guessing, an unknown complement that mixes text and elements', () => {
    const xml = fixture('cfdi40-egreso-nota-credito-eku-generado.xml').replace(
      '</cfdi:Comprobante>',
      '<cfdi:Complemento><x:Nota xmlns:x="urn:x">a<x:b>c</x:b></x:Nota></cfdi:Complemento></cfdi:Comprobante>',
    );
    expect(() => cadenaOf(xml)).toThrowError(/mezcla texto/);
  });

  it('copies the text of a complement it does not know, as XSLT’s built-in rule does', () => {
    const xml = fixture('cfdi40-egreso-nota-credito-eku-generado.xml').replace(
      '</cfdi:Comprobante>',
      '<cfdi:Complemento><x:Nota xmlns:x="urn:x">  libre &amp;\n texto </x:Nota></cfdi:Complemento></cfdi:Comprobante>',
    );
    expect(cadenaOf(xml)).toBe(oracleCadena(xml));
    expect(cadenaOf(xml)).toContain('  libre &\n texto ||');
  });
});

describe('buildCadenaOriginal on mutated fixtures (fast-check against xsltproc)', () => {
  const names = fixtureNames();

  it('matches the oracle after any attribute takes a value full of entities, whitespace and ñ', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.nat(), rawAttributeValue, (name, index, raw) => {
        const xml = fixture(name);
        const spans = attributeSpans(xml);
        const target = spans[index % spans.length];
        if (!target) return;
        expectOracleAgreement(withAttributeValue(xml, target.attribute, raw));
      }),
      { numRuns: 60 },
    );
  });

  it('matches the oracle with Descripcion holding &amp;, ñ, &quot;, &#13; and line breaks', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), rawAttributeValue, rawAttributeValue, (name, before, after) => {
        const xml = fixture(name);
        const descripcion = attributeSpans(xml).find(({ attribute }) => attribute.name === 'Descripcion');
        if (!descripcion) return;
        const raw = `${before}Café &amp; Pan ñ &quot;grande&quot;&#13;\n\tcon   espacios${after}`;
        const mutated = withAttributeValue(xml, descripcion.attribute, raw);
        expect(cadenaOf(mutated)).toBe(oracleCadena(mutated));
      }),
      { numRuns: 25 },
    );
  });

  it('does not change when attributes are reordered', () => {
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.nat(), fc.nat(), (name, tagIndex, seed) => {
        const xml = fixture(name);
        const tags = startTags(xml).filter((tag) => tag.attributes.length > 1);
        const tag = tags[tagIndex % tags.length];
        if (!tag) return;
        const order = fc.sample(permutation(tag.attributes.length), { seed, numRuns: 1 })[0] ?? [];
        const mutated = withAttributeOrder(xml, tag, order);
        expect(cadenaOf(mutated)).toBe(cadenaOf(xml));
        expect(cadenaOf(mutated)).toBe(oracleCadena(mutated));
      }),
      { numRuns: 30 },
    );
  });

  it('changes when an amount changes, and still matches the oracle', () => {
    const xml = fixture('cfdi40-ingreso-iva16-eku-timbrado.xml');
    const importe = attributeSpans(xml).find(({ attribute }) => attribute.name === 'Importe');
    if (!importe) throw new Error('fixture without Importe');
    const mutated = withAttributeValue(xml, importe.attribute, escapeAttribute('999999.99'));
    expect(cadenaOf(mutated)).not.toBe(cadenaOf(xml));
    expect(cadenaOf(mutated)).toBe(oracleCadena(mutated));
  });
});

describe('buildTfdCadena', () => {
  const stamped = fixtureNames().filter((name) => fixture(name).includes('TimbreFiscalDigital'));

  it.each(stamped)('matches cadenaoriginal_TFD_1_1.xslt on the timbre of %s', (name) => {
    const xml = fixture(name);
    const timbre = findTimbre(readXml(xml));
    if (!timbre) throw new Error('no timbre');
    const cadena = buildTfdCadena(timbre);
    expect(cadena).toBe(oracleTfdCadena(xml));
    expect(cadena).toMatch(/^\|\|1\.1\|[0-9a-fA-F-]{36}\|[^|]+\|[^|]*\|[^|]+\|\d{20}\|\|$/);
  });

  it('refuses something that is not a TFD 1.1', () => {
    expect(() => buildTfdCadena(readXml('<a/>'))).toThrowError(CadenaError);
    const v10 =
      '<tfd:TimbreFiscalDigital xmlns:tfd="http://www.sat.gob.mx/TimbreFiscalDigital" version="1.0"/>';
    expect(() => buildTfdCadena(readXml(v10))).toThrowError(/1\.0.*no está soportada/);
  });
});

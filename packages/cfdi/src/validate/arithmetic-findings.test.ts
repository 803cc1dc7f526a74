import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCfdi } from '../model/index.js';
import { checkArithmetic } from './arithmetic-findings.js';

const FIXTURES = new URL('../../../../../shared/fixtures/cfdi/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const codesOf = (xml: string) => checkArithmetic(parseCfdi(xml)).map((f) => f.code);

// Expected arithmetic findings per fixture (the library may be stricter than SAT's XSD).
const EXPECTED: Record<string, string[]> = {
  // SAT's implocal sample carries placeholder amounts that do not add up.
  'cfdi40-implocal-sat-ejemplo.xml': ['ARITHMETIC_TOTAL'],
};

describe('arithmetic findings', () => {
  it.each(readdirSync(FIXTURES).filter((name) => name.endsWith('.xml')))('%s adds up', (name) => {
    expect(codesOf(fixture(name))).toEqual(EXPECTED[name] ?? []);
  });

  it('catches a tampered total, subtotal and concepto importe', () => {
    const xml = fixture('cfdi40-ingreso-iva16-eku-timbrado.xml');
    const total = xml.match(/ Total="([^"]+)"/)?.[1] ?? '';
    expect(codesOf(xml.replace(` Total="${total}"`, ' Total="1.00"'))).toEqual(['ARITHMETIC_TOTAL']);
    const importe = xml.match(/cfdi:Concepto [^>]*Importe="([^"]+)"/)?.[1] ?? '';
    expect(codesOf(xml.replace(`Importe="${importe}"`, 'Importe="999999.00"'))).toContain(
      'ARITHMETIC_CONCEPTO_IMPORTE',
    );
  });

  it('refuses more decimals than the currency allows', () => {
    const xml = fixture('cfdi40-egreso-nota-credito-eku-generado.xml');
    const subTotal = xml.match(/ SubTotal="([^"]+)"/)?.[1] ?? '';
    expect(codesOf(xml.replace(` SubTotal="${subTotal}"`, ` SubTotal="${subTotal}0001"`))).toContain(
      'ARITHMETIC_DECIMALES_MONEDA',
    );
  });
});

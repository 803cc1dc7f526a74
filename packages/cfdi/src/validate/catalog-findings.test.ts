import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCfdi } from '../model/index.js';
import { checkCatalogRules } from './catalog-findings.js';

const FIXTURES = new URL('../../../../../shared/fixtures/cfdi/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const codesOf = (xml: string) => checkCatalogRules(parseCfdi(xml)).map((f) => f.code);

// Stricter than the stand-in XSD, on purpose: expected catalog findings per fixture.
const EXPECTED: Record<string, string[]> = {
  // test data carrying ISR as a traslado, in its three conceptos
  'cfdi33-ingreso-eku-timbrado.xml': [
    'CATALOG_TAX_NOT_ALLOWED',
    'CATALOG_TAX_NOT_ALLOWED',
    'CATALOG_TAX_NOT_ALLOWED',
  ],
  // SAT's samples carry placeholder keys: UsoCFDI P01 (3.3 only; Pagos use CP01 in 4.0), régimen 630
  // and TipoRelacion 09, which the 4.0 catalogs shipped here do not have.
  'cfdi40-implocal-sat-ejemplo.xml': ['CATALOG_UNKNOWN_KEY', 'CATALOG_UNKNOWN_KEY', 'CATALOG_UNKNOWN_KEY'],
  'cfdi40-pagos20-sat-ejemplo.xml': ['CATALOG_UNKNOWN_KEY', 'CATALOG_UNKNOWN_KEY', 'CATALOG_UNKNOWN_KEY'],
};

describe('catalog findings', () => {
  it.each(readdirSync(FIXTURES).filter((name) => name.endsWith('.xml')))(
    '%s has the expected catalog findings',
    (name) => {
      expect(codesOf(fixture(name))).toEqual(EXPECTED[name] ?? []);
    },
  );

  it('refuses a 3.3-only uso CFDI in a 4.0 document and an incompatible régimen', () => {
    const xml = fixture('cfdi40-egreso-nota-credito-eku-generado.xml');
    expect(codesOf(xml.replace(/UsoCFDI="[^"]+"/, 'UsoCFDI="P01"'))).toContain('CATALOG_UNKNOWN_KEY');
    expect(codesOf(xml.replace(/UsoCFDI="[^"]+"/, 'UsoCFDI="D01"'))).toContain('CATALOG_USO_REGIMEN');
  });

  it('refuses a rate that c_TasaOCuota does not allow', () => {
    const xml = fixture('cfdi40-ingreso-iva16-eku-timbrado.xml').replace(
      /TasaOCuota="0.160000"/g,
      'TasaOCuota="0.150000"',
    );
    expect(codesOf(xml)).toContain('CATALOG_TASA_O_CUOTA');
  });

  it('checks only the format of c_ClaveProdServ and says so', () => {
    const xml = fixture('cfdi40-ingreso-iva16-eku-timbrado.xml').replace(
      /ClaveProdServ="\d+"/,
      'ClaveProdServ="ABC"',
    );
    const findings = checkCatalogRules(parseCfdi(xml));
    expect(findings.find((f) => f.code === 'CATALOG_CLAVE_PROD_SERV_FORMAT')?.message).toMatch(
      /solo se revisó el formato/,
    );
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../findings.js';
import { readXml } from '../xml/read-xml.js';
import { checkSchema } from './check-schema.js';
import { FIXTURES, judgeWithOracle, requireOracle } from './schema-oracle.test-support.js';

const NOTA = readFileSync(path.join(FIXTURES, 'cfdi40-egreso-nota-credito-eku-generado.xml'), 'utf8');
const TIMBRADO = readFileSync(path.join(FIXTURES, 'cfdi40-ingreso-iva16-eku-timbrado.xml'), 'utf8');
const EMISOR = '<cfdi:Emisor Rfc="EKU9003173C9" Nombre="ESCUELA KEMPER URGATE" RegimenFiscal="601"/>';
const RECEPTOR_START = '<cfdi:Receptor ';
const COMPROBANTE = '/cfdi:Comprobante';

function edit(xml: string, from: string | RegExp, to: string): string {
  const edited = xml.replace(from, to);
  if (edited === xml) throw new Error(`edit did not apply: ${from}`);
  return edited;
}

const addComplement = (complement: string) =>
  edit(NOTA, '</cfdi:Comprobante>', `<cfdi:Complemento>${complement}</cfdi:Complemento></cfdi:Comprobante>`);
const receptorLine = NOTA.split('\n').find((line) => line.includes(RECEPTOR_START)) as string;

/** The everyday ways a CFDI breaks its schema, each with the finding it must produce. */
const CASES: { name: string; xml: string; code: string | null; path?: string; message?: string }[] = [
  {
    name: 'a required attribute removed',
    xml: edit(NOTA, ' Rfc="EKU9003173C9"', ''),
    code: 'SCHEMA_MISSING_ATTRIBUTE',
    path: `${COMPROBANTE}/cfdi:Emisor/@Rfc`,
    message: 'Falta el atributo requerido Rfc en cfdi:Emisor; debe ser un RFC: 3 o 4 letras',
  },
  {
    name: 'an attribute SAT does not define',
    xml: edit(NOTA, 'Version="4.0"', 'Version="4.0" total="580.00"'),
    code: 'SCHEMA_UNKNOWN_ATTRIBUTE',
    path: `${COMPROBANTE}/@total`,
    message:
      'El atributo total no está permitido en cfdi:Comprobante según el esquema del SAT. ¿Quiso decir Total?',
  },
  {
    name: 'an amount with a thousands separator',
    xml: edit(NOTA, 'Total="580.00"', 'Total="1,160.00"'),
    code: 'SCHEMA_DATATYPE',
    path: `${COMPROBANTE}/@Total`,
    message:
      'El atributo Total de cfdi:Comprobante tiene "1,160.00"; debe ser un número con punto decimal, sin comas (hasta 6 decimales), no negativo.',
  },
  {
    name: 'a negative amount',
    xml: edit(NOTA, 'Total="580.00"', 'Total="-5"'),
    code: 'SCHEMA_RANGE',
    path: `${COMPROBANTE}/@Total`,
  },
  {
    name: 'an amount with 7 decimals',
    xml: edit(NOTA, 'ValorUnitario="500.00"', 'ValorUnitario="1.1234567"'),
    code: 'SCHEMA_DIGITS',
    path: `${COMPROBANTE}/cfdi:Conceptos/cfdi:Concepto[1]/@ValorUnitario`,
  },
  {
    name: 'an RFC with an impossible date',
    xml: edit(NOTA, 'Rfc="EKU9003173C9"', 'Rfc="EKU9013173C9"'),
    code: 'SCHEMA_PATTERN',
    path: `${COMPROBANTE}/cfdi:Emisor/@Rfc`,
  },
  {
    name: 'a FormaPago key outside the catalog',
    xml: edit(NOTA, 'FormaPago="03"', 'FormaPago="77"'),
    code: 'SCHEMA_ENUMERATION',
    message:
      'El atributo FormaPago de cfdi:Comprobante tiene "77"; debe ser una clave del catálogo c_FormaPago: "01", "02"',
  },
  {
    name: 'cfdi:Receptor before cfdi:Emisor',
    xml: edit(edit(NOTA, `${EMISOR}\n`, ''), receptorLine, `${receptorLine}\n${EMISOR}`),
    code: 'SCHEMA_ORDER',
    path: `${COMPROBANTE}/cfdi:Receptor`,
    message:
      'cfdi:Receptor está fuera del orden que exige el esquema del SAT dentro de cfdi:Comprobante: antes debe ir cfdi:Emisor.',
  },
  {
    name: 'cfdi:Emisor twice',
    xml: edit(NOTA, EMISOR, `${EMISOR}${EMISOR}`),
    code: 'SCHEMA_TOO_MANY',
    path: `${COMPROBANTE}/cfdi:Emisor[2]`,
    message: 'cfdi:Emisor aparece más veces de las permitidas dentro de cfdi:Comprobante (máximo 1).',
  },
  {
    name: 'no cfdi:Conceptos',
    xml: edit(NOTA, /<cfdi:Conceptos>[\s\S]*<\/cfdi:Conceptos>/, ''),
    code: 'SCHEMA_MISSING_ELEMENT',
    message: 'Falta cfdi:Conceptos dentro de cfdi:Comprobante (antes de cfdi:Impuestos).',
  },
  {
    name: 'the 29th of February of a common year',
    xml: edit(NOTA, 'Fecha="2025-03-03T10:15:00"', 'Fecha="2023-02-29T10:15:00"'),
    code: 'SCHEMA_DATATYPE',
    path: `${COMPROBANTE}/@Fecha`,
  },
  {
    name: 'a date with a time zone',
    xml: edit(NOTA, 'Fecha="2025-03-03T10:15:00"', 'Fecha="2025-03-03T10:15:00Z"'),
    code: 'SCHEMA_PATTERN',
  },
  { name: 'Version 4.00', xml: edit(NOTA, 'Version="4.0"', 'Version="4.00"'), code: 'SCHEMA_FIXED_VALUE' },
  {
    name: 'whitespace inside an element that must be empty',
    xml: edit(NOTA, EMISOR, EMISOR.replace('/>', '> </cfdi:Emisor>')),
    code: 'SCHEMA_TEXT_NOT_ALLOWED',
  },
  {
    name: 'a complement from an unknown namespace',
    xml: addComplement('<x:Foo xmlns:x="urn:foo"/>'),
    code: 'SCHEMA_UNDECLARED_ELEMENT',
    path: `${COMPROBANTE}/cfdi:Complemento/x:Foo`,
  },
  {
    name: 'xsi:type on an element',
    xml: edit(NOTA, 'Version="4.0"', 'Version="4.0" xsi:type="x"'),
    code: 'SCHEMA_XSI_ATTRIBUTE',
  },
  {
    name: 'an Addenda with anything in it (validate.sh strips it)',
    xml: edit(
      NOTA,
      '</cfdi:Comprobante>',
      '<cfdi:Addenda><x:Foo xmlns:x="urn:foo" y="1"/></cfdi:Addenda></cfdi:Comprobante>',
    ),
    code: null,
  },
  {
    name: 'a TimbreFiscalDigital 1.1 declared with the TFD 1.0 schema',
    xml: edit(
      TIMBRADO,
      'TimbreFiscalDigital/TimbreFiscalDigitalv11.xsd',
      'TimbreFiscalDigital/TimbreFiscalDigital.xsd',
    ),
    code: 'SCHEMA_UNKNOWN_ATTRIBUTE',
  },
  { name: 'a valid nota de crédito', xml: NOTA, code: null },
];

const findErrors = (xml: string): Finding[] =>
  checkSchema(readXml(xml)).filter((f) => f.severity === 'error');

describe('checkSchema on the usual ways a CFDI breaks', () => {
  beforeAll(() => requireOracle());

  it('rejects each exactly when validate.sh does', async () => {
    const verdicts = await judgeWithOracle(CASES.map((entry) => entry.xml));
    const table = CASES.map((entry, index) => ({
      name: entry.name,
      oracleValid: verdicts[index]?.valid,
      libraryValid: findErrors(entry.xml).length === 0,
    }));
    expect(table).toEqual(
      CASES.map((entry) => ({
        name: entry.name,
        oracleValid: entry.code === null,
        libraryValid: entry.code === null,
      })),
    );
  });

  for (const entry of CASES.filter((candidate) => candidate.code !== null)) {
    it(`reports ${entry.code} for ${entry.name}`, () => {
      const findings = findErrors(entry.xml);
      const finding = findings.find((candidate) => candidate.code === entry.code);
      expect(finding, JSON.stringify(findings, null, 2)).toBeDefined();
      expect(finding?.category).toBe('schema');
      if (entry.path) expect(finding?.path).toBe(entry.path);
      if (entry.message) expect(finding?.message).toContain(entry.message);
    });
  }

  it('warns, without an error, about a SAT complement whose XSD this library does not carry', () => {
    const xml = edit(
      addComplement('<cp:CartaPorte xmlns:cp="http://www.sat.gob.mx/CartaPorte31" Version="3.1"/>'),
      'cfd/4/cfdv40.xsd"',
      'cfd/4/cfdv40.xsd http://www.sat.gob.mx/CartaPorte31 http://www.sat.gob.mx/sitio_internet/cfd/CartaPorte/CartaPorte31.xsd"',
    );
    expect(checkSchema(readXml(xml))).toEqual([
      expect.objectContaining({
        code: 'SCHEMA_NOT_VALIDATED',
        severity: 'warning',
        path: `${COMPROBANTE}/cfdi:Complemento/cp:CartaPorte`,
      }),
    ]);
  });

  it('rejects a root that is not a SAT element', () => {
    expect(checkSchema(readXml('<Factura Total="1"/>'))).toEqual([
      expect.objectContaining({ code: 'SCHEMA_UNKNOWN_ROOT', severity: 'error', path: '/Factura' }),
    ]);
  });
});

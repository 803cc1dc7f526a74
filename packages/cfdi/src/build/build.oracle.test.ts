import { beforeAll, describe, expect, it } from 'vitest';
import { oracleRun, requireOracle } from '../cadena/sat-oracle.test-support.js';
import type { Csd } from '../seal/sign.js';
import { validateCfdi } from '../validate/validate-cfdi.js';
import { buildAndSealCfdi40, buildCfdi40 } from './build.js';
import {
  facturaGlobalInput,
  ingresoInput,
  loadTestCsd,
  notaDeCreditoInput,
  SEAL_NOW,
} from './sample-inputs.test-support.js';
import type { CfdiInput } from './types.js';

let csd: Csd;

beforeAll(() => {
  requireOracle();
  csd = loadTestCsd();
});

describe.each<[string, () => CfdiInput]>([
  ['an ingreso with IVA 16 % and a descuento', ingresoInput],
  ['an egreso nota de crédito related to an ingreso', notaDeCreditoInput],
  ['a factura global to PUBLICO EN GENERAL', facturaGlobalInput],
])('sealing %s with the test CSD', (_name, input) => {
  let xml: string;
  beforeAll(() => {
    xml = buildAndSealCfdi40(input(), csd, SEAL_NOW);
  });

  it("passes SAT's schema (validate.sh)", () => {
    const result = oracleRun('validate.sh', xml);
    expect(result.output).toContain('valid');
    expect(result.status).toBe(0);
  });

  it("passes SAT's seal check (verify-sello.sh)", () => {
    const result = oracleRun('verify-sello.sh', xml);
    expect(result.output).toContain('VERIFIED');
    expect(result.status).toBe(0);
  });

  it('has no error in validateCfdi, only the warning that it is not stamped yet', () => {
    const { findings } = validateCfdi(xml);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(findings).toContainEqual(expect.objectContaining({ category: 'stamp', severity: 'warning' }));
  });
});

describe('the SAT oracles on documents that must fail', () => {
  it('reject the unsealed output (empty NoCertificado) and a sealed one whose Total was edited', () => {
    expect(oracleRun('validate.sh', buildCfdi40(ingresoInput())).status).not.toBe(0);
    const sealed = buildAndSealCfdi40(ingresoInput(), csd, SEAL_NOW);
    expect(oracleRun('verify-sello.sh', sealed.replace(' Total="', ' Total="1')).status).toBe(1);
  });
});

describe('buildCfdi40 output', () => {
  it('is the same text for the same input', () => {
    expect(buildCfdi40(ingresoInput())).toBe(buildCfdi40(ingresoInput()));
  });

  it('declares UTF-8 and the CFDI 4.0 namespaces, leaving the seal attributes empty in schema order', () => {
    const xml = buildCfdi40(notaDeCreditoInput());
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.sat.gob.mx/cfd/4 http://www.sat.gob.mx/sitio_internet/cfd/4/cfdv40.xsd" Version="4.0" Serie="NC" Folio="17" Fecha="2025-06-15T12:00:00" Sello="" FormaPago="03" NoCertificado="" Certificado="" SubTotal="500.00" Moneda="MXN" Total="580.00" TipoDeComprobante="E" Exportacion="01" MetodoPago="PUE" LugarExpedicion="86000">',
      ),
    ).toBe(true);
    expect(xml).toContain(
      '<cfdi:CfdiRelacionados TipoRelacion="01">\n    <cfdi:CfdiRelacionado UUID="6F35D3B5-3651-5370-BC2C-14CDBE384CD7"/>',
    );
  });

  it('escapes & < > and " in text and keeps the cadena verifiable', () => {
    const xml = buildCfdi40(ingresoInput());
    expect(xml).toContain('Descripcion="Computadora portátil 14&quot; &amp; cargador &lt;USB-C&gt;"');
  });

  it('writes a factura global with InformacionGlobal first and exento traslados without Importe', () => {
    const xml = buildCfdi40(facturaGlobalInput());
    expect(xml).toMatch(
      /<cfdi:Comprobante [^>]*>\n {2}<cfdi:InformacionGlobal Periodicidad="04" Meses="06" Año="2025"\/>/,
    );
    expect(xml).toContain('<cfdi:Traslado Base="240.00" Impuesto="002" TipoFactor="Exento"/>');
    expect(xml).toContain('<cfdi:Impuestos TotalImpuestosTrasladados="137.93">');
    expect(xml).toContain('SubTotal="1157.17"');
    expect(xml).toContain('Total="1295.10"');
  });
});

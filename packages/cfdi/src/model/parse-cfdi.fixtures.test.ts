import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cfdiUuid } from './cfdi-uuid.js';
import { parseCfdi } from './parse-cfdi.js';
import type { Cfdi } from './types.js';

const FIXTURES = new URL('../../../../../shared/fixtures/cfdi/', import.meta.url);
const readFixture = (name: string) => parseCfdi(readFileSync(new URL(name, FIXTURES)));

/** The key values of a parsed CFDI, compact so each fixture is one row of the table. */
function summarize(cfdi: Cfdi) {
  const { comprobante: c, impuestos } = cfdi;
  return {
    kind: `${cfdi.version} ${c.tipoDeComprobante} ${c.moneda}`,
    subTotalDescuentoTotal: [c.subTotal, c.descuento, c.total],
    emisorReceptor: [cfdi.emisor?.rfc, cfdi.receptor?.rfc],
    uuid: cfdiUuid(cfdi),
    /** Traslados and retenciones of each concepto. */
    conceptos: cfdi.conceptos.map(
      ({ impuestos: taxes }) => `${taxes?.traslados.length ?? 0}T ${taxes?.retenciones.length ?? 0}R`,
    ),
    /** The comprobante-level Impuestos: totals, then each Traslado and Retencion; null when absent. */
    impuestos: impuestos && {
      totales: [impuestos.totalImpuestosTrasladados, impuestos.totalImpuestosRetenidos],
      traslados: impuestos.traslados.map((t) => `${t.impuesto} ${t.tipoFactor} ${t.tasaOCuota} ${t.importe}`),
      retenciones: impuestos.retenciones.map((r) => `${r.impuesto} ${r.importe}`),
    },
  };
}

const EXPECTED: Record<string, ReturnType<typeof summarize>> = {
  'cfdi40-ingreso-iva16-eku-timbrado.xml': {
    kind: '4.0 I MXN',
    subTotalDescuentoTotal: ['3824.15', '956.04', '3327.01'],
    emisorReceptor: ['EKU9003173C9', 'MCI7306249Y1'],
    uuid: '6F35D3B5-3651-5370-BC2C-14CDBE384CD7',
    conceptos: ['1T 0R'],
    impuestos: { totales: ['458.90', undefined], traslados: ['002 Tasa 0.160000 458.90'], retenciones: [] },
  },
  'cfdi40-ingreso-iva16-real-timbrado.xml': {
    kind: '4.0 I MXN',
    subTotalDescuentoTotal: ['862.07', undefined, '1000.00'],
    emisorReceptor: ['ISD950921HE5', 'COSC8001137NA'],
    uuid: 'C2832671-DA6D-11EF-A83D-00155D012007',
    conceptos: ['1T 0R', '1T 0R'],
    impuestos: { totales: ['137.93', undefined], traslados: ['002 Tasa 0.160000 137.93'], retenciones: [] },
  },
  'cfdi40-ingreso-honorarios-ret-isr-iva-eku-timbrado.xml': {
    kind: '4.0 I MXN',
    subTotalDescuentoTotal: ['1250.30', undefined, '1191.95'],
    emisorReceptor: ['EKU9003173C9', 'ICV060329BY0'],
    uuid: '1E5A6E1B-9C1B-5319-BFED-123BD143A310',
    conceptos: ['1T 2R'],
    impuestos: {
      totales: ['200.05', '258.40'],
      traslados: ['002 Tasa 0.160000 200.05'],
      retenciones: ['001 125.03', '002 133.37'],
    },
  },
  'cfdi40-ingreso-iva16-ret-isr-iva-xiqb-timbrado.xml': {
    kind: '4.0 I MXN',
    subTotalDescuentoTotal: ['15390.30', undefined, '14672.08'],
    emisorReceptor: ['XIQB891116QE4', 'KIJ0906199R1'],
    uuid: '6D7434A6-E3F2-47AD-9E4C-08849946AFA0',
    conceptos: ['1T 2R'],
    impuestos: {
      totales: ['2462.45', '3180.67'],
      traslados: ['002 Tasa 0.160000 2462.45'],
      retenciones: ['001 1539.03', '002 1641.64'],
    },
  },
  'cfdi40-ingreso-ieps-exento-timbrado.xml': {
    kind: '4.0 I MXN',
    subTotalDescuentoTotal: ['15390.30', undefined, '15390.30'],
    emisorReceptor: ['H&E951128469', 'KIJ0906199R1'],
    uuid: '6D7434A6-E3F2-47AD-9E4C-08849946AFA0',
    conceptos: ['1T 0R'],
    impuestos: {
      totales: [undefined, undefined],
      traslados: ['003 Exento undefined undefined'],
      retenciones: [],
    },
  },
  'cfdi40-ingreso-iva0-timbrado.xml': {
    kind: '4.0 I MXN',
    subTotalDescuentoTotal: ['15390.30', undefined, '15390.30'],
    emisorReceptor: ['XIQB891116QE4', 'KIJ0906199R1'],
    uuid: '6D7434A6-E3F2-47AD-9E4C-08849946AFA0',
    conceptos: ['1T 0R'],
    impuestos: { totales: ['0.00', undefined], traslados: ['002 Tasa 0.000000 0.00'], retenciones: [] },
  },
  'cfdi40-ingreso-usd-tipocambio-descuentos-eku.xml': {
    kind: '4.0 I USD',
    subTotalDescuentoTotal: ['3300.00', '500.00', '3248.00'],
    emisorReceptor: ['EKU9003173C9', 'COSC8001137NA'],
    uuid: null,
    conceptos: ['1T 0R', '1T 0R', '1T 0R'],
    impuestos: { totales: ['448.00', undefined], traslados: ['002 Tasa 0.160000 448.00'], retenciones: [] },
  },
  'cfdi40-pagos20-eku.xml': {
    kind: '4.0 P XXX',
    subTotalDescuentoTotal: ['0', undefined, '0'],
    emisorReceptor: ['EKU9003173C9', 'COSC8001137NA'],
    uuid: null,
    conceptos: ['0T 0R'],
    impuestos: null,
  },
  // SAT's sample writes the RFC with a leading space; the model keeps it (the RFC check reports it).
  'cfdi40-pagos20-sat-ejemplo.xml': {
    kind: '4.0 P XXX',
    subTotalDescuentoTotal: ['0', undefined, '0'],
    emisorReceptor: [' AAA010101AAA', 'BASJ600902KL9'],
    uuid: null,
    conceptos: ['0T 0R'],
    impuestos: null,
  },
  'cfdi40-implocal-sat-ejemplo.xml': {
    kind: '4.0 P XXX',
    subTotalDescuentoTotal: ['0', undefined, '0'],
    emisorReceptor: [' AAA010101AAA', 'BASJ600902KL9'],
    uuid: null,
    conceptos: ['0T 0R'],
    impuestos: null,
  },
  'cfdi40-egreso-nota-credito-eku-generado.xml': {
    kind: '4.0 E MXN',
    subTotalDescuentoTotal: ['500.00', undefined, '580.00'],
    emisorReceptor: ['EKU9003173C9', 'MCI7306249Y1'],
    uuid: null,
    conceptos: ['1T 0R'],
    impuestos: { totales: ['80.00', undefined], traslados: ['002 Tasa 0.160000 80.00'], retenciones: [] },
  },
  'cfdi33-ingreso-implocal-real-timbrado.xml': {
    kind: '3.3 I MXN',
    subTotalDescuentoTotal: ['1709.12', undefined, '2010.01'],
    emisorReceptor: ['POT9207213D6', 'DIM8701081LA'],
    uuid: 'CEE4BE01-ADFA-4DEB-8421-ADD60F0BEDAC',
    conceptos: ['1T 0R', '1T 0R'],
    impuestos: { totales: ['273.46', undefined], traslados: ['002 Tasa 0.160000 273.46'], retenciones: [] },
  },
  // CfdiUtils' test data: a 3.3 with an ISR (001) traslado, kept as written.
  'cfdi33-ingreso-eku-timbrado.xml': {
    kind: '3.3 I MXN',
    subTotalDescuentoTotal: ['2269400', '0.00', '2382870'],
    emisorReceptor: ['EKU9003173C9', 'COSC8001137NA'],
    uuid: '9FB6ED1A-5F37-4FEF-980A-7F8C83B51894',
    conceptos: ['1T 1R', '1T 1R', '1T 1R'],
    impuestos: {
      totales: ['363104', '249634'],
      traslados: ['001 Tasa 0.160000 363104'],
      retenciones: ['002 249634'],
    },
  },
  'cfdi33-iva16-tasa0-exento-timbrado.xml': {
    kind: '3.3 I MXN',
    subTotalDescuentoTotal: ['286.21', '0.00', '300.00'],
    emisorReceptor: ['ACO560518KW7', 'MEBS780711118'],
    uuid: '1FBA4626-947B-49AC-BCD4-A4AF266B3DBF',
    conceptos: ['1T 0R', '1T 0R', '1T 0R'],
    impuestos: { totales: ['13.79', '0.00'], traslados: ['002 Tasa 0.160000 13.79'], retenciones: [] },
  },
};

describe('parseCfdi on the shared fixtures', () => {
  it('has an expected row for every fixture file, and none for files that are gone', () => {
    const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.xml'));
    expect(Object.keys(EXPECTED).sort()).toEqual(files.sort());
  });

  it.each(Object.entries(EXPECTED))('reads the key values of %s', (name, expected) => {
    expect(summarize(readFixture(name))).toEqual(expected);
  });

  it('reads Moneda USD with its TipoCambio and the discount of a concepto, as written', () => {
    const cfdi = readFixture('cfdi40-ingreso-usd-tipocambio-descuentos-eku.xml');
    expect(cfdi.comprobante.tipoCambio).toBe('18.9008');
    const [gamepad] = cfdi.conceptos;
    expect(gamepad).toMatchObject({ cantidad: '4', valorUnitario: '500', importe: '2000', descuento: '500' });
    expect(gamepad?.informacionAduanera).toEqual([
      { numeroPedimento: '17  24  3420  7010987' },
      { numeroPedimento: '17  24  3420  7010123' },
    ]);
    expect(cfdi.conceptos[1]?.descripcion).toBe('Pantalla led 3x4" con entrada HDMI');
    expect(cfdi.impuestos?.traslados[0]?.base).toBe('2800.00');
  });

  it('reads 4.0-only data (Exportacion, ObjetoImp, receptor domicilio and régimen, Base of the summary) and not in 3.3', () => {
    const v40 = readFixture('cfdi40-egreso-nota-credito-eku-generado.xml');
    expect(v40.comprobante.exportacion).toBe('01');
    expect(v40.conceptos[0]?.objetoImp).toBe('02');
    expect(v40.receptor).toMatchObject({
      domicilioFiscalReceptor: '54700',
      regimenFiscalReceptor: '603',
      usoCfdi: 'G02',
    });
    expect(v40.impuestos?.traslados[0]?.base).toBe('500.00');
    expect(v40.cfdiRelacionados).toEqual([
      { tipoRelacion: '01', uuids: ['6F35D3B5-3651-5370-BC2C-14CDBE384CD7'] },
    ]);

    const v33 = readFixture('cfdi33-ingreso-eku-timbrado.xml');
    expect(v33.comprobante).toMatchObject({ version: '3.3', exportacion: undefined, tipoCambio: '1' });
    expect(v33.conceptos[0]?.objetoImp).toBeUndefined();
    expect(v33.receptor).toEqual({
      ...{ rfc: 'COSC8001137NA', nombre: 'CARLOS CORTES SOTO', usoCfdi: 'G01' },
      ...{ domicilioFiscalReceptor: undefined, regimenFiscalReceptor: undefined },
      ...{ residenciaFiscal: undefined, numRegIdTrib: undefined },
    });
    expect(v33.impuestos?.traslados[0]?.base).toBeUndefined();
    expect(v33.cfdiRelacionados).toEqual([
      { tipoRelacion: '01', uuids: ['A39DA66B-52CA-49E3-879B-5C05185B0EF7'] },
    ]);
  });

  it('reads CuentaPredial, InformacionAduanera and Parte of the 3.3 conceptos', () => {
    const [acero, aluminio, zamac] = readFixture('cfdi33-ingreso-eku-timbrado.xml').conceptos;
    expect(acero?.cuentaPredial).toEqual([{ numero: '51888' }]);
    expect(acero?.impuestos?.retenciones).toEqual([
      { base: '2250000', impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0.110000', importe: '247500' },
    ]);
    expect(aluminio?.informacionAduanera).toEqual([{ numeroPedimento: '15  48  4567  6001234' }]);
    expect(zamac?.parte).toEqual([
      {
        ...{ claveProdServ: '01010101', noIdentificacion: '055155', cantidad: '1.0', unidad: 'UNIDAD' },
        ...{ descripcion: 'PARTE EJEMPLO', valorUnitario: '1.00', importe: '1.00' },
        informacionAduanera: [{ numeroPedimento: '15  48  4567  6981235' }],
      },
    ]);
  });

  it('reads Exento (no TasaOCuota, no Importe) and tasa 0 traslados apart', () => {
    const [exento, tasa0] = readFixture('cfdi33-iva16-tasa0-exento-timbrado.xml').conceptos;
    expect(exento?.impuestos?.traslados).toEqual([
      { base: '100.00', impuesto: '002', tipoFactor: 'Exento', tasaOCuota: undefined, importe: undefined },
    ]);
    expect(tasa0?.impuestos?.traslados[0]).toMatchObject({ tasaOCuota: '0.000000', importe: '0.00' });
    expect(exento?.descripcion).toBe('PRODUCTO TASA EXENTA DE I.V.A.ÑS');
  });

  it('decodes entities in names and keeps the TFD even with an empty RfcProvCertif', () => {
    const cfdi = readFixture('cfdi33-iva16-tasa0-exento-timbrado.xml');
    expect(cfdi.emisor?.nombre).toBe('DESARROLLOS MAPASAC & MAPASOFT IT SYSTEMS');
    expect(cfdi.timbreFiscalDigital?.rfcProvCertif).toBe('');
  });

  it('keeps the root element and notes no addenda on every fixture', () => {
    for (const name of Object.keys(EXPECTED)) {
      const cfdi = readFixture(name);
      expect(cfdi.root.localName).toBe('Comprobante');
      expect(cfdi.hasAddenda).toBe(false);
      expect(cfdi.otherComplements).toEqual([]);
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCfdi } from './parse-cfdi.js';

const FIXTURES = new URL('../../../../../shared/fixtures/cfdi/', import.meta.url);
const readFixture = (name: string) => parseCfdi(readFileSync(new URL(name, FIXTURES)));

describe('parseCfdi complements on the shared fixtures', () => {
  it('reads the Pagos 2.0 complement of a sealed payment: totales, pago, documents, ImpuestosDR and ImpuestosP', () => {
    const { pagos, otherComplements } = readFixture('cfdi40-pagos20-eku.xml');
    expect(otherComplements).toEqual([]);
    expect(pagos?.version).toBe('2.0');
    expect(pagos?.totales).toMatchObject({
      montoTotalPagos: '15000.00',
      totalTrasladosBaseIVA16: '12931.04',
      totalTrasladosImpuestoIVA16: '2068.96',
      totalRetencionesIVA: undefined,
    });
    expect(pagos?.pago).toHaveLength(1);
    const [pago] = pagos?.pago ?? [];
    expect(pago).toMatchObject({ fechaPago: '2023-06-12T17:18:19', formaDePagoP: '03', monedaP: 'MXN' });
    expect(pago).toMatchObject({ tipoCambioP: '1', monto: '15000.00', numOperacion: '963852' });
    expect(
      pago?.doctoRelacionado.map((docto) => [docto.idDocumento, docto.impPagado, docto.impSaldoInsoluto]),
    ).toEqual([
      ['00000000-1111-2222-3333-00000000000A', '12000.00', '0'],
      ['00000000-1111-2222-3333-00000000000B', '3000.00', '7000.00'],
    ]);
    expect(pago?.doctoRelacionado[1]?.impuestosDR).toEqual({
      retencionesDR: [],
      trasladosDR: [
        {
          baseDR: '2586.21',
          impuestoDR: '002',
          tipoFactorDR: 'Tasa',
          tasaOCuotaDR: '0.160000',
          importeDR: '413.79',
        },
      ],
    });
    expect(pago?.impuestosP).toEqual({
      retencionesP: [],
      trasladosP: [
        {
          baseP: '12931.040000',
          impuestoP: '002',
          tipoFactorP: 'Tasa',
          tasaOCuotaP: '0.160000',
          importeP: '2068.960000',
        },
      ],
    });
  });

  it("reads SAT's Pagos 2.0 sample: three payments, documents without ImpuestosDR, no ImpuestosP", () => {
    const cfdi = readFixture('cfdi40-pagos20-sat-ejemplo.xml');
    expect(cfdi.pagos?.totales?.montoTotalPagos).toBe('15166.65');
    expect(cfdi.pagos?.pago.map((pago) => pago.monto)).toEqual(['6066.66', '5055.55', '4044.44']);
    expect(cfdi.pagos?.pago.map((pago) => pago.impuestosP)).toEqual([null, null, null]);
    expect(cfdi.pagos?.pago[2]?.doctoRelacionado[0]).toMatchObject({
      idDocumento: 'CB36554D-AF7B-4EBC-97CB-8C40FDFD9E20',
      serie: 'D',
      numParcialidad: '2',
      equivalenciaDR: undefined,
      impuestosDR: null,
    });
    expect(cfdi.cfdiRelacionados).toEqual([
      { tipoRelacion: '09', uuids: ['F4F09AEF-57F2-4BE0-A828-87D1A80ED61C'] },
    ]);
    expect(cfdi.comprobante).toMatchObject({ sello: '', certificado: '', exportacion: '03' });
  });

  it('reads impuestos locales 1.0 in 4.0 (two of each) and in a real 3.3 (ISH 2.5 %)', () => {
    expect(readFixture('cfdi40-implocal-sat-ejemplo.xml').impuestosLocales).toEqual({
      version: '1.0',
      totalDeRetenciones: '5678.90',
      totalDeTraslados: '1234.56',
      retencionesLocales: Array(2).fill({
        impLocRetenido: '123.45',
        tasaDeRetencion: '456.78',
        importe: '678.90',
      }),
      trasladosLocales: Array(2).fill({
        impLocTrasladado: '234.56',
        tasaDeTraslado: '567.89',
        importe: '789.12',
      }),
    });
    const real = readFixture('cfdi33-ingreso-implocal-real-timbrado.xml');
    expect(real.impuestosLocales).toEqual({
      version: '1.0',
      totalDeRetenciones: '0.00',
      totalDeTraslados: '27.43',
      retencionesLocales: [],
      trasladosLocales: [{ impLocTrasladado: 'IH', tasaDeTraslado: '2.50', importe: '27.43' }],
    });
    expect(real.timbreFiscalDigital?.rfcProvCertif).toBe('DCD090706E42');
  });

  it('keeps the TFD UUID as written and an upper-cased copy for comparisons', () => {
    const tfd = readFixture('cfdi40-ingreso-iva0-timbrado.xml').timbreFiscalDigital;
    expect(tfd).toMatchObject({
      version: '1.1',
      uuidAsWritten: '6d7434a6-e3f2-47ad-9e4c-08849946afa0',
      uuid: '6D7434A6-E3F2-47AD-9E4C-08849946AFA0',
      fechaTimbrado: '2020-01-11T00:00:00',
      rfcProvCertif: 'SAT970701NN3',
      noCertificadoSat: '30001000000400002311',
      leyenda: undefined,
    });
    expect(tfd?.selloCfd).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(tfd?.selloSat).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });
});

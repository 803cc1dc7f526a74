import { describe, expect, it } from 'vitest';
import { validateCfdi } from '../validate/validate-cfdi.js';
import { buildCfdi40 } from './build.js';
import { ingresoInput } from './sample-inputs.test-support.js';
import type { CfdiInput, ConceptoInput } from './types.js';

const IVA16 = { impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0.16' } as const;

function withConceptos(conceptos: ConceptoInput[], extra: Partial<CfdiInput> = {}): CfdiInput {
  return { ...ingresoInput(), ...extra, conceptos };
}

function concepto(
  cantidad: string,
  valorUnitario: string,
  extra: Partial<ConceptoInput> = {},
): ConceptoInput {
  return {
    claveProdServ: '81112501',
    cantidad,
    claveUnidad: 'E48',
    descripcion: 'Servicio',
    valorUnitario,
    objetoImp: '02',
    traslados: [IVA16],
    ...extra,
  };
}

/** The built XML has no arithmetic, catalog or RFC error (the seal is absent on purpose). */
function expectConsistent(xml: string): void {
  const errors = validateCfdi(xml).findings.filter(
    (finding) => finding.severity === 'error' && ['arithmetic', 'catalog', 'rfc'].includes(finding.category),
  );
  expect(errors).toEqual([]);
}

describe('SAT rounding of the built amounts', () => {
  it('rounds Cantidad × ValorUnitario to the cent: 3 × 33.333333 = 100.00', () => {
    const xml = buildCfdi40(withConceptos([concepto('3', '33.333333')]));
    expect(xml).toContain(
      'Cantidad="3" ClaveUnidad="E48" Descripcion="Servicio" ValorUnitario="33.333333" Importe="100.00"',
    );
    expect(xml).toContain(
      'Base="100.00" Impuesto="002" TipoFactor="Tasa" TasaOCuota="0.160000" Importe="16.00"',
    );
    expect(xml).toContain('SubTotal="100.00"');
    expect(xml).toContain('Total="116.00"');
    expectConsistent(xml);
  });

  it('rounds halves up, not to even: 0.125 → 0.13 as Importe and 1.225 → 1.23 as a tax', () => {
    const xml = buildCfdi40(
      withConceptos([
        concepto('1', '0.125'),
        concepto('2.5', '0.05'),
        // IEPS 50 % on a 0.25 base is exactly 0.125.
        concepto('1', '0.25', {
          traslados: [{ impuesto: '003', tipoFactor: 'Tasa', tasaOCuota: '0.500000' }],
        }),
        concepto('1', '12.25', {
          traslados: [IVA16],
          retenciones: [{ impuesto: '001', tipoFactor: 'Tasa', tasaOCuota: '0.100000' }],
        }),
      ]),
    );
    expect(xml.match(/ValorUnitario="0.125" Importe="0.13"/g)).toHaveLength(1);
    expect(xml).toContain('ValorUnitario="0.05" Importe="0.13"');
    // IVA on a 0.13 base: 0.0208 → 0.02.
    expect(xml).toContain(
      'Base="0.13" Impuesto="002" TipoFactor="Tasa" TasaOCuota="0.160000" Importe="0.02"',
    );
    expect(xml).toContain(
      'Base="0.25" Impuesto="003" TipoFactor="Tasa" TasaOCuota="0.500000" Importe="0.13"',
    );
    expect(xml).toContain(
      'Base="12.25" Impuesto="001" TipoFactor="Tasa" TasaOCuota="0.100000" Importe="1.23"',
    );
    expectConsistent(xml);
  });

  it('withholds IVA 0.106667 and ISR 0.100000 on honorarios paid by a persona moral', () => {
    const input = withConceptos(
      [
        concepto('1', '1234.56', {
          claveProdServ: '80101500',
          claveUnidad: 'E48',
          descripcion: 'Honorarios por asesoría',
          traslados: [IVA16],
          retenciones: [
            { impuesto: '001', tipoFactor: 'Tasa', tasaOCuota: '0.100000' },
            { impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0.106667' },
          ],
        }),
      ],
      {
        emisor: { rfc: 'XIQB891116QE4', nombre: 'BERENICE XIMO QUEZADA', regimenFiscal: '612' },
        receptor: {
          rfc: 'EKU9003173C9',
          nombre: 'ESCUELA KEMPER URGATE',
          domicilioFiscalReceptor: '26015',
          regimenFiscalReceptor: '601',
          usoCfdi: 'G03',
        },
      },
    );
    const xml = buildCfdi40(input);
    // 1234.56 × 0.16 = 197.5296; × 0.10 = 123.456; × 0.106667 = 131.68641...
    expect(xml).toContain(
      '<cfdi:Impuestos TotalImpuestosRetenidos="255.15" TotalImpuestosTrasladados="197.53">\n' +
        '    <cfdi:Retenciones>\n' +
        '      <cfdi:Retencion Impuesto="001" Importe="123.46"/>\n' +
        '      <cfdi:Retencion Impuesto="002" Importe="131.69"/>\n' +
        '    </cfdi:Retenciones>',
    );
    expect(xml).toContain(
      'Base="1234.56" Impuesto="002" TipoFactor="Tasa" TasaOCuota="0.106667" Importe="131.69"',
    );
    expect(xml).toContain('Total="1176.94"'); // 1234.56 + 197.53 − 123.46 − 131.69
    expectConsistent(xml);
  });

  it('writes a USD invoice with its TipoCambio and rounds to USD’s 2 decimals', () => {
    const xml = buildCfdi40(
      withConceptos([concepto('3', '99.999'), concepto('1.5', '10.005', { descuento: '0.01' })], {
        moneda: 'USD',
        tipoCambio: '17.2345',
      }),
    );
    expect(xml).toContain(
      'SubTotal="315.01" Descuento="0.01" Moneda="USD" TipoCambio="17.2345" Total="365.40"',
    );
    expect(xml).toContain('ValorUnitario="99.999" Importe="300.00"');
    expect(xml).toContain('ValorUnitario="10.005" Importe="15.01" Descuento="0.01"');
    expectConsistent(xml);
  });

  it('rounds to whole units in a currency without decimals (JPY)', () => {
    const xml = buildCfdi40(withConceptos([concepto('3', '333.5')], { moneda: 'JPY', tipoCambio: '0.118' }));
    expect(xml).toContain('SubTotal="1001" Moneda="JPY" TipoCambio="0.118" Total="1161"');
    expect(xml).toContain('Base="1001" Impuesto="002" TipoFactor="Tasa" TasaOCuota="0.160000" Importe="160"');
    expectConsistent(xml);
  });

  it('groups equal traslados of the comprobante and counts only non-exento ones in the total', () => {
    const exento = { impuesto: '002', tipoFactor: 'Exento' } as const;
    const xml = buildCfdi40(
      withConceptos([
        concepto('1', '10.00'),
        concepto('1', '20.00', { traslados: [exento] }),
        concepto('1', '30.00', { traslados: [{ impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0' }] }),
        concepto('1', '40.00'),
      ]),
    );
    expect(xml).toContain(
      '<cfdi:Impuestos TotalImpuestosTrasladados="8.00">\n' +
        '    <cfdi:Traslados>\n' +
        '      <cfdi:Traslado Base="50.00" Impuesto="002" TipoFactor="Tasa" TasaOCuota="0.160000" Importe="8.00"/>\n' +
        '      <cfdi:Traslado Base="20.00" Impuesto="002" TipoFactor="Exento"/>\n' +
        '      <cfdi:Traslado Base="30.00" Impuesto="002" TipoFactor="Tasa" TasaOCuota="0.000000" Importe="0.00"/>\n',
    );
    expectConsistent(xml);
  });

  it('omits TotalImpuestosTrasladados when every traslado is exento, and Impuestos when nothing is taxed', () => {
    const exento = buildCfdi40(
      withConceptos([concepto('1', '10.00', { traslados: [{ impuesto: '002', tipoFactor: 'Exento' }] })]),
    );
    expect(exento).toContain('<cfdi:Impuestos>\n    <cfdi:Traslados>');
    expect(exento).toContain('Total="10.00"');
    const noObjeto = buildCfdi40(withConceptos([concepto('1', '10.00', { objetoImp: '01', traslados: [] })]));
    expect(noObjeto).not.toContain('<cfdi:Impuestos');
    expectConsistent(exento);
    expectConsistent(noObjeto);
  });
});

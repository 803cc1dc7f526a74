import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMoneda } from '../catalogs/index.js';
import { D } from '../validate/amounts.js';
import { validateCfdi } from '../validate/validate-cfdi.js';
import { buildCfdi40 } from './build.js';
import { ingresoInput } from './sample-inputs.test-support.js';
import type { ConceptoInput, TrasladoInput } from './types.js';

/** A positive decimal text with up to 6 decimals, e.g. 1234567 and 3 → "1234.567". */
const decimalText = (maxUnits: number) =>
  fc
    .tuple(fc.integer({ min: 1, max: maxUnits }), fc.integer({ min: 0, max: 6 }))
    .map(([units, decimals]) => new D(units).div(new D(10).pow(decimals)).toFixed(decimals));

const TRASLADOS: TrasladoInput[] = [
  { impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0.160000' },
  { impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: '0.000000' },
  { impuesto: '002', tipoFactor: 'Exento' },
];

interface GeneratedConcepto {
  cantidad: string;
  valorUnitario: string;
  descuentoShare: number | undefined;
  traslado: TrasladoInput;
}

const conceptoArbitrary: fc.Arbitrary<GeneratedConcepto> = fc.record({
  cantidad: decimalText(1_000_000),
  valorUnitario: decimalText(1_000_000_000),
  /** Thousandths of the Importe given as descuento (1000 = all of it), or none. */
  descuentoShare: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
  traslado: fc.constantFrom(...TRASLADOS),
});

/**
 * Turns a generated concepto into input the builder accepts: the descuento is a share of the Importe
 * (so it never exceeds it) and a concepto whose Base is zero is "no objeto", as SAT requires.
 */
function toConcepto(generated: GeneratedConcepto, decimals: number): ConceptoInput {
  const importe = new D(generated.cantidad)
    .times(generated.valorUnitario)
    .toDecimalPlaces(decimals, D.ROUND_HALF_UP);
  const descuento =
    generated.descuentoShare === undefined
      ? undefined
      : importe.times(generated.descuentoShare).div(1000).toDecimalPlaces(decimals, D.ROUND_DOWN);
  const taxed = importe.minus(descuento ?? 0).greaterThan(0);
  return {
    claveProdServ: '01010101',
    cantidad: generated.cantidad,
    claveUnidad: 'H87',
    descripcion: 'Artículo generado',
    valorUnitario: generated.valorUnitario,
    descuento: descuento?.toFixed(decimals),
    objetoImp: taxed ? '02' : '01',
    traslados: taxed ? [generated.traslado] : [],
  };
}

describe('buildCfdi40 on random conceptos', () => {
  it('always produces amounts that pass the arithmetic and catalog checks', () => {
    fc.assert(
      fc.property(
        fc.array(conceptoArbitrary, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('MXN', 'USD', 'JPY', 'BHD'),
        (generated, moneda) => {
          const decimals = findMoneda(moneda)?.decimales ?? 2;
          const xml = buildCfdi40({
            ...ingresoInput(),
            moneda,
            tipoCambio: moneda === 'MXN' ? undefined : '17.5',
            conceptos: generated.map((concepto) => toConcepto(concepto, decimals)),
          });
          const errors = validateCfdi(xml).findings.filter(
            (finding) => finding.severity === 'error' && ['arithmetic', 'catalog'].includes(finding.category),
          );
          expect(errors).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });
});

import { D, type Dec } from '../validate/amounts.js';
import { refuse } from './errors.js';
import type { ConceptoInput } from './types.js';

/** A tax line as written: amounts already rounded to the currency; Exento has no rate nor Importe. */
export interface ComputedTax {
  impuesto: string;
  tipoFactor: string;
  /** Written with 6 decimals ("0.160000"). */
  tasaOCuota?: string;
  base: string;
  importe?: string;
}

export interface ComputedConcepto {
  concepto: ConceptoInput;
  importe: string;
  descuento?: string;
  traslados: ComputedTax[];
  retenciones: ComputedTax[];
}

export interface ComputedTotals {
  conceptos: ComputedConcepto[];
  subTotal: string;
  descuento?: string;
  total: string;
  /** Absent when no concepto carries a tax. */
  impuestos?: {
    totalImpuestosRetenidos?: string;
    totalImpuestosTrasladados?: string;
    retenciones: { impuesto: string; importe: string }[];
    traslados: ComputedTax[];
  };
}

// Every amount is half-up at the currency's decimals (SAT's rounding), exact in decimal arithmetic.
function roundTo(value: Dec, decimals: number): Dec {
  return value.toDecimalPlaces(decimals, D.ROUND_HALF_UP);
}

/**
 * Computes every amount of the comprobante from the conceptos: Importe = Cantidad × ValorUnitario,
 * Base = Importe − Descuento, tax Importe = Base × TasaOCuota, each rounded to the currency's
 * decimals; then the totals, which are exact sums of those rounded amounts (so they add up the way
 * SAT's checks add them).
 */
export function computeTotals(conceptos: ConceptoInput[], decimals: number): ComputedTotals {
  const fixed = (value: Dec) => value.toFixed(decimals);
  const computed = conceptos.map((concepto, index) => computeConcepto(concepto, index, decimals));
  let subTotal = new D(0);
  let descuento = new D(0);
  const traslados = new Map<string, { tax: ComputedTax; base: Dec; importe: Dec }>();
  const retenciones = new Map<string, Dec>();
  for (const concepto of computed) {
    subTotal = subTotal.plus(concepto.importe);
    descuento = descuento.plus(concepto.descuento ?? 0);
    for (const tax of concepto.traslados) {
      // Grouped by (impuesto, tipoFactor, tasa) in order of first appearance, so the output is deterministic.
      const key = `${tax.impuesto}|${tax.tipoFactor}|${tax.tasaOCuota ?? ''}`;
      const group = traslados.get(key) ?? { tax, base: new D(0), importe: new D(0) };
      group.base = group.base.plus(tax.base);
      group.importe = group.importe.plus(tax.importe ?? 0);
      traslados.set(key, group);
    }
    for (const tax of concepto.retenciones)
      retenciones.set(tax.impuesto, (retenciones.get(tax.impuesto) ?? new D(0)).plus(tax.importe ?? 0));
  }
  const trasladoLines = [...traslados.values()].map(({ tax, base, importe }) => ({
    impuesto: tax.impuesto,
    tipoFactor: tax.tipoFactor,
    tasaOCuota: tax.tasaOCuota,
    base: fixed(base),
    importe: tax.tipoFactor === 'Exento' ? undefined : fixed(importe),
  }));
  const retencionLines = [...retenciones].map(([impuesto, importe]) => ({
    impuesto,
    importe: fixed(importe),
  }));
  // Exento lines carry no Importe: they do not count, and with only those the total is omitted.
  const taxed = [...traslados.values()].filter(({ tax }) => tax.tipoFactor !== 'Exento');
  const trasladados = taxed.reduce((total, group) => total.plus(group.importe), new D(0));
  const retenidos = [...retenciones.values()].reduce((total, importe) => total.plus(importe), new D(0));
  const total = subTotal.minus(descuento).plus(trasladados).minus(retenidos);
  if (total.isNegative())
    refuse('conceptos', 'Las retenciones superan el importe del comprobante: el total sería negativo.');
  // t_Importe holds 18 integer digits; SubTotal bounds every Importe, Base and Descuento.
  if (D.max(total, subTotal).greaterThanOrEqualTo(new D(10).pow(18)))
    refuse(
      'conceptos',
      'El subtotal o el total del comprobante excede los 18 enteros que admite el SAT: revisa cantidades y valores unitarios.',
    );
  const hasDescuento = computed.some((concepto) => concepto.descuento !== undefined);
  const hasTaxes = trasladoLines.length + retencionLines.length > 0;
  return {
    conceptos: computed,
    subTotal: fixed(subTotal),
    descuento: hasDescuento ? fixed(descuento) : undefined,
    total: fixed(total),
    impuestos: hasTaxes
      ? {
          totalImpuestosRetenidos: retencionLines.length > 0 ? fixed(retenidos) : undefined,
          totalImpuestosTrasladados: taxed.length > 0 ? fixed(trasladados) : undefined,
          retenciones: retencionLines,
          traslados: trasladoLines,
        }
      : undefined,
  };
}

function computeConcepto(concepto: ConceptoInput, index: number, decimals: number): ComputedConcepto {
  const importe = roundTo(new D(concepto.cantidad).times(concepto.valorUnitario), decimals);
  const descuento = concepto.descuento === undefined ? undefined : new D(concepto.descuento);
  const field = `conceptos[${index}]`;
  if (descuento?.greaterThan(importe))
    refuse(
      `${field}.descuento`,
      `El descuento del concepto ${index + 1} (${field}.descuento) ${concepto.descuento} es mayor que su importe ${importe.toFixed(decimals)}.`,
    );
  const base = importe.minus(descuento ?? 0);
  const hasTaxes = (concepto.traslados?.length ?? 0) + (concepto.retenciones?.length ?? 0) > 0;
  // SAT's schema wants a Base above zero; a fully discounted or sub-cent concepto cannot carry taxes.
  if (hasTaxes && base.lessThanOrEqualTo(0))
    refuse(
      `${field}.objetoImp`,
      `La base de impuestos del concepto ${index + 1} (importe menos descuento) es cero: usa objeto de impuesto "01" (${field}.objetoImp).`,
    );
  const line = (tax: { impuesto: string; tipoFactor: string; tasaOCuota?: string }): ComputedTax => {
    if (tax.tipoFactor === 'Exento' || tax.tasaOCuota === undefined)
      return { impuesto: tax.impuesto, tipoFactor: tax.tipoFactor, base: base.toFixed(decimals) };
    const rate = new D(tax.tasaOCuota);
    return {
      impuesto: tax.impuesto,
      tipoFactor: tax.tipoFactor,
      tasaOCuota: rate.toFixed(6),
      base: base.toFixed(decimals),
      importe: roundTo(base.times(rate), decimals).toFixed(decimals),
    };
  };
  return {
    concepto,
    importe: importe.toFixed(decimals),
    descuento: descuento?.toFixed(decimals),
    traslados: (concepto.traslados ?? []).map(line),
    retenciones: (concepto.retenciones ?? []).map(line),
  };
}

import { Decimal } from 'decimal.js';
import type { Cfdi, DecimalString } from './types.js';

/** Sums by impuesto (SAT's c_Impuesto: 001 ISR, 002 IVA, 003 IEPS); `total` also counts unknown codes. */
export interface TaxTotals {
  isr: DecimalString | null;
  iva: DecimalString | null;
  ieps: DecimalString | null;
  total: DecimalString | null;
}

/**
 * The amounts the product shows, as exact decimal strings. A value is null when an amount it depends on
 * is not a decimal (e.g. "1,160.00" or ""), so a broken document never shows a made-up figure; absent
 * amounts count as zero where the SAT allows them to be absent (Descuento, the Importe of an Exento).
 */
export interface CfdiTotals {
  /** SubTotal as written, canonical (null when absent). */
  subTotal: DecimalString | null;
  /** Descuento, "0" when absent. */
  descuento: DecimalString | null;
  /** Sum of the comprobante-level Traslado/@Importe by impuesto. */
  traslados: TaxTotals;
  /** Sum of the comprobante-level Retencion/@Importe by impuesto. */
  retenciones: TaxTotals;
  /** Total as written, canonical (null when absent). Not recomputed: that is the arithmetic check's job. */
  total: DecimalString | null;
  /** Impuestos locales, kept apart because they are not federal: sums of their Importe; null without implocal. */
  locales: { traslados: DecimalString | null; retenciones: DecimalString | null } | null;
}

// decimal.js rounds to 20 significant digits by default; the amounts accepted below have at most 120
// digits, so with 300 the sums of any document that fits in memory are exact.
const Exact = Decimal.clone({ precision: 300 });

/** xs:decimal (the type of every CFDI amount) after whitespace collapse, bounded so precision stays exact. */
const DECIMAL = /^[+-]?(?:\d{1,60}(?:\.(\d{0,60}))?|\.(\d{1,60}))$/;

interface Amount {
  value: Decimal;
  /** Digits after the point, kept so "1160.00" stays "1160.00" and not "1160". */
  scale: number;
}

function parseAmount(text: string): Amount | null {
  const trimmed = text.trim();
  const match = DECIMAL.exec(trimmed);
  if (!match) return null;
  return { value: new Exact(trimmed), scale: (match[1] ?? match[2] ?? '').length };
}

/** Normalizes one amount ("+.5" → "0.5", "1160.00" stays); null when absent or not a decimal. */
function normalizeAmount(text: string | undefined): DecimalString | null {
  if (text === undefined) return null;
  const amount = parseAmount(text);
  return amount ? amount.value.toFixed(amount.scale) : null;
}

/** Exact sum with the largest scale of its terms; absent terms count as zero; "0" for no terms. */
function sumAmounts(texts: readonly (string | undefined)[]): DecimalString | null {
  let sum = new Exact(0);
  let scale = 0;
  for (const text of texts) {
    if (text === undefined) continue;
    const amount = parseAmount(text);
    if (!amount) return null;
    sum = sum.plus(amount.value);
    scale = Math.max(scale, amount.scale);
  }
  return sum.toFixed(scale);
}

function sumTaxes(
  taxes: readonly { impuesto: string | undefined; importe: string | undefined }[],
): TaxTotals {
  const selectImportes = (code: string) =>
    taxes.filter((tax) => tax.impuesto?.trim() === code).map((tax) => tax.importe);
  return {
    isr: sumAmounts(selectImportes('001')),
    iva: sumAmounts(selectImportes('002')),
    ieps: sumAmounts(selectImportes('003')),
    total: sumAmounts(taxes.map((tax) => tax.importe)),
  };
}

/**
 * Subtotal, descuento, taxes by impuesto and total of a CFDI, from its comprobante-level Impuestos
 * (and implocal apart), with decimal.js: exact, never through a JS number.
 */
export function cfdiTotals(cfdi: Cfdi): CfdiTotals {
  const { comprobante, impuestos, impuestosLocales } = cfdi;
  return {
    subTotal: normalizeAmount(comprobante.subTotal),
    descuento: comprobante.descuento === undefined ? '0' : normalizeAmount(comprobante.descuento),
    traslados: sumTaxes(impuestos?.traslados ?? []),
    retenciones: sumTaxes(impuestos?.retenciones ?? []),
    total: normalizeAmount(comprobante.total),
    locales: impuestosLocales
      ? {
          traslados: sumAmounts(impuestosLocales.trasladosLocales.map((traslado) => traslado.importe)),
          retenciones: sumAmounts(impuestosLocales.retencionesLocales.map((retencion) => retencion.importe)),
        }
      : null,
  };
}

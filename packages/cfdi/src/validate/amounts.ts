import { Decimal } from 'decimal.js';
import { findMoneda } from '../catalogs/index.js';

/** Decimal with room for any CFDI amount (18 integers, 6 decimals) times any rate (6 decimals), without rounding. */
export const D = Decimal.clone({ precision: 48 });
export type Dec = InstanceType<typeof D>;

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** The value of a decimal attribute, or null when it is missing or malformed (the schema check reports that). */
export function toDecimal(value: string | undefined): Dec | null {
  return value !== undefined && DECIMAL_TEXT.test(value) ? new D(value) : null;
}

/** How many decimals the text carries ("1160.50" → 2). */
export function decimalsOf(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

/** c_Moneda's decimals for the currency (MXN 2; XXX, the currency of Pagos/Traslado, 0). */
export function currencyDecimals(moneda: string | undefined): number {
  return (moneda ? findMoneda(moneda)?.decimales : undefined) ?? 2;
}

/** Half of the last unit of a value written with these decimals: the rounding it may carry. */
export function halfUnit(decimals: number): Dec {
  let half = halfUnits[decimals];
  if (!half) {
    half = new D(10).pow(-decimals).div(2);
    halfUnits[decimals] = half;
  }
  return half;
}

const halfUnits: Dec[] = [];

/** Sums decimals exactly; null if any is missing. */
export function sum(values: (string | undefined)[]): Dec | null {
  let total = new D(0);
  for (const value of values) {
    const decimal = toDecimal(value);
    if (!decimal) return null;
    total = total.plus(decimal);
  }
  return total;
}

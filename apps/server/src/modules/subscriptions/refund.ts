import { Decimal } from 'decimal.js';
import { type Money, money } from '../../platform/money.js';
import { type CalendarDay, monthSlices, sliceIndexOf } from './billing-calendar.js';

export interface RefundSplit {
  /** Whole months of the term not used (not begun) when the customer suspended. */
  unusedMonths: number;
  /** What goes back, IVA included, to the centavo; zero means no refund (and no CFDI). */
  total: string;
  base: string;
  iva: string;
  /** Access lasts until this day (exclusive): the end of the month slice in course. */
  accessEndsOn: CalendarDay;
}

const centavos = (value: Money) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** An amount's base and IVA: base = round(total / (1 + rate), 2), iva = total − base (they always add up). */
export function splitIva(total: Money, ivaRate: string): { base: Money; iva: Money } {
  const base = centavos(total.dividedBy(money(1).plus(ivaRate)));
  return { base, iva: total.minus(base) };
}

/**
 * The refund of an annual plan suspended on `suspendedOn` (BILLING.md, "Full unused months"):
 * slices s_k = start + k months; on s_i ≤ d < s_{i+1}, i + 1 months are used and 11 − i are
 * refunded, round(paid × unused / 12) in centavos, and access ends at s_{i+1}. Suspended before the
 * term starts (a plan paid during the trial), all 12 months go back and access ends when the trial
 * does (`trialEndsOn`).
 */
export function annualRefund(input: {
  paidTotal: string;
  start: CalendarDay;
  suspendedOn: CalendarDay;
  trialEndsOn?: CalendarDay;
  /** IVA's rate (configuration IVA_RATE, 0.16 in Mexico). */
  ivaRate: string;
}): RefundSplit {
  const slices = monthSlices(input.start, 12);
  const i = sliceIndexOf(slices, input.suspendedOn);
  if (i >= 12) throw new Error('the annual term is over: nothing to suspend');
  const unusedMonths = i < 0 ? 12 : 11 - i;
  const total = centavos(money(input.paidTotal).times(unusedMonths).dividedBy(12));
  const { base, iva } = splitIva(total, input.ivaRate);
  return {
    unusedMonths,
    total: total.toFixed(2),
    base: base.toFixed(2),
    iva: iva.toFixed(2),
    accessEndsOn: i < 0 ? (input.trialEndsOn ?? input.start) : (slices[i + 1] as CalendarDay),
  };
}

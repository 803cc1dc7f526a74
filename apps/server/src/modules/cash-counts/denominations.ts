import { type Money, money, sumMoney, toCentavos } from '../../platform/money.js';
import type { DenominationCount } from './cash-counts.schema.js';

export type DenominationKind = DenominationCount['kind'];

/**
 * MXN bills and coins in circulation that a petty-cash box holds, largest first. The $20 exists as
 * both a bill and a coin; centavo coins below 50 are not counted (they are out of everyday use).
 */
export const MXN_DENOMINATIONS: Readonly<Record<DenominationKind, readonly string[]>> = {
  bill: ['1000.00', '500.00', '200.00', '100.00', '50.00', '20.00'],
  coin: ['20.00', '10.00', '5.00', '2.00', '1.00', '0.50'],
};

const DENOMINATION_PATTERN = /^\d{1,4}(\.\d{1,2})?$/;

/** The canonical form ("0.50") of a denomination of this kind, or null when MXN has no such piece. */
export function canonicalDenomination(kind: DenominationKind, denomination: string): string | null {
  const text = denomination.trim();
  if (!DENOMINATION_PATTERN.test(text)) return null;
  const canonical = toCentavos(text);
  return MXN_DENOMINATIONS[kind]?.includes(canonical) ? canonical : null;
}

/** The value of the pieces counted: Σ denomination × quantity, exact. */
export function countedCash(counts: readonly DenominationCount[]): Money {
  return sumMoney(counts.map((count) => money(count.denomination).times(count.quantity)));
}

const ORDER = (['bill', 'coin'] as const).flatMap((kind) =>
  MXN_DENOMINATIONS[kind].map((denomination) => `${kind}:${denomination}`),
);

/** Canonical denominations, bills then coins, largest first (how the record is kept and shown). */
export function normalizeCounts(counts: readonly DenominationCount[]): DenominationCount[] {
  return counts
    .map((count) => ({
      kind: count.kind,
      denomination: canonicalDenomination(count.kind, count.denomination) ?? count.denomination,
      quantity: count.quantity,
    }))
    .sort(
      (a, b) => ORDER.indexOf(`${a.kind}:${a.denomination}`) - ORDER.indexOf(`${b.kind}:${b.denomination}`),
    );
}

/** A piece's identity (kind and canonical denomination): a count lists each piece once. */
export function pieceKey(count: Pick<DenominationCount, 'kind' | 'denomination'>): string {
  return `${count.kind}:${canonicalDenomination(count.kind, count.denomination) ?? count.denomination}`;
}

import { type Money, money, toCentavos, ZERO } from '../../platform/money.js';
import type { MovementKind } from './funds.schema.js';

/**
 * How each event moves a fund's cash, pending vouchers, open advances and authorized amount:
 * ARCHITECTURE.md §Money, the table, in the one place that encodes it. x > 0 always.
 */
export type LedgerEvent =
  | { kind: 'fund_opened' | 'fund_increased'; amount: string }
  | { kind: 'fund_decreased' | 'fund_closed'; amount: string }
  | { kind: 'expense_paid_from_fund'; amount: string }
  | { kind: 'expense_discarded'; amount: string }
  | { kind: 'rejected_amount_recovered'; amount: string }
  | { kind: 'employee_reimbursed_in_cash'; amount: string }
  | { kind: 'advance_paid_in_cash'; amount: string }
  /** An advance x settled with expenses e: the difference comes back to (or goes out of) the box. */
  | { kind: 'advance_settled'; amount: string; expenses: string }
  | { kind: 'cash_count_shortage' | 'cash_count_overage'; amount: string }
  | { kind: 'replenishment_paid'; amount: string };

export interface MovementDeltas {
  kind: MovementKind;
  amount: string;
  cashDelta: string;
  pendingDelta: string;
  advancesDelta: string;
  authorizedDelta: string;
}

interface Deltas {
  cash?: Money;
  pending?: Money;
  advances?: Money;
  authorized?: Money;
}

function deltasOf(event: LedgerEvent, x: Money): Deltas {
  switch (event.kind) {
    case 'fund_opened':
    case 'fund_increased':
      return { cash: x, authorized: x };
    case 'fund_decreased':
    case 'fund_closed':
      return { cash: x.neg(), authorized: x.neg() };
    case 'expense_paid_from_fund':
    case 'employee_reimbursed_in_cash':
    case 'cash_count_shortage':
      return { cash: x.neg(), pending: x };
    case 'expense_discarded':
    case 'rejected_amount_recovered':
    case 'cash_count_overage':
      return { cash: x, pending: x.neg() };
    case 'advance_paid_in_cash':
      return { cash: x.neg(), advances: x };
    case 'advance_settled': {
      // e + r = x: returned cash r = x − e (negative when the fund paid the excess e − x).
      const expenses = money(event.expenses);
      return { cash: x.minus(expenses), pending: expenses, advances: x.neg() };
    }
    case 'replenishment_paid':
      return { cash: x, pending: x.neg() };
  }
}

/** The movement row's amounts for an event; amounts are MXN centavos. */
export function movementDeltas(event: LedgerEvent): MovementDeltas {
  const x = money(event.amount);
  if (!x.isFinite() || x.lessThanOrEqualTo(0))
    throw new RangeError(`movement amount must be > 0: ${event.amount}`);
  const d = deltasOf(event, x);
  return {
    kind: event.kind,
    amount: toCentavos(x),
    cashDelta: toCentavos(d.cash ?? ZERO),
    pendingDelta: toCentavos(d.pending ?? ZERO),
    advancesDelta: toCentavos(d.advances ?? ZERO),
    authorizedDelta: toCentavos(d.authorized ?? ZERO),
  };
}

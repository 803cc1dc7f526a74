import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { type Money, sumMoney, toCentavos, ZERO } from '../../platform/money.js';
import { expenses } from '../expenses/expenses.schema.js';
import { funds } from '../funds/funds.schema.js';
import { memberNames } from '../organizations/index.js';
import { type AdvanceRow, tripOf } from './advance-link.js';

/** The advances as the API shows them, with the names of the people and funds they mention. */
export async function toAdvanceViews(
  tx: Tx,
  organizationId: string,
  rows: readonly AdvanceRow[],
  today: string,
) {
  const names = await memberNames(
    tx,
    organizationId,
    rows.flatMap((row) => [row.employeeId, row.handedOutBy, ...(row.settledBy ? [row.settledBy] : [])]),
  );
  const fundIds = [...new Set(rows.flatMap((row) => (row.fundId ? [row.fundId] : [])))];
  const fundNames = new Map(
    fundIds.length === 0
      ? []
      : (
          await tx
            .select({ id: funds.id, name: funds.name })
            .from(funds)
            .where(and(eq(funds.organizationId, organizationId), inArray(funds.id, fundIds)))
        ).map((fund) => [fund.id, fund.name]),
  );
  const person = (id: string) => ({ id, name: names.get(id) ?? '' });
  return rows.map((row) => ({
    id: row.id,
    folio: row.folio,
    employee: person(row.employeeId),
    purpose: row.purpose,
    amount: row.amount,
    method: row.method,
    fund: row.fundId ? { id: row.fundId, name: fundNames.get(row.fundId) ?? '' } : null,
    transferReference: row.transferReference,
    status: row.status,
    dueDate: row.dueDate,
    /** Open past its due date (Mexico City's today). */
    overdue: row.status === 'open' && row.dueDate < today,
    trip: tripOf(row),
    handedOutBy: person(row.handedOutBy),
    handedOutAt: row.handedOutAt,
    movementId: row.movementId,
    settlement:
      row.status === 'settled' && row.settledAt
        ? {
            expenses: row.settledExpenses ?? '0.00',
            difference: row.settledDifference ?? '0.00',
            method: row.settlementMethod ?? row.method,
            reference: row.settlementReference,
            movementId: row.settlementMovementId,
            settledBy: row.settledBy ? person(row.settledBy) : null,
            settledAt: row.settledAt,
          }
        : null,
    createdAt: row.createdAt,
  }));
}

export type AdvanceView = Awaited<ReturnType<typeof toAdvanceViews>>[number];

/** The expenses spent against an advance, oldest first. */
export function advanceExpenses(tx: Tx, organizationId: string, advanceId: string) {
  return tx
    .select({
      id: expenses.id,
      date: expenses.expenseDate,
      concept: expenses.concept,
      status: expenses.status,
      totalMxn: expenses.totalMxn,
      travelKind: expenses.travelKind,
      findings: expenses.findings,
    })
    .from(expenses)
    .where(and(eq(expenses.organizationId, organizationId), eq(expenses.advanceId, advanceId)))
    .orderBy(expenses.expenseDate, expenses.id);
}

export type AdvanceExpense = Awaited<ReturnType<typeof advanceExpenses>>[number];

/**
 * What the advance's expenses add up to: approved (what settles it), waiting for a decision
 * (drafts and submitted), rejected, and what is left of the advance; and what a settlement now
 * would do: the employee returns the unspent part or is paid the excess.
 */
export function advanceTotals(amount: string, list: readonly AdvanceExpense[]) {
  const sum = (statuses: readonly string[]): Money =>
    sumMoney(list.filter((expense) => statuses.includes(expense.status)).map((expense) => expense.totalMxn));
  const count = (status: string) => list.filter((expense) => expense.status === status).length;
  const approved = sum(['approved', 'replenished']);
  const pending = sum(['draft', 'submitted']);
  const unspent = sumMoney([amount]).minus(approved);
  return {
    totals: {
      approved: toCentavos(approved),
      pendingDecision: toCentavos(pending),
      rejected: toCentavos(sum(['rejected'])),
      remaining: toCentavos(unspent.minus(pending)),
      waiting: { draft: count('draft'), submitted: count('submitted') },
    },
    preview: {
      expenses: toCentavos(approved),
      toReturn: toCentavos(unspent.greaterThan(0) ? unspent : ZERO),
      toPay: toCentavos(unspent.lessThan(0) ? unspent.neg() : ZERO),
    },
  };
}

/** An advance with its expenses, totals and the settlement preview. */
export async function advanceDetail(tx: Tx, organizationId: string, row: AdvanceRow, today: string) {
  const [view] = await toAdvanceViews(tx, organizationId, [row], today);
  const list = await advanceExpenses(tx, organizationId, row.id);
  return {
    ...(view as AdvanceView),
    expenses: list.map(({ findings, ...expense }) => ({
      ...expense,
      findings: findings.map(({ code, severity, message }) => ({ code, severity, message })),
    })),
    ...advanceTotals(row.amount, list),
  };
}

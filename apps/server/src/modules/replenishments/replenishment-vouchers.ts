import { and, asc, eq, ne, notExists, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { money } from '../../platform/money.js';
import { advances } from '../advances/advances.schema.js';
import { cashCounts } from '../cash-counts/cash-counts.schema.js';
import { expenseCategories } from '../categories/categories.schema.js';
import { expenses } from '../expenses/expenses.schema.js';
import { replenishmentItems } from './replenishments.schema.js';

// Vouchers (comprobantes por reponer) of a fund: its approved expenses paid with its cash (or
// reimbursed in cash from it) and its cash counts' differences, each in no active replenishment.

/** The expense was proved against a cash advance that is settled (the same rule as migration 0019). */
const settledCashAdvance = sql`EXISTS (SELECT 1 FROM ${advances} a
  WHERE a.organization_id = ${expenses.organizationId} AND a.id = ${expenses.advanceId}
    AND a.method = 'fund_cash' AND a.status = 'settled')`;

/** The columns a voucher is shown with, wherever it appears (eligible list, replenishment items). */
export const expenseVoucherColumns = {
  id: expenses.id,
  status: expenses.status,
  paymentMethod: expenses.paymentMethod,
  fundId: expenses.fundId,
  reimbursementMethod: expenses.reimbursementMethod,
  reimbursementFundId: expenses.reimbursementFundId,
  /** Proved against a cash advance that was settled: the settlement made it a voucher of that fund. */
  fromSettledCashAdvance: sql<boolean>`(${settledCashAdvance})`.mapWith(Boolean),
  date: expenses.expenseDate,
  concept: expenses.concept,
  supplierRfc: expenses.supplierRfc,
  supplierName: expenses.supplierName,
  cfdiUuid: expenses.cfdiUuid,
  categoryId: expenses.categoryId,
  categoryName: expenseCategories.name,
  totalMxn: expenses.totalMxn,
  satStatus: expenses.satStatus,
  satCheckedAt: expenses.satCheckedAt,
  findings: expenses.findings,
};
export type ExpenseVoucherRow = Awaited<ReturnType<typeof expenseVoucherQuery>>[number];
export type CashCountVoucherRow = typeof cashCounts.$inferSelect;

export type Voucher =
  | { sourceType: 'expense'; id: string; amount: string; expense: ExpenseVoucherRow }
  | { sourceType: 'cash_count'; id: string; amount: string; cashCount: CashCountVoucherRow };

export function expenseVoucherQuery(tx: Tx, organizationId: string, where: SQL | undefined) {
  return tx
    .select(expenseVoucherColumns)
    .from(expenses)
    .leftJoin(
      expenseCategories,
      and(
        eq(expenseCategories.organizationId, expenses.organizationId),
        eq(expenseCategories.id, expenses.categoryId),
      ),
    )
    .where(and(eq(expenses.organizationId, organizationId), where))
    .orderBy(asc(expenses.expenseDate), asc(expenses.id));
}

const paidFromFund = (fundId: string) =>
  or(
    and(eq(expenses.paymentMethod, 'fund_cash'), eq(expenses.fundId, fundId)),
    and(eq(expenses.reimbursementMethod, 'fund_cash'), eq(expenses.reimbursementFundId, fundId)),
    and(eq(expenses.fundId, fundId), settledCashAdvance),
  );

export const isPaidFromFund = (row: ExpenseVoucherRow, fundId: string) =>
  (row.paymentMethod === 'fund_cash' && row.fundId === fundId) ||
  (row.reimbursementMethod === 'fund_cash' && row.reimbursementFundId === fundId) ||
  (row.fromSettledCashAdvance && row.fundId === fundId);

/** In an active item of some replenishment: not available to another one. */
const inActiveItem = (tx: Tx, organizationId: string, column: SQL) =>
  tx
    .select({ one: sql`1` })
    .from(replenishmentItems)
    .where(
      and(eq(replenishmentItems.organizationId, organizationId), column, eq(replenishmentItems.active, true)),
    );

export const expenseVoucher = (row: ExpenseVoucherRow): Voucher => ({
  sourceType: 'expense',
  id: row.id,
  amount: row.totalMxn,
  expense: row,
});

/** A shortage (counted < expected) is a voucher to replenish; an overage reduces the replenishment. */
export const cashCountVoucher = (row: CashCountVoucherRow): Voucher => ({
  sourceType: 'cash_count',
  id: row.id,
  amount: money(row.difference).neg().toFixed(2),
  cashCount: row,
});

/** Every voucher of the fund waiting for a replenishment, oldest first. */
export async function eligibleVouchers(tx: Tx, organizationId: string, fundId: string): Promise<Voucher[]> {
  const expenseRows = await expenseVoucherQuery(
    tx,
    organizationId,
    and(
      eq(expenses.status, 'approved'),
      paidFromFund(fundId),
      notExists(inActiveItem(tx, organizationId, sql`${replenishmentItems.expenseId} = ${expenses.id}`)),
    ),
  );
  const countRows = await tx
    .select()
    .from(cashCounts)
    .where(
      and(
        eq(cashCounts.organizationId, organizationId),
        eq(cashCounts.fundId, fundId),
        ne(cashCounts.difference, '0'),
        notExists(
          inActiveItem(tx, organizationId, sql`${replenishmentItems.cashCountId} = ${cashCounts.id}`),
        ),
      ),
    )
    .orderBy(asc(cashCounts.countedAt));
  return [...expenseRows.map(expenseVoucher), ...countRows.map(cashCountVoucher)];
}

/** Vouchers a request includes by default: every eligible one whose CFDI SAT has not reported cancelled. */
export const defaultVouchers = (vouchers: Voucher[]) =>
  vouchers.filter((voucher) => voucher.sourceType !== 'expense' || voucher.expense.satStatus !== 'cancelado');

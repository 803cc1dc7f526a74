import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { formatPesos, money } from '../../platform/money.js';
import { cashCounts } from '../cash-counts/cash-counts.schema.js';
import { nextStatus } from '../expenses/expense-status.js';
import { expenses } from '../expenses/expenses.schema.js';
import {
  type CashCountVoucherRow,
  cashCountVoucher,
  type ExpenseVoucherRow,
  expenseVoucher,
  expenseVoucherQuery,
  isPaidFromFund,
  type Voucher,
} from './replenishment-vouchers.js';
import { replenishmentErrors, type VoucherProblem } from './replenishments.errors.js';
import { replenishmentItems, replenishments } from './replenishments.schema.js';

// The vouchers a person picks for a replenishment, each checked, each refusal naming its voucher.

/** Folios of the active replenishments holding these vouchers. */
async function activeFolios(
  tx: Tx,
  organizationId: string,
  column: 'expenseId' | 'cashCountId',
  ids: string[],
) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await tx
    .select({ voucherId: replenishmentItems[column], folio: replenishments.folio })
    .from(replenishmentItems)
    .innerJoin(
      replenishments,
      and(
        eq(replenishments.organizationId, replenishmentItems.organizationId),
        eq(replenishments.id, replenishmentItems.replenishmentId),
      ),
    )
    .where(
      and(
        eq(replenishmentItems.organizationId, organizationId),
        eq(replenishmentItems.active, true),
        inArray(replenishmentItems[column], ids),
      ),
    );
  return new Map(rows.map((row) => [row.voucherId as string, row.folio]));
}

const describeExpense = (row: ExpenseVoucherRow) =>
  `el gasto "${row.concept}" del ${row.date} (${formatPesos(row.totalMxn)})`;
const describeCount = (row: CashCountVoucherRow) => `el arqueo del ${mexicoCityDate(row.countedAt)}`;

/**
 * The vouchers a person picked, each checked: of this organization and fund, approved, with a
 * difference (a cash count), and in no active replenishment. Every refusal names its voucher.
 */
export async function pickedVouchers(
  tx: Tx,
  organizationId: string,
  fundId: string,
  picked: { expenseIds: string[]; cashCountIds: string[] },
): Promise<Voucher[]> {
  const expenseIds = [...new Set(picked.expenseIds)];
  const cashCountIds = [...new Set(picked.cashCountIds)];
  const expenseRows = new Map(
    expenseIds.length === 0
      ? []
      : (await expenseVoucherQuery(tx, organizationId, inArray(expenses.id, expenseIds))).map((r) => [
          r.id,
          r,
        ]),
  );
  const countRows = new Map(
    cashCountIds.length === 0
      ? []
      : (
          await tx
            .select()
            .from(cashCounts)
            .where(and(eq(cashCounts.organizationId, organizationId), inArray(cashCounts.id, cashCountIds)))
        ).map((r) => [r.id, r]),
  );
  const expenseFolios = await activeFolios(tx, organizationId, 'expenseId', expenseIds);
  const countFolios = await activeFolios(tx, organizationId, 'cashCountId', cashCountIds);
  const problems: { kind: VoucherProblem; path: string; message: string }[] = [];
  const vouchers: Voucher[] = [];
  expenseIds.forEach((id, index) => {
    const path = `expenseIds.${index}`;
    const row = expenseRows.get(id);
    const folio = expenseFolios.get(id);
    if (!row) problems.push({ kind: 'not_found', path, message: `no encontramos el gasto ${id}.` });
    else if (!isPaidFromFund(row, fundId))
      problems.push({
        kind: 'other_fund',
        path,
        message: `${describeExpense(row)} no se pagó con esta caja.`,
      });
    else if (folio !== undefined)
      problems.push({
        kind: 'already_included',
        path,
        message: `${describeExpense(row)} ya está en la reposición ${folio}.`,
      });
    else {
      try {
        nextStatus(row.status, 'replenish');
        vouchers.push(expenseVoucher(row));
      } catch (error) {
        const reason = error instanceof AppError ? error.detail : String(error);
        problems.push({ kind: 'not_approved', path, message: `${describeExpense(row)}: ${reason}` });
      }
    }
  });
  cashCountIds.forEach((id, index) => {
    const path = `cashCountIds.${index}`;
    const row = countRows.get(id);
    const folio = countFolios.get(id);
    if (!row || money(row.difference).isZero())
      problems.push({
        kind: 'not_found',
        path,
        message: `no encontramos un arqueo con diferencia con el id ${id}.`,
      });
    else if (row.fundId !== fundId)
      problems.push({ kind: 'other_fund', path, message: `${describeCount(row)} es de otra caja.` });
    else if (folio !== undefined)
      problems.push({
        kind: 'already_included',
        path,
        message: `${describeCount(row)} ya está en la reposición ${folio}.`,
      });
    else vouchers.push(cashCountVoucher(row));
  });
  if (problems.length > 0) throw replenishmentErrors.vouchers(problems);
  return vouchers;
}

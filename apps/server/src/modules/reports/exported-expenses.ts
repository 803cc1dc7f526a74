import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { type TenantScope, withTenant } from '../../platform/tenancy.js';
import { costCenters, expenseCategories } from '../categories/categories.schema.js';
import type { ExpenseAmounts } from '../expenses/expense-amounts.js';
import type { ExpenseStatus, PaymentMethod } from '../expenses/expense-status.js';
import { expenses, type SAT_STATUSES, type StoredFinding } from '../expenses/expenses.schema.js';
import { funds } from '../funds/funds.schema.js';
import { memberNames } from '../organizations/index.js';
import { expensesInScope, type ReportFilters } from './report-filters.js';

/** Rows per query: big enough that round trips do not dominate, small enough to hold two in memory. */
export const EXPORT_BATCH_SIZE = 2000;

/** One expense as the exports print it; amounts and the date as the database's exact text. */
export interface ExportedExpense
  extends Omit<ExpenseAmounts, 'exchangeRate' | 'localTaxesTransferred' | 'localTaxesWithheld'> {
  id: string;
  date: string;
  status: ExpenseStatus;
  paymentMethod: PaymentMethod;
  spenderId: string;
  spenderName: string;
  concept: string;
  supplierRfc: string | null;
  supplierName: string | null;
  cfdiUuid: string | null;
  totalMxn: string;
  invoicePending: boolean;
  satStatus: (typeof SAT_STATUSES)[number];
  findings: StoredFinding[];
  categoryName: string | null;
  costCenterName: string | null;
  fundName: string | null;
}

interface Position {
  date: string;
  id: string;
}

/**
 * One batch after a position, oldest first, with category, cost center and fund names. Plain SQL
 * rows (no per-row mapping): an export reads hundreds of thousands of them.
 */
async function selectBatch(
  tx: Tx,
  organizationId: string,
  filters: ReportFilters,
  after: Position | null,
  limit: number,
): Promise<Omit<ExportedExpense, 'spenderName'>[]> {
  const e = expenses;
  const result = await tx.execute(sql`
    SELECT ${e.id} AS "id", ${e.expenseDate}::text AS "date", ${e.status} AS "status",
           ${e.paymentMethod} AS "paymentMethod", ${e.spenderId} AS "spenderId", ${e.concept} AS "concept",
           ${e.supplierRfc} AS "supplierRfc", ${e.supplierName} AS "supplierName", ${e.cfdiUuid} AS "cfdiUuid",
           ${e.currency} AS "currency", ${e.subtotal}::text AS "subtotal", ${e.discount}::text AS "discount",
           ${e.ivaTransferred}::text AS "ivaTransferred", ${e.iepsTransferred}::text AS "iepsTransferred",
           ${e.isrWithheld}::text AS "isrWithheld", ${e.ivaWithheld}::text AS "ivaWithheld",
           ${e.total}::text AS "total", ${e.totalMxn}::text AS "totalMxn", ${e.invoicePending} AS "invoicePending",
           ${e.satStatus} AS "satStatus", ${e.findings} AS "findings", category.name AS "categoryName",
           center.name AS "costCenterName", fund.name AS "fundName"
      FROM ${expenses}
      LEFT JOIN ${expenseCategories} category
        ON category.organization_id = ${e.organizationId} AND category.id = ${e.categoryId}
      LEFT JOIN ${costCenters} center ON center.organization_id = ${e.organizationId} AND center.id = ${e.costCenterId}
      LEFT JOIN ${funds} fund ON fund.organization_id = ${e.organizationId} AND fund.id = ${e.fundId}
     WHERE ${expensesInScope(organizationId, filters, ['discarded'])}
       ${after ? sql`AND (${e.expenseDate}, ${e.id}) > (${after.date}::date, ${after.id}::uuid)` : sql``}
     ORDER BY ${e.expenseDate}, ${e.id}
     LIMIT ${limit}`);
  return (result as unknown as { rows: Omit<ExportedExpense, 'spenderName'>[] }).rows;
}

/** A batch with its people's names, in its own short tenant transaction. */
function readBatch(
  db: Db,
  scope: TenantScope & { organizationId: string },
  filters: ReportFilters,
  after: Position | null,
  limit: number,
): Promise<ExportedExpense[]> {
  return withTenant(db, scope, async (tx) => {
    const rows = await selectBatch(tx, scope.organizationId, filters, after, limit);
    const names = await memberNames(
      tx,
      scope.organizationId,
      rows.map((row) => row.spenderId),
    );
    return rows.map((row) => Object.assign(row, { spenderName: names.get(row.spenderId) ?? '' }));
  });
}

/**
 * The expenses a report covers (discarded drafts left out), oldest first, in keyset batches: each
 * batch is its own short tenant transaction, so a slow download never holds a connection, and
 * memory holds two batches (the next is read while the last is written), whatever the total.
 */
export async function* exportedExpenseBatches(
  db: Db,
  scope: TenantScope & { organizationId: string },
  filters: ReportFilters,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<ExportedExpense[]> {
  let next: Promise<ExportedExpense[]> | null = readBatch(db, scope, filters, null, batchSize);
  try {
    while (next) {
      const batch: ExportedExpense[] = await next;
      const last = batch.at(-1);
      next =
        last && batch.length === batchSize
          ? readBatch(db, scope, filters, { date: last.date, id: last.id }, batchSize)
          : null;
      if (batch.length > 0) yield batch;
    }
  } finally {
    // A download stopped early leaves a read in flight: its outcome no longer matters.
    next?.catch(() => {});
  }
}

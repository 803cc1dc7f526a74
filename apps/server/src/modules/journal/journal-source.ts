import { and, asc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { type TenantScope, withTenant } from '../../platform/tenancy.js';
import { cashCounts } from '../cash-counts/cash-counts.schema.js';
import { expenseCategories } from '../categories/categories.schema.js';
import type { ExpenseAmounts } from '../expenses/expense-amounts.js';
import { expenses } from '../expenses/expenses.schema.js';
import { funds } from '../funds/funds.schema.js';
import { replenishmentItems, replenishments } from '../replenishments/replenishments.schema.js';
import type { JournalAccounts } from './journal-accounts.js';
import { buildReplenishmentEntry, type JournalEntry, type VoucherInput } from './journal-entry.js';

// Reads what a póliza needs straight from the replenishment tables (read only): the journal is a
// view of paid replenishments, written by the replenishments module and never changed afterwards.

/** Paid replenishments per query at most. */
export const ENTRY_BATCH_SIZE = 100;
/**
 * Vouchers per batch at most: a batch ends before the replenishment that would pass this (but holds
 * at least one), so its memory does not depend on how many vouchers replenishments have.
 */
export const VOUCHERS_PER_BATCH = 2000;

/** Payment dates, inclusive, as YYYY-MM-DD (Mexico City calendar days). */
export interface PaymentRange {
  from?: string | undefined;
  to?: string | undefined;
}

const headerColumns = {
  id: replenishments.id,
  folio: replenishments.folio,
  status: replenishments.status,
  paymentDate: replenishments.paymentDate,
  paymentReference: replenishments.paymentReference,
  total: replenishments.total,
  fundName: funds.name,
  vouchers: sql<number>`(SELECT count(*)::int FROM ${replenishmentItems} item
    WHERE item.organization_id = ${replenishments.organizationId} AND item.replenishment_id = ${replenishments.id}
      AND item.active)`,
};
function headerQuery(tx: Tx, organizationId: string, where: SQL | undefined, limit: number) {
  return tx
    .select(headerColumns)
    .from(replenishments)
    .innerJoin(
      funds,
      and(eq(funds.organizationId, replenishments.organizationId), eq(funds.id, replenishments.fundId)),
    )
    .where(and(eq(replenishments.organizationId, organizationId), where))
    .orderBy(asc(replenishments.paymentDate), asc(replenishments.folio))
    .limit(limit);
}
type Header = Awaited<ReturnType<typeof headerQuery>>[number];

const paidIn = (range: PaymentRange) =>
  and(
    eq(replenishments.status, 'paid'),
    range.from ? gte(replenishments.paymentDate, range.from) : undefined,
    range.to ? lte(replenishments.paymentDate, range.to) : undefined,
  );

/** One active voucher row: an expense's columns, or a cash count's (the other side's are null). */
interface VoucherRow extends ExpenseAmounts {
  replenishmentId: string;
  amount: string;
  expenseId: string | null;
  date: string | null;
  concept: string;
  supplierRfc: string | null;
  supplierName: string | null;
  cfdiUuid: string | null;
  categoryName: string | null;
  satAccountCode: string | null;
  accountCode: string | null;
  cashCountId: string | null;
  /** Seconds since the epoch (a number on both drivers, unlike a timestamp). */
  countedAt: number | null;
}

/**
 * The active vouchers of these replenishments, with the CFDI breakdown and the category's accounts.
 * Plain SQL rows (no per-row mapping): an export reads tens of thousands of them.
 */
async function vouchersOf(tx: Tx, organizationId: string, replenishmentIds: string[]) {
  const i = replenishmentItems;
  const e = expenses;
  const c = expenseCategories;
  const result = await tx.execute(sql`
    SELECT ${i.replenishmentId} AS "replenishmentId", ${i.amount}::text AS "amount",
           ${e.id} AS "expenseId", ${e.expenseDate}::text AS "date", ${e.concept} AS "concept",
           ${e.supplierRfc} AS "supplierRfc", ${e.supplierName} AS "supplierName", ${e.cfdiUuid} AS "cfdiUuid",
           ${e.currency} AS "currency", ${e.exchangeRate}::text AS "exchangeRate", ${e.subtotal}::text AS "subtotal",
           ${e.discount}::text AS "discount", ${e.ivaTransferred}::text AS "ivaTransferred",
           ${e.iepsTransferred}::text AS "iepsTransferred", ${e.isrWithheld}::text AS "isrWithheld",
           ${e.ivaWithheld}::text AS "ivaWithheld", ${e.localTaxesTransferred}::text AS "localTaxesTransferred",
           ${e.localTaxesWithheld}::text AS "localTaxesWithheld", ${e.total}::text AS "total",
           ${c.name} AS "categoryName", ${c.satAccountCode} AS "satAccountCode", ${c.accountCode} AS "accountCode",
           ${cashCounts.id} AS "cashCountId", extract(epoch FROM ${cashCounts.countedAt})::float8 AS "countedAt"
      FROM ${replenishmentItems}
      LEFT JOIN ${expenses} ON ${e.organizationId} = ${i.organizationId} AND ${e.id} = ${i.expenseId}
      LEFT JOIN ${expenseCategories} ON ${c.organizationId} = ${e.organizationId} AND ${c.id} = ${e.categoryId}
      LEFT JOIN ${cashCounts} ON ${cashCounts.organizationId} = ${i.organizationId} AND ${cashCounts.id} = ${i.cashCountId}
     WHERE ${i.organizationId} = ${organizationId} AND ${inArray(i.replenishmentId, replenishmentIds)} AND ${i.active}
     ORDER BY ${i.id}`);
  const rows = (result as unknown as { rows: VoucherRow[] }).rows;
  const byReplenishment = new Map<string, VoucherInput[]>();
  for (const row of rows) {
    let list = byReplenishment.get(row.replenishmentId);
    if (!list) {
      list = [];
      byReplenishment.set(row.replenishmentId, list);
    }
    if (row.expenseId && row.date) {
      list.push({
        kind: 'expense',
        id: row.expenseId,
        date: row.date,
        concept: row.concept,
        supplierRfc: row.supplierRfc,
        supplierName: row.supplierName,
        cfdiUuid: row.cfdiUuid,
        currency: row.currency,
        exchangeRate: row.exchangeRate,
        subtotal: row.subtotal,
        discount: row.discount,
        ivaTransferred: row.ivaTransferred,
        iepsTransferred: row.iepsTransferred,
        isrWithheld: row.isrWithheld,
        ivaWithheld: row.ivaWithheld,
        localTaxesTransferred: row.localTaxesTransferred,
        localTaxesWithheld: row.localTaxesWithheld,
        total: row.total,
        category:
          row.categoryName !== null && row.satAccountCode !== null
            ? { name: row.categoryName, satAccountCode: row.satAccountCode, accountCode: row.accountCode }
            : null,
        amount: row.amount,
      });
    } else if (row.cashCountId && row.countedAt !== null) {
      const date = mexicoCityDate(new Date(Number(row.countedAt) * 1000));
      list.push({ kind: 'cash_count', id: row.cashCountId, date, amount: row.amount });
    }
  }
  // Oldest voucher first; the item order breaks ties (Array.sort is stable).
  for (const list of byReplenishment.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  return byReplenishment;
}

async function entriesOf(tx: Tx, organizationId: string, headers: Header[], accounts: JournalAccounts) {
  if (headers.length === 0) return [];
  const vouchers = await vouchersOf(
    tx,
    organizationId,
    headers.map((header) => header.id),
  );
  return headers.map((header) =>
    buildReplenishmentEntry(
      {
        id: header.id,
        folio: header.folio,
        fundName: header.fundName,
        date: header.paymentDate,
        paymentReference: header.paymentReference,
        total: header.total,
        vouchers: vouchers.get(header.id) ?? [],
      },
      accounts,
    ),
  );
}

/** A batch of pólizas, and whether more may follow. */
interface EntryBatch {
  entries: JournalEntry[];
  more: boolean;
}

/**
 * The pólizas of the replenishments paid in the range, by payment date and folio, in keyset
 * batches: each batch is its own short tenant transaction, so a slow download holds no connection,
 * and memory holds two batches (the next is read while the last is written) whatever the number of
 * pólizas.
 */
export async function* paidEntryBatches(
  db: Db,
  scope: TenantScope & { organizationId: string },
  range: PaymentRange,
  accounts: JournalAccounts,
  batchSize = ENTRY_BATCH_SIZE,
  voucherLimit = VOUCHERS_PER_BATCH,
): AsyncGenerator<JournalEntry[]> {
  const { organizationId } = scope;
  const read = (after: { date: string; folio: number } | null): Promise<EntryBatch> =>
    withTenant(db, scope, async (tx) => {
      const found = await headerQuery(
        tx,
        organizationId,
        and(
          paidIn(range),
          after
            ? sql`(${replenishments.paymentDate}, ${replenishments.folio}) > (${after.date}::date, ${after.folio})`
            : undefined,
        ),
        batchSize,
      );
      let vouchers = 0;
      const headers = found.filter((header, index) => {
        vouchers += header.vouchers;
        return index === 0 || vouchers <= voucherLimit;
      });
      const more = found.length === batchSize || headers.length < found.length;
      return { entries: await entriesOf(tx, organizationId, headers, accounts), more };
    });
  let next: Promise<EntryBatch> | null = read(null);
  try {
    while (next) {
      const { entries, more }: EntryBatch = await next;
      const last = entries.at(-1);
      next = more && last?.date ? read({ date: last.date, folio: last.folio }) : null;
      if (entries.length > 0) yield entries;
    }
  } finally {
    // A download stopped early leaves a read in flight: its outcome no longer matters.
    next?.catch(() => {});
  }
}

/** Whether any replenishment was paid in the range (the SAT's XML cannot be empty). */
export async function hasPaidReplenishments(tx: Tx, organizationId: string, range: PaymentRange) {
  const [row] = await headerQuery(tx, organizationId, paidIn(range), 1);
  return row !== undefined;
}

/** One replenishment's póliza, paid or not yet (then undated: a preview of what paying it books); none if canceled. */
export async function replenishmentEntry(
  tx: Tx,
  organizationId: string,
  replenishmentId: string,
  accounts: JournalAccounts,
): Promise<JournalEntry | null> {
  const [header] = await headerQuery(tx, organizationId, eq(replenishments.id, replenishmentId), 1);
  // A canceled replenishment paid nothing: its vouchers went back to wait for another one.
  if (!header || header.status === 'canceled') return null;
  const [entry] = await entriesOf(tx, organizationId, [header], accounts);
  return entry ?? null;
}

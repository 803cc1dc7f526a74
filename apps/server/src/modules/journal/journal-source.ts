import { and, asc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { type TenantScope, withTenant } from '../../platform/tenancy.js';
import { cashCounts } from '../cash-counts/cash-counts.schema.js';
import { expenseCategories } from '../categories/categories.schema.js';
import { expenses } from '../expenses/expenses.schema.js';
import { funds } from '../funds/funds.schema.js';
import { replenishmentItems, replenishments } from '../replenishments/replenishments.schema.js';
import type { JournalAccounts } from './journal-accounts.js';
import { buildReplenishmentEntry, type JournalEntry, type VoucherInput } from './journal-entry.js';

// Reads what a póliza needs straight from the replenishment tables (read only): the journal is a
// view of paid replenishments, written by the replenishments module and never changed afterwards.

/** Paid replenishments per query: each holds its vouchers, so a batch stays a few thousand rows. */
export const ENTRY_BATCH_SIZE = 100;

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

/** The active vouchers of these replenishments, with the CFDI breakdown and the category's accounts. */
async function vouchersOf(tx: Tx, organizationId: string, replenishmentIds: string[]) {
  const rows = await tx
    .select({
      replenishmentId: replenishmentItems.replenishmentId,
      itemId: replenishmentItems.id,
      amount: replenishmentItems.amount,
      expense: {
        id: expenses.id,
        date: expenses.expenseDate,
        concept: expenses.concept,
        supplierRfc: expenses.supplierRfc,
        supplierName: expenses.supplierName,
        cfdiUuid: expenses.cfdiUuid,
        currency: expenses.currency,
        exchangeRate: expenses.exchangeRate,
        subtotal: expenses.subtotal,
        discount: expenses.discount,
        ivaTransferred: expenses.ivaTransferred,
        iepsTransferred: expenses.iepsTransferred,
        isrWithheld: expenses.isrWithheld,
        ivaWithheld: expenses.ivaWithheld,
        localTaxesTransferred: expenses.localTaxesTransferred,
        localTaxesWithheld: expenses.localTaxesWithheld,
        total: expenses.total,
      },
      category: {
        name: expenseCategories.name,
        satAccountCode: expenseCategories.satAccountCode,
        accountCode: expenseCategories.accountCode,
      },
      cashCount: { id: cashCounts.id, countedAt: cashCounts.countedAt },
    })
    .from(replenishmentItems)
    .leftJoin(
      expenses,
      and(
        eq(expenses.organizationId, replenishmentItems.organizationId),
        eq(expenses.id, replenishmentItems.expenseId),
      ),
    )
    .leftJoin(
      expenseCategories,
      and(
        eq(expenseCategories.organizationId, expenses.organizationId),
        eq(expenseCategories.id, expenses.categoryId),
      ),
    )
    .leftJoin(
      cashCounts,
      and(
        eq(cashCounts.organizationId, replenishmentItems.organizationId),
        eq(cashCounts.id, replenishmentItems.cashCountId),
      ),
    )
    .where(
      and(
        eq(replenishmentItems.organizationId, organizationId),
        inArray(replenishmentItems.replenishmentId, replenishmentIds),
        eq(replenishmentItems.active, true),
      ),
    )
    .orderBy(asc(replenishmentItems.id));
  const byReplenishment = new Map<string, VoucherInput[]>();
  for (const row of rows) {
    const list = byReplenishment.get(row.replenishmentId) ?? [];
    if (row.expense) {
      list.push({ kind: 'expense', ...row.expense, category: row.category, amount: row.amount });
    } else if (row.cashCount) {
      const date = mexicoCityDate(row.cashCount.countedAt);
      list.push({ kind: 'cash_count', id: row.cashCount.id, date, amount: row.amount });
    }
    byReplenishment.set(row.replenishmentId, list);
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

/**
 * The pólizas of the replenishments paid in the range, by payment date and folio, in keyset
 * batches: each batch is its own short tenant transaction, so a slow download holds no connection
 * and memory holds one batch whatever the number of pólizas.
 */
export async function* paidEntryBatches(
  db: Db,
  scope: TenantScope & { organizationId: string },
  range: PaymentRange,
  accounts: JournalAccounts,
  batchSize = ENTRY_BATCH_SIZE,
): AsyncGenerator<JournalEntry[]> {
  const { organizationId } = scope;
  let after: { date: string; folio: number } | null = null;
  while (true) {
    const position = after;
    const entries: JournalEntry[] = await withTenant(db, scope, async (tx) => {
      const headers = await headerQuery(
        tx,
        organizationId,
        and(
          paidIn(range),
          position
            ? sql`(${replenishments.paymentDate}, ${replenishments.folio}) > (${position.date}::date, ${position.folio})`
            : undefined,
        ),
        batchSize,
      );
      return entriesOf(tx, organizationId, headers, accounts);
    });
    if (entries.length > 0) yield entries;
    const last = entries.at(-1);
    if (!last?.date || entries.length < batchSize) return;
    after = { date: last.date, folio: last.folio };
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

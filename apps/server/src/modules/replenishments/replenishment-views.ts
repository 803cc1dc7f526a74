import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { money } from '../../platform/money.js';
import { cashCounts } from '../cash-counts/cash-counts.schema.js';
import { expenses } from '../expenses/expenses.schema.js';
import { funds } from '../funds/funds.schema.js';
import { memberNames } from '../organizations/index.js';
import type { ReplenishmentRow } from './replenishment-create.js';
import {
  cashCountVoucher,
  expenseVoucher,
  expenseVoucherQuery,
  type Voucher,
} from './replenishment-vouchers.js';
import { replenishmentItems, replenishments } from './replenishments.schema.js';

/** A voucher as the API shows it: the expense (concept, supplier, UUID, category, SAT) or the count. */
export function voucherView(voucher: Voucher) {
  if (voucher.sourceType === 'expense') {
    const row = voucher.expense;
    return {
      sourceType: voucher.sourceType,
      id: voucher.id,
      amount: voucher.amount,
      date: row.date,
      expense: {
        concept: row.concept,
        supplier: { rfc: row.supplierRfc, name: row.supplierName },
        cfdiUuid: row.cfdiUuid,
        category: row.categoryId ? { id: row.categoryId, name: row.categoryName ?? '' } : null,
        totalMxn: row.totalMxn,
        status: row.status,
        sat: { status: row.satStatus, checkedAt: row.satCheckedAt },
        findings: row.findings.map(({ code, severity, message }) => ({ code, severity, message })),
      },
      cashCount: null,
      /** SAT reported the CFDI cancelled: it must leave the replenishment before approval. */
      satCancelled: row.satStatus === 'cancelado',
    };
  }
  const row = voucher.cashCount;
  return {
    sourceType: voucher.sourceType,
    id: voucher.id,
    amount: voucher.amount,
    date: mexicoCityDate(row.countedAt),
    expense: null,
    cashCount: {
      countedAt: row.countedAt,
      expectedCash: row.expectedCash,
      countedCash: row.countedCash,
      difference: row.difference,
      kind: money(row.difference).isNegative() ? ('shortage' as const) : ('overage' as const),
    },
    satCancelled: false,
  };
}

const activeCount = (condition: SQL) =>
  sql<number>`(SELECT count(*) FROM replenishment_items i LEFT JOIN expenses e
      ON e.organization_id = i.organization_id AND e.id = i.expense_id
     WHERE i.organization_id = ${replenishments.organizationId} AND i.replenishment_id = ${replenishments.id}
       AND i.active AND ${condition})`.mapWith(Number);

/** Replenishments with their fund's name and how many active vouchers (and cancelled CFDIs) they hold. */
export function headerQuery(tx: Tx, organizationId: string, where: SQL | undefined, limit: number) {
  return tx
    .select({
      row: replenishments,
      fundName: funds.name,
      custodianId: funds.custodianId,
      itemCount: activeCount(sql`true`),
      satCancelledCount: activeCount(sql`e.sat_status = 'cancelado'`),
    })
    .from(replenishments)
    .innerJoin(
      funds,
      and(eq(funds.organizationId, replenishments.organizationId), eq(funds.id, replenishments.fundId)),
    )
    .where(and(eq(replenishments.organizationId, organizationId), where))
    .orderBy(desc(replenishments.id))
    .limit(limit);
}
export type Header = Awaited<ReturnType<typeof headerQuery>>[number];

/** The people a page of replenishments names (requester, approver, payer, canceler). */
export function peopleOf(rows: ReplenishmentRow[]) {
  return rows
    .flatMap((row) => [row.requestedBy, row.approvedBy, row.paidBy, row.canceledBy])
    .filter((id): id is string => id !== null);
}

export function toHeaderView(header: Header, names: Map<string, string>) {
  const { row } = header;
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  return {
    id: row.id,
    folio: row.folio,
    fund: { id: row.fundId, name: header.fundName, custodianId: header.custodianId },
    status: row.status,
    total: row.total,
    automatic: row.automatic,
    itemCount: header.itemCount,
    satCancelledCount: header.satCancelledCount,
    requestedBy: person(row.requestedBy),
    requestedAt: row.requestedAt,
    satCheckedAt: row.satCheckedAt,
    approvedBy: person(row.approvedBy),
    approvedAt: row.approvedAt,
    paidBy: person(row.paidBy),
    paidAt: row.paidAt,
    paymentDate: row.paymentDate,
    paymentReference: row.paymentReference,
    movementId: row.movementId,
    canceledBy: person(row.canceledBy),
    canceledAt: row.canceledAt,
    cancelReason: row.cancelReason,
  };
}

/** The replenishment's items (excluded ones too, marked), each with its voucher. */
export async function itemViews(tx: Tx, organizationId: string, replenishmentId: string) {
  const items = await tx
    .select()
    .from(replenishmentItems)
    .where(
      and(
        eq(replenishmentItems.organizationId, organizationId),
        eq(replenishmentItems.replenishmentId, replenishmentId),
      ),
    )
    .orderBy(asc(replenishmentItems.id));
  const expenseIds = items.flatMap((item) => (item.expenseId ? [item.expenseId] : []));
  const countIds = items.flatMap((item) => (item.cashCountId ? [item.cashCountId] : []));
  const expenseRows = expenseIds.length
    ? await expenseVoucherQuery(tx, organizationId, inArray(expenses.id, expenseIds))
    : [];
  const countRows = countIds.length
    ? await tx
        .select()
        .from(cashCounts)
        .where(and(eq(cashCounts.organizationId, organizationId), inArray(cashCounts.id, countIds)))
    : [];
  const vouchers = new Map<string, Voucher>([
    ...expenseRows.map((row) => [row.id, expenseVoucher(row)] as const),
    ...countRows.map((row) => [row.id, cashCountVoucher(row)] as const),
  ]);
  return items.map((item) => {
    const voucher = vouchers.get((item.expenseId ?? item.cashCountId) as string);
    if (!voucher) throw new Error(`voucher of item ${item.id} not found`);
    return {
      id: item.id,
      active: item.active,
      excludedReason: item.excludedReason,
      voucher: { ...voucherView(voucher), amount: item.amount },
    };
  });
}

export async function detailView(tx: Tx, organizationId: string, header: Header) {
  const names = await memberNames(tx, organizationId, peopleOf([header.row]));
  return {
    ...toHeaderView(header, names),
    items: await itemViews(tx, organizationId, header.row.id),
  };
}

export type ReplenishmentView = Awaited<ReturnType<typeof detailView>>;

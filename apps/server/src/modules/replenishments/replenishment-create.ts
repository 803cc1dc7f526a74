import { and, eq, sql } from 'drizzle-orm';
import { bulkInsert } from '../../platform/db/bulk-insert.js';
import type { Tx } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/pg-errors.js';
import { sumMoney, toCentavos } from '../../platform/money.js';
import type { Fund } from '../funds/index.js';
import type { Voucher } from './replenishment-vouchers.js';
import { replenishmentErrors } from './replenishments.errors.js';
import { replenishmentItems, replenishments } from './replenishments.schema.js';

export type ReplenishmentRow = typeof replenishments.$inferSelect;

/**
 * The next folio of the organization. Creations of one organization take turns on a transaction
 * lock (funds are locked one by one, so two funds' requests would otherwise race for a number).
 */
async function nextFolio(tx: Tx, organizationId: string): Promise<number> {
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`replenishment-folio:${organizationId}`}, 0))`,
  );
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${replenishments.folio}), 0) + 1` })
    .from(replenishments)
    .where(eq(replenishments.organizationId, organizationId));
  return Number(row?.next ?? 1);
}

/**
 * Files a replenishment of these vouchers for a fund the caller has locked: the replenishment and
 * its items in one transaction, total = Σ vouchers (the database checks it again at commit).
 */
export async function insertReplenishment(
  tx: Tx,
  input: {
    organizationId: string;
    fund: Fund;
    vouchers: Voucher[];
    automatic: boolean;
    requestedBy: string | null;
    at: Date;
  },
): Promise<ReplenishmentRow> {
  const { organizationId, fund, vouchers } = input;
  if (vouchers.length === 0) throw replenishmentErrors.empty(fund.name);
  const total = sumMoney(vouchers.map((voucher) => voucher.amount));
  if (total.lessThanOrEqualTo(0)) throw replenishmentErrors.totalNotPositive(total.toFixed(2));
  const folio = await nextFolio(tx, organizationId);
  const [row] = await tx
    .insert(replenishments)
    .values({
      organizationId,
      folio,
      fundId: fund.id,
      total: toCentavos(total),
      automatic: input.automatic,
      requestedBy: input.requestedBy,
      requestedAt: input.at,
    })
    .returning();
  if (!row) throw new Error('replenishment insert returned nothing');
  try {
    await bulkInsert(
      tx,
      replenishmentItems,
      vouchers.map((voucher) => ({
        organizationId,
        replenishmentId: row.id,
        sourceType: voucher.sourceType,
        expenseId: voucher.sourceType === 'expense' ? voucher.id : null,
        cashCountId: voucher.sourceType === 'cash_count' ? voucher.id : null,
        amount: voucher.amount,
      })),
    );
  } catch (error) {
    // A voucher taken by another replenishment that committed in between (I4's unique index).
    if (isUniqueViolation(error)) {
      throw replenishmentErrors.vouchers([
        {
          kind: 'already_included',
          path: 'expenseIds',
          message: 'uno de los comprobantes acaba de entrar en otra reposición. Vuelve a intentarlo.',
        },
      ]);
    }
    throw error;
  }
  return row;
}

/** A replenishment still waiting (requested or approved) for this fund, if any. */
export async function openReplenishmentOf(tx: Tx, organizationId: string, fundId: string) {
  const [row] = await tx
    .select({ id: replenishments.id })
    .from(replenishments)
    .where(
      and(
        eq(replenishments.organizationId, organizationId),
        eq(replenishments.fundId, fundId),
        sql`${replenishments.status} IN ('requested', 'approved')`,
      ),
    )
    .limit(1);
  return row ?? null;
}

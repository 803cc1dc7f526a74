import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { expenses } from '../expenses/expenses.schema.js';
import { replenishmentItems, replenishments } from './replenishments.schema.js';

// Small pieces of SQL the replenishment's use cases share.

/** Writes columns of one replenishment (the database checks its lifecycle and total). */
export const setReplenishment = (
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof replenishments.$inferInsert>,
) =>
  tx
    .update(replenishments)
    .set(values)
    .where(and(eq(replenishments.organizationId, organizationId), eq(replenishments.id, id)));

/** The replenishment's items that still count (not excluded, not canceled). */
export const activeItemsOf = (organizationId: string, replenishmentId: string) =>
  and(
    eq(replenishmentItems.organizationId, organizationId),
    eq(replenishmentItems.replenishmentId, replenishmentId),
    eq(replenishmentItems.active, true),
  );

/** The expenses the replenishment includes (active items), with what its decisions look at. */
export const includedExpenses = (tx: Tx, organizationId: string, replenishmentId: string) =>
  tx
    .select({
      id: expenses.id,
      status: expenses.status,
      uuid: expenses.cfdiUuid,
      concept: expenses.concept,
      satStatus: expenses.satStatus,
    })
    .from(replenishmentItems)
    .innerJoin(
      expenses,
      and(
        eq(expenses.organizationId, replenishmentItems.organizationId),
        eq(expenses.id, replenishmentItems.expenseId),
      ),
    )
    .where(activeItemsOf(organizationId, replenishmentId));

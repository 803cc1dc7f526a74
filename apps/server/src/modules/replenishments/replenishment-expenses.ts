import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { nextStatus } from '../expenses/expense-status.js';
import { expenses } from '../expenses/expenses.schema.js';
import { includedExpenses } from './replenishment-rows.js';

/**
 * When the replenishment is paid, its expenses move approved → replenished through the expenses'
 * state machine (which refuses any other starting state). Returns their ids.
 */
export async function markExpensesReplenished(
  tx: Tx,
  organizationId: string,
  replenishmentId: string,
  at: Date,
): Promise<string[]> {
  const rows = await includedExpenses(tx, organizationId, replenishmentId).for('update', { of: expenses });
  if (rows.length === 0) return [];
  const status = rows.map((row) => nextStatus(row.status, 'replenish'))[0];
  const ids = rows.map((row) => row.id);
  await tx
    .update(expenses)
    .set({ status, updatedAt: at })
    .where(and(eq(expenses.organizationId, organizationId), inArray(expenses.id, ids)));
  return ids;
}

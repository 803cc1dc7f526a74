import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { bulkInsert } from '../../platform/db/bulk-insert.js';
import type { Tx } from '../../platform/db/database.js';
import { pgConstraint } from '../../platform/db/pg-errors.js';
import { money } from '../../platform/money.js';
import { fundErrors } from './funds.errors.js';
import { fundMovements, funds } from './funds.schema.js';
import { type LedgerEvent, movementDeltas } from './ledger-rules.js';

export type Fund = typeof funds.$inferSelect;
export type FundMovement = typeof fundMovements.$inferSelect;

export interface MovementSource {
  type: 'expense' | 'advance' | 'cash_count' | 'replenishment';
  id: string;
}

/**
 * The fund row, locked until the transaction ends: movements of one fund apply one at a time.
 * NO KEY UPDATE, not UPDATE: rows that reference the fund (an expense's foreign key takes KEY
 * SHARE) must not deadlock with the lock taken to move its cash.
 */
export async function lockFund(tx: Tx, organizationId: string, fundId: string): Promise<Fund | null> {
  const [row] = await tx
    .select()
    .from(funds)
    .where(and(eq(funds.organizationId, organizationId), eq(funds.id, fundId)))
    .for('no key update');
  return row ?? null;
}

/**
 * Appends a movement; the database applies it to the fund's balances (trigger) and refuses
 * any result that breaks an invariant (cash < 0, an unbalanced row, a closed fund).
 * Expects the fund locked by lockFund in this transaction.
 */
export async function appendMovement(
  tx: Tx,
  actor: Pick<Actor, 'organizationId' | 'membershipId'>,
  fund: Fund,
  event: LedgerEvent,
  options: { source?: MovementSource; memo?: string | null | undefined } = {},
): Promise<FundMovement> {
  if (fund.status !== 'open') throw fundErrors.fundClosed();
  const deltas = movementDeltas(event);
  if (money(fund.cash).plus(deltas.cashDelta).isNegative()) throw fundErrors.insufficientFunds(fund.cash);
  try {
    const [row] = await tx
      .insert(fundMovements)
      .values({
        organizationId: actor.organizationId,
        fundId: fund.id,
        ...deltas,
        sourceType: options.source?.type ?? null,
        sourceId: options.source?.id ?? null,
        memo: options.memo ?? null,
        recordedBy: actor.membershipId,
      })
      .returning();
    if (!row) throw new Error('movement insert returned nothing');
    // Keep the caller's copy current for a second movement in the same transaction.
    Object.assign(fund, {
      cash: row.cashAfter,
      pendingVouchers: row.pendingAfter,
      openAdvances: row.advancesAfter,
      authorizedAmount: row.authorizedAfter,
      movementCount: row.sequence,
    });
    return row;
  } catch (error) {
    if (pgConstraint(error) === 'funds_cash_non_negative') throw fundErrors.insufficientFunds(fund.cash);
    throw error;
  }
}

/**
 * Appends several movements of one locked fund in one statement (an import batch); the database
 * applies them in order. Refuses the whole set if any would take cash below zero.
 */
export async function appendMovements(
  tx: Tx,
  actor: Pick<Actor, 'organizationId' | 'membershipId'>,
  fund: Fund,
  items: readonly { event: LedgerEvent; source?: MovementSource }[],
): Promise<FundMovement[]> {
  if (items.length === 0) return [];
  if (fund.status !== 'open') throw fundErrors.fundClosed();
  let cash = money(fund.cash);
  const rows = items.map(({ event, source }) => {
    const deltas = movementDeltas(event);
    cash = cash.plus(deltas.cashDelta);
    if (cash.isNegative()) throw fundErrors.insufficientFunds(fund.cash);
    return {
      organizationId: actor.organizationId,
      fundId: fund.id,
      ...deltas,
      sourceType: source?.type ?? null,
      sourceId: source?.id ?? null,
      recordedBy: actor.membershipId,
    };
  });
  const inserted = await bulkInsert(tx, fundMovements, rows);
  const last = inserted.reduce((a, b) => (b.sequence > a.sequence ? b : a));
  Object.assign(fund, {
    cash: last.cashAfter,
    pendingVouchers: last.pendingAfter,
    openAdvances: last.advancesAfter,
    authorizedAmount: last.authorizedAfter,
    movementCount: last.sequence,
  });
  return inserted;
}

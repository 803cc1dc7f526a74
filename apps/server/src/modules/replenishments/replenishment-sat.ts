import type { Actor } from '../../platform/auth/actor.js';
import type { Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { ExpenseSatStatus } from '../expenses/index.js';
import { includedExpenses } from './replenishment-rows.js';

// The CFDI status at SAT of a replenishment's expenses, re-checked before it is approved through
// the expenses module's SAT adapter (which stores the answer and the findings on each expense).

/** SAT answers one CFDI at a time: a few questions in flight keep a big replenishment quick. */
const PARALLEL_QUESTIONS = 4;

/** The included expenses that carry a CFDI: what SAT can be asked about. */
export async function cfdiExpenseIds(tx: Tx, organizationId: string, replenishmentId: string) {
  const rows = await includedExpenses(tx, organizationId, replenishmentId);
  return rows.filter((row) => row.uuid !== null).map((row) => row.id);
}

/** The included vouchers whose CFDI SAT reported cancelled, described for a person. */
export async function satCancelledVouchers(tx: Tx, organizationId: string, replenishmentId: string) {
  const rows = await includedExpenses(tx, organizationId, replenishmentId);
  return rows
    .filter((row) => row.satStatus === 'cancelado')
    .map((row) => `"${row.concept}", UUID ${row.uuid ?? ''}`);
}

/**
 * Asks SAT about each expense, outside any transaction. SAT being down is counted, not fatal: the
 * expense keeps the status it had ("no verificado" when never checked), never "vigente".
 */
export async function recheckAtSat(
  satStatus: Pick<ExpenseSatStatus, 'recheck'>,
  actor: Actor,
  expenseIds: readonly string[],
  log: { warn(object: unknown, message: string): void },
): Promise<{ checked: number; unavailable: number }> {
  const queue = [...expenseIds];
  let unavailable = 0;
  async function worker() {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        await satStatus.recheck(actor, id);
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'SAT_UNAVAILABLE')) throw error;
        log.warn({ err: error, expenseId: id }, 'SAT re-check before replenishment failed');
        unavailable++;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL_QUESTIONS, queue.length) }, worker));
  return { checked: expenseIds.length - unavailable, unavailable };
}

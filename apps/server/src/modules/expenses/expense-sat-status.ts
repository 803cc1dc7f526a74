import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { JobContext, JobQueue } from '../../platform/jobs.js';
import {
  type CfdiStatusOutcome,
  type SatStatusClient,
  SatUnavailableError,
} from '../../platform/sat/index.js';
import { withTenant } from '../../platform/tenancy.js';
import { findingsFor, type Supplier69bLookup } from './expense-findings.js';
import type { ExpenseRow } from './expense-views.js';
import { expenses } from './expenses.schema.js';

export const SAT_STATUS_JOB = 'expense-sat-status';
/** Jobs per sendMany call (the job queue inserts them 1,000 per statement). */
const ENQUEUE_SLICE = 1000;

interface SatStatusJob {
  organizationId: string;
  expenseId: string;
}

const SAT_UNAVAILABLE_REASON =
  'El SAT no respondió después de varios intentos: no verificado. Vuelve a verificar más tarde.';

/**
 * The CFDI status at SAT of each expense: checked in a background job after intake, re-checked on
 * demand. When SAT cannot be asked (offline, down), the status says "no verificado", never "vigente".
 */
export function createExpenseSatStatus(deps: {
  db: Db;
  client: SatStatusClient;
  jobs: Pick<JobQueue, 'sendMany' | 'register'>;
  lookup69b: Supplier69bLookup;
  now?: () => Date;
  log: { warn(object: unknown, message: string): void };
}) {
  const { db, client } = deps;
  const now = deps.now ?? (() => new Date());

  async function ask(row: ExpenseRow): Promise<CfdiStatusOutcome | null> {
    if (!row.cfdiUuid || !row.supplierRfc || !row.cfdiReceiverRfc) return null;
    return client.check({
      issuerRfc: row.supplierRfc,
      receiverRfc: row.cfdiReceiverRfc,
      total: row.total,
      uuid: row.cfdiUuid,
      ...(row.cfdiSealTail ? { sello: row.cfdiSealTail } : {}),
    });
  }

  /** Stores the outcome on the expense and re-evaluates its findings (a cancelled CFDI is flagged). */
  async function record(
    organizationId: string,
    expenseId: string,
    outcome: CfdiStatusOutcome | { reason: string },
  ) {
    await withTenant(db, { organizationId }, async (tx) => {
      const where = and(eq(expenses.organizationId, organizationId), eq(expenses.id, expenseId));
      const [row] = await tx.select().from(expenses).where(where).for('update');
      if (!row) return;
      const checked = 'checked' in outcome && outcome.checked ? outcome : null;
      const satStatus = checked ? checked.document : 'unverified';
      const satDetail = checked
        ? {
            cancellable: checked.cancellable,
            cancellation: checked.cancellation,
            efos: checked.efos,
            code: checked.rawCode,
          }
        : { reason: (outcome as { reason: string }).reason };
      const { findings, findingLevel } = await findingsFor(
        tx,
        organizationId,
        { ...row, satStatus },
        {
          lookup69b: deps.lookup69b,
          now,
        },
      );
      await tx
        .update(expenses)
        .set({ satStatus, satDetail, satCheckedAt: now(), findings, findingLevel, updatedAt: now() })
        .where(where);
    });
  }

  async function loadRow(organizationId: string, expenseId: string) {
    const [row] = await withTenant(db, { organizationId }, (tx) =>
      tx
        .select()
        .from(expenses)
        .where(and(eq(expenses.organizationId, organizationId), eq(expenses.id, expenseId))),
    );
    return row ?? null;
  }

  async function runJob(job: SatStatusJob, context: JobContext) {
    const row = await loadRow(job.organizationId, job.expenseId);
    if (!row) return;
    try {
      const outcome = await ask(row);
      if (outcome) await record(job.organizationId, job.expenseId, outcome);
    } catch (error) {
      if (!(error instanceof SatUnavailableError)) throw error;
      deps.log.warn({ err: error, expenseId: job.expenseId }, 'SAT status check failed');
      if (context.isLastAttempt)
        await record(job.organizationId, job.expenseId, { reason: SAT_UNAVAILABLE_REASON });
      else throw error; // pg-boss retries with backoff
    }
  }

  deps.jobs.register<SatStatusJob>(SAT_STATUS_JOB, runJob, { retryLimit: 6, retryDelaySeconds: 60 });

  return {
    /** After intake commits: queue the check (the expense shows "verificando en SAT…" meanwhile). */
    async enqueue(organizationId: string, expenseIds: readonly string[]) {
      // A slice at a time: an import of 10,000 files does not build its 10,000 jobs at once.
      for (let start = 0; start < expenseIds.length; start += ENQUEUE_SLICE) {
        await deps.jobs.sendMany<SatStatusJob>(
          SAT_STATUS_JOB,
          expenseIds.slice(start, start + ENQUEUE_SLICE).map((expenseId) => ({
            data: { organizationId, expenseId },
            options: { singletonKey: expenseId },
          })),
        );
      }
    },

    /** Re-check on demand (the person waits for SAT's answer). */
    async recheck(actor: Actor, expenseId: string) {
      const row = await loadRow(actor.organizationId, expenseId);
      if (!row) return;
      if (!row.cfdiUuid) {
        throw new AppError(
          'EXPENSE_WITHOUT_CFDI',
          409,
          'Este gasto no tiene CFDI: no hay nada que verificar en el SAT.',
        );
      }
      try {
        const outcome = await ask(row);
        if (outcome) await record(actor.organizationId, expenseId, outcome);
      } catch (error) {
        if (!(error instanceof SatUnavailableError)) throw error;
        throw new AppError(
          'SAT_UNAVAILABLE',
          503,
          'El SAT no responde en este momento: no verificado. Intenta de nuevo en unos minutos.',
          {
            headers: { 'retry-after': '120' },
          },
        );
      }
    },
  };
}

export type ExpenseSatStatus = ReturnType<typeof createExpenseSatStatus>;

import { and, desc, eq, lt } from 'drizzle-orm';
import { auditAs, recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { isUuid, newId } from '../../platform/db/ids.js';
import { AppError } from '../../platform/errors.js';
import { money, toCentavos } from '../../platform/money.js';
import { withTenant } from '../../platform/tenancy.js';
import type { FundsService } from '../funds/index.js';
import { findMemberById, memberNames } from '../organizations/index.js';
import { cashCountErrors } from './cash-counts.errors.js';
import { cashCounts, type DenominationCount } from './cash-counts.schema.js';
import { countedCash, normalizeCounts } from './denominations.js';

export interface CountCashInput {
  counts: DenominationCount[];
  witnessId?: string | null | undefined;
  notes?: string | null | undefined;
}

interface Page {
  limit: number;
  cursor?: string | undefined;
}

type CashCountRow = typeof cashCounts.$inferSelect;

export interface CashCountsDeps {
  db: Db;
  now?: () => Date;
  funds: Pick<FundsService, 'lockOperableFund' | 'appendMovement' | 'get'>;
}

export type CashCountResult = 'exact' | 'shortage' | 'overage';

const resultOf = (difference: string): CashCountResult => {
  const d = money(difference);
  return d.isZero() ? 'exact' : d.isNegative() ? 'shortage' : 'overage';
};

/** The count as the API shows it, with the names of the custodian, the witness and who recorded it. */
async function toViews(tx: Tx, organizationId: string, rows: readonly CashCountRow[]) {
  const names = await memberNames(
    tx,
    organizationId,
    rows.flatMap((row) => [row.custodianId, row.recordedBy, ...(row.witnessId ? [row.witnessId] : [])]),
  );
  const person = (id: string) => ({ id, name: names.get(id) ?? '' });
  return rows.map((row) => ({
    id: row.id,
    fundId: row.fundId,
    counts: row.counts,
    countedCash: row.countedCash,
    expectedCash: row.expectedCash,
    difference: row.difference,
    result: resultOf(row.difference),
    custodian: person(row.custodianId),
    witness: row.witnessId ? person(row.witnessId) : null,
    recordedBy: person(row.recordedBy),
    notes: row.notes,
    movementId: row.movementId,
    countedAt: row.countedAt,
  }));
}

export type CashCountView = Awaited<ReturnType<typeof toViews>>[number];

/** Arqueos: count a fund's cash by denomination; a difference becomes a shortage or overage movement. */
export function createCashCountsService(deps: CashCountsDeps) {
  const { db, funds } = deps;
  const now = deps.now ?? (() => new Date());
  const scope = (actor: Actor) => ({ organizationId: actor.organizationId, userId: actor.userId });

  async function requireWitness(tx: Tx, actor: Actor, witnessId: string, custodianId: string) {
    if (witnessId === custodianId) throw cashCountErrors.witnessIsCustodian();
    const witness = await findMemberById(tx, actor.organizationId, witnessId);
    if (!witness?.active) throw cashCountErrors.witnessInvalid();
  }

  return {
    /**
     * Records a count of an open fund by its custodian or a manager. The fund stays locked from
     * reading its cash (the expected amount) to recording the difference, so no spend slips between.
     */
    async countCash(actor: Actor, fundId: string, input: CountCashInput, origin: RequestOrigin) {
      return withTenant(db, scope(actor), async (tx) => {
        const fund = await funds.lockOperableFund(tx, actor, fundId);
        if (input.witnessId) await requireWitness(tx, actor, input.witnessId, fund.custodianId);
        const expected = money(fund.cash);
        const counted = countedCash(input.counts);
        const difference = counted.minus(expected);
        const id = newId();
        const notes = input.notes?.trim() || null;
        // Shortage: the missing cash becomes a voucher to recover (cash −d, pending +d). Overage: an
        // overage voucher (cash +d, pending −d); pending may go below zero, which the next
        // replenishment nets (its cash-count items may be negative).
        const movement = difference.isZero()
          ? null
          : await funds.appendMovement(
              tx,
              actor,
              fund,
              {
                kind: difference.isNegative() ? 'cash_count_shortage' : 'cash_count_overage',
                amount: toCentavos(difference.abs()),
              },
              { source: { type: 'cash_count', id }, memo: notes },
            );
        const [row] = await tx
          .insert(cashCounts)
          .values({
            organizationId: actor.organizationId,
            id,
            fundId: fund.id,
            counts: normalizeCounts(input.counts),
            countedCash: toCentavos(counted),
            expectedCash: toCentavos(expected),
            difference: toCentavos(difference),
            custodianId: fund.custodianId,
            witnessId: input.witnessId ?? null,
            recordedBy: actor.membershipId,
            notes,
            movementId: movement?.id ?? null,
            countedAt: now(),
          })
          .returning();
        if (!row) throw new Error('cash count insert returned nothing');
        const [view] = await toViews(tx, actor.organizationId, [row]);
        await recordAudit(tx, auditAs(actor), origin, {
          action: 'cash_count.recorded',
          targetType: 'cash_count',
          targetId: id,
          after: view,
        });
        return view as CashCountView;
      });
    },

    /** A fund's counts, newest first, keyset-paginated on the (time-ordered) id. */
    async listForFund(actor: Actor, fundId: string, page: Page) {
      await funds.get(actor, fundId);
      return withTenant(db, scope(actor), async (tx) => {
        const rows = await tx
          .select()
          .from(cashCounts)
          .where(
            and(
              eq(cashCounts.organizationId, actor.organizationId),
              eq(cashCounts.fundId, fundId),
              page.cursor && isUuid(page.cursor) ? lt(cashCounts.id, page.cursor) : undefined,
            ),
          )
          .orderBy(desc(cashCounts.id))
          .limit(page.limit + 1);
        const data = await toViews(tx, actor.organizationId, rows.slice(0, page.limit));
        return { data, nextCursor: rows.length > page.limit ? (data.at(-1)?.id ?? null) : null };
      });
    },

    /** One count; whoever may not see its fund gets "not found". */
    async get(actor: Actor, id: string): Promise<CashCountView> {
      const view = await withTenant(db, scope(actor), async (tx) => {
        const rows = await tx
          .select()
          .from(cashCounts)
          .where(and(eq(cashCounts.organizationId, actor.organizationId), eq(cashCounts.id, id)));
        return (await toViews(tx, actor.organizationId, rows))[0];
      });
      if (!view) throw cashCountErrors.cashCountNotFound();
      try {
        await funds.get(actor, view.fundId);
      } catch (error) {
        if (error instanceof AppError && error.status === 404) throw cashCountErrors.cashCountNotFound();
        throw error;
      }
      return view;
    },
  };
}

export type CashCountsService = ReturnType<typeof createCashCountsService>;

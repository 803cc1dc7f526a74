import { and, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { auditAs, recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import { PermissionDenied } from '../../platform/auth/permissions.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { isUuid, newId } from '../../platform/db/ids.js';
import { type Mailer, sendEach } from '../../platform/mail/mailer.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { money } from '../../platform/money.js';
import { withTenant } from '../../platform/tenancy.js';
import type { FundsService } from '../funds/index.js';
import { findMemberById } from '../organizations/index.js';
import { canSeeAdvance, canSeeAllAdvances, managesAdvances } from './advance-access.js';
import { settleAdvance } from './advance-settlement.js';
import { advanceDetail, toAdvanceViews } from './advance-views.js';
import { advanceErrors } from './advances.errors.js';
import { type ADVANCE_STATUSES, advances } from './advances.schema.js';

export interface HandOutAdvanceInput {
  employeeId: string;
  purpose: string;
  amount: string;
  method: 'fund_cash' | 'transfer';
  fundId?: string | null | undefined;
  transferReference?: string | null | undefined;
  dueDate: string;
  trip?: { scope: 'national' | 'abroad'; start: string; end: string } | undefined;
}

export interface AdvanceFilters {
  limit: number;
  cursor?: string | undefined;
  status?: (typeof ADVANCE_STATUSES)[number] | undefined;
  employeeId?: string | undefined;
}

export interface AdvancesDeps {
  db: Db;
  now?: () => Date;
  funds: Pick<
    FundsService,
    'lockOperableFund' | 'lockFundForMovement' | 'appendMovement' | 'custodiedFundIds'
  >;
  mailer: Mailer;
  config: Pick<Config, 'appUrl' | 'viaticos'>;
  log: { error(object: unknown, message: string): void };
}

/**
 * The next folio of the organization. Hand-outs of one organization take turns on a transaction
 * lock: two advances from different funds would otherwise race for one number.
 */
async function nextFolio(tx: Tx, organizationId: string): Promise<number> {
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`advance-folio:${organizationId}`}, 0))`,
  );
  const [row] = await tx
    .select({ last: sql<number | null>`max(${advances.folio})` })
    .from(advances)
    .where(eq(advances.organizationId, organizationId));
  return Number(row?.last ?? 0) + 1;
}

/** Advances (gastos por comprobar / viáticos): hand out, list, read, settle. */
export function createAdvancesService(deps: AdvancesDeps) {
  const { db, funds } = deps;
  const now = deps.now ?? (() => new Date());
  const scope = (actor: Actor) => ({ organizationId: actor.organizationId, userId: actor.userId });
  const today = () => mexicoCityDate(now());

  /** The advance if the actor may see it (404 otherwise), optionally locked for a settlement. */
  async function loadVisible(tx: Tx, actor: Actor, id: string, lock = false) {
    const query = tx
      .select()
      .from(advances)
      .where(and(eq(advances.organizationId, actor.organizationId), eq(advances.id, id)));
    const [row] = lock ? await query.for('update') : await query;
    const custodied = canSeeAllAdvances(actor) ? [] : await funds.custodiedFundIds(tx, actor);
    if (!row || !canSeeAdvance(actor, row, custodied)) throw advanceErrors.advanceNotFound();
    return row;
  }

  return {
    /**
     * Hands out an advance. In cash: from a fund the actor may operate (a manager, or its
     * custodian), cash → open advances in the ledger. By transfer: managers only, outside any fund.
     */
    async create(actor: Actor, input: HandOutAdvanceInput, origin: RequestOrigin) {
      if (input.dueDate < today()) throw advanceErrors.dueDateInPast();
      if (input.method === 'transfer' && !managesAdvances(actor)) throw new PermissionDenied('funds.manage');
      return withTenant(db, scope(actor), async (tx) => {
        const employee = await findMemberById(tx, actor.organizationId, input.employeeId);
        if (!employee?.active) throw advanceErrors.employeeInvalid();
        const fund =
          input.method === 'fund_cash' && input.fundId
            ? await funds.lockOperableFund(tx, actor, input.fundId)
            : null;
        if (input.method === 'fund_cash' && !fund) throw advanceErrors.fundRequired();
        if (fund && money(input.amount).greaterThan(fund.cash))
          throw advanceErrors.insufficientFunds(fund.cash, input.amount, 'advance');
        const id = newId();
        const folio = await nextFolio(tx, actor.organizationId);
        const movement = fund
          ? await funds.appendMovement(
              tx,
              actor,
              fund,
              { kind: 'advance_paid_in_cash', amount: input.amount },
              { source: { type: 'advance', id }, memo: `Anticipo ${folio} · ${input.purpose}` },
            )
          : null;
        const [row] = await tx
          .insert(advances)
          .values({
            organizationId: actor.organizationId,
            id,
            folio,
            employeeId: input.employeeId,
            purpose: input.purpose,
            amount: input.amount,
            method: input.method,
            fundId: fund?.id ?? null,
            transferReference: input.method === 'transfer' ? (input.transferReference ?? null) : null,
            dueDate: input.dueDate,
            tripScope: input.trip?.scope ?? null,
            tripStart: input.trip?.start ?? null,
            tripEnd: input.trip?.end ?? null,
            handedOutBy: actor.membershipId,
            handedOutAt: now(),
            movementId: movement?.id ?? null,
          })
          .returning();
        if (!row) throw new Error('advance insert returned nothing');
        const detail = await advanceDetail(tx, actor.organizationId, row, today());
        const { expenses: _, totals: __, preview: ___, ...view } = detail;
        await recordAudit(tx, auditAs(actor), origin, {
          action: 'advance.handed_out',
          targetType: 'advance',
          targetId: id,
          after: view,
        });
        return detail;
      });
    },

    /** Readers see every advance; others the ones they received and those of the funds they hold. */
    async list(actor: Actor, filters: AdvanceFilters) {
      return withTenant(db, scope(actor), async (tx) => {
        const conditions: (SQL | undefined)[] = [eq(advances.organizationId, actor.organizationId)];
        if (!canSeeAllAdvances(actor)) {
          const custodied = await funds.custodiedFundIds(tx, actor);
          conditions.push(
            or(
              eq(advances.employeeId, actor.membershipId),
              custodied.length > 0 ? inArray(advances.fundId, custodied) : undefined,
            ),
          );
        }
        if (filters.status) conditions.push(eq(advances.status, filters.status));
        if (filters.employeeId) conditions.push(eq(advances.employeeId, filters.employeeId));
        if (filters.cursor && isUuid(filters.cursor)) conditions.push(lt(advances.id, filters.cursor));
        const rows = await tx
          .select()
          .from(advances)
          .where(and(...conditions))
          .orderBy(desc(advances.id))
          .limit(filters.limit + 1);
        const data = await toAdvanceViews(tx, actor.organizationId, rows.slice(0, filters.limit), today());
        return { data, nextCursor: rows.length > filters.limit ? (data.at(-1)?.id ?? null) : null };
      });
    },

    /** One advance with the expenses spent against it, their totals and what settling would do. */
    async get(actor: Actor, id: string) {
      return withTenant(db, scope(actor), async (tx) =>
        advanceDetail(tx, actor.organizationId, await loadVisible(tx, actor, id), today()),
      );
    },

    /** Settles an advance with its approved expenses; the employee gets the settlement by email. */
    async settle(actor: Actor, id: string, input: { reference?: string | undefined }, origin: RequestOrigin) {
      const { detail, mail } = await withTenant(db, scope(actor), async (tx) => {
        const row = await loadVisible(tx, actor, id, true);
        return settleAdvance(tx, { ...deps, now, today }, actor, row, input, origin);
      });
      if (mail) await sendEach(deps.mailer, [mail], deps.log, 'advance settlement mail');
      return detail;
    },
  };
}

export type AdvancesService = ReturnType<typeof createAdvancesService>;

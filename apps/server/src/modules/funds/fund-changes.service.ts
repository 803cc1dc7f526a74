import { and, desc, eq } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { auditAs, recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import { rolesAllowedTo } from '../../platform/auth/permissions.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/pg-errors.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { fundChangeApprovalMail } from '../../platform/mail/templates.js';
import { formatPesos, money } from '../../platform/money.js';
import { withTenant } from '../../platform/tenancy.js';
import { activeMemberContactsWithRoles, memberNames } from '../organizations/index.js';
import { fundChangeApprovalThreshold } from '../policies/index.js';
import { appendMovement, type Fund, lockFund } from './fund-ledger.js';
import { fundErrors } from './funds.errors.js';
import { type FundChangeKind, fundChangeRequests, funds } from './funds.schema.js';
import { fundViewOf } from './funds.service.js';

export interface FundChange {
  kind: FundChangeKind;
  /** Increase/decrease: the amount; close: ignored (the fund's cash goes back). */
  amount?: string | undefined;
  memo?: string | undefined;
}

type ChangeRequestRow = typeof fundChangeRequests.$inferSelect;

const CHANGE_LABEL_ES: Record<FundChangeKind, string> = {
  increase: 'aumentar el fondo',
  decrease: 'disminuir el fondo',
  close: 'cerrar la caja',
};

const MOVEMENT_OF: Record<FundChangeKind, 'fund_increased' | 'fund_decreased' | 'fund_closed'> = {
  increase: 'fund_increased',
  decrease: 'fund_decreased',
  close: 'fund_closed',
};

/**
 * Increase, decrease and close a fund. Each is one audited ledger movement recorded by a manager;
 * when the organization's fund-change policy says so (an amount above its threshold), the change
 * first waits as a request that a second manager approves (which applies it) or rejects.
 */
export function createFundChangesService(deps: {
  db: Db;
  mailer: Mailer;
  config: Pick<Config, 'appUrl'>;
  now?: () => Date;
  log: { error(object: unknown, message: string): void };
}) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const scope = (actor: Actor) => ({ organizationId: actor.organizationId, userId: actor.userId });

  /** What the change moves: the requested amount, or for a close all the cash in the box. */
  function checkApplicable(fund: Fund, change: FundChange): string {
    if (fund.status !== 'open') throw fundErrors.fundClosed();
    if (change.kind === 'close') {
      if (!money(fund.pendingVouchers).isZero() || !money(fund.openAdvances).isZero()) {
        throw fundErrors.closeWithPending();
      }
      return fund.cash;
    }
    const amount = change.amount ?? '0';
    if (change.kind === 'decrease' && money(amount).greaterThan(fund.cash)) {
      throw fundErrors.decreaseTooLarge(fund.cash);
    }
    return amount;
  }

  /** Applies the change to the locked fund: its movement, and for a close the closed status. */
  async function apply(tx: Tx, actor: Actor, fund: Fund, change: FundChange, origin: RequestOrigin) {
    const amount = checkApplicable(fund, change);
    const before = await fundViewOf(tx, actor.organizationId, fund);
    const movement = money(amount).isZero()
      ? null
      : await appendMovement(
          tx,
          actor,
          fund,
          { kind: MOVEMENT_OF[change.kind], amount },
          { memo: change.memo },
        );
    if (change.kind === 'close') {
      await tx
        .update(funds)
        .set({ status: 'closed', closedAt: now(), updatedAt: now() })
        .where(and(eq(funds.organizationId, actor.organizationId), eq(funds.id, fund.id)));
    }
    const after = (await lockFund(tx, actor.organizationId, fund.id)) as Fund;
    const view = await fundViewOf(tx, actor.organizationId, after);
    await recordAudit(tx, auditAs(actor), origin, {
      action: { increase: 'fund.increased', decrease: 'fund.decreased', close: 'fund.closed' }[change.kind],
      targetType: 'fund',
      targetId: fund.id,
      before,
      after: { ...view, movementId: movement?.id ?? null },
    });
    return { view, movementId: movement?.id ?? null };
  }

  async function requestView(tx: Tx, organizationId: string, row: ChangeRequestRow) {
    const names = await memberNames(
      tx,
      organizationId,
      [row.requestedBy, row.decidedBy].filter((id): id is string => id !== null),
    );
    const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
    return {
      id: row.id,
      fundId: row.fundId,
      kind: row.kind,
      amount: row.amount,
      memo: row.memo,
      status: row.status,
      requestedBy: person(row.requestedBy) as { id: string; name: string },
      requestedAt: row.requestedAt,
      decidedBy: person(row.decidedBy),
      decidedAt: row.decidedAt,
      decisionReason: row.decisionReason,
      movementId: row.movementId,
    };
  }
  type RequestView = Awaited<ReturnType<typeof requestView>>;

  /** Writes to the managers who may decide (everyone but the requester); a lost mail is logged, not fatal. */
  async function askForApproval(actor: Actor, request: RequestView, fundName: string) {
    try {
      const managers = await withTenant(db, scope(actor), (tx) =>
        activeMemberContactsWithRoles(tx, actor.organizationId, rolesAllowedTo('funds.manage')),
      );
      const url = `${deps.config.appUrl}/app/fondos/${request.fundId}`;
      for (const manager of managers.filter((member) => member.id !== actor.membershipId)) {
        await deps.mailer.send(
          fundChangeApprovalMail(
            manager.email,
            manager.name,
            {
              requesterName: request.requestedBy.name,
              fundName,
              change: CHANGE_LABEL_ES[request.kind],
              amount: formatPesos(request.amount),
              memo: request.memo,
            },
            url,
          ),
        );
      }
    } catch (error) {
      deps.log.error({ err: error, requestId: request.id }, 'fund change approval mail failed');
    }
  }

  async function lockRequest(tx: Tx, actor: Actor, id: string) {
    const [row] = await tx
      .select()
      .from(fundChangeRequests)
      .where(and(eq(fundChangeRequests.organizationId, actor.organizationId), eq(fundChangeRequests.id, id)))
      .for('update');
    if (!row) throw fundErrors.changeRequestNotFound();
    if (row.status !== 'pending') throw fundErrors.changeAlreadyDecided(row.status);
    return row;
  }

  async function decide(
    tx: Tx,
    actor: Actor,
    row: ChangeRequestRow,
    decision: Pick<ChangeRequestRow, 'status' | 'decisionReason' | 'movementId'>,
    origin: RequestOrigin,
  ) {
    const [decided] = await tx
      .update(fundChangeRequests)
      .set({ ...decision, decidedBy: actor.membershipId, decidedAt: now() })
      .where(
        and(eq(fundChangeRequests.organizationId, actor.organizationId), eq(fundChangeRequests.id, row.id)),
      )
      .returning();
    if (!decided) throw fundErrors.changeRequestNotFound();
    const view = await requestView(tx, actor.organizationId, decided);
    await recordAudit(tx, auditAs(actor), origin, {
      action: `fund.change_${decided.status}`,
      targetType: 'fund_change_request',
      targetId: decided.id,
      before: await requestView(tx, actor.organizationId, row),
      after: view,
    });
    return view;
  }

  return {
    /**
     * Records the change now, or, above the policy's threshold, files it for a second manager.
     * Either way the fund is locked first, so the amount is judged against its current balances.
     */
    async change(actor: Actor, fundId: string, change: FundChange, origin: RequestOrigin) {
      const outcome = await withTenant(db, scope(actor), async (tx) => {
        const fund = await lockFund(tx, actor.organizationId, fundId);
        if (!fund) throw fundErrors.fundNotFound();
        const amount = checkApplicable(fund, change);
        const threshold = await fundChangeApprovalThreshold(tx, actor.organizationId);
        if (threshold === null || !money(amount).greaterThan(threshold)) {
          return { applied: true as const, fund: (await apply(tx, actor, fund, change, origin)).view };
        }
        const [row] = await tx
          .insert(fundChangeRequests)
          .values({
            organizationId: actor.organizationId,
            fundId,
            kind: change.kind,
            amount,
            memo: change.memo ?? null,
            requestedBy: actor.membershipId,
          })
          .returning()
          .catch((error: unknown) => {
            throw isUniqueViolation(error) ? fundErrors.changeAlreadyPending() : error;
          });
        if (!row) throw new Error('fund change request insert returned nothing');
        const request = await requestView(tx, actor.organizationId, row);
        await recordAudit(tx, auditAs(actor), origin, {
          action: 'fund.change_requested',
          targetType: 'fund_change_request',
          targetId: row.id,
          after: request,
        });
        return { applied: false as const, request, fundName: fund.name };
      });
      if (outcome.applied) return outcome;
      await askForApproval(actor, outcome.request, outcome.fundName);
      return { applied: false as const, request: outcome.request };
    },

    /** Requests of the organization (or one fund), newest first; pending ones are what managers act on. */
    async list(
      actor: Actor,
      filter: { fundId?: string | undefined; status?: ChangeRequestRow['status'] | undefined },
    ) {
      return withTenant(db, scope(actor), async (tx) => {
        const rows = await tx
          .select()
          .from(fundChangeRequests)
          .where(
            and(
              eq(fundChangeRequests.organizationId, actor.organizationId),
              filter.fundId ? eq(fundChangeRequests.fundId, filter.fundId) : undefined,
              filter.status ? eq(fundChangeRequests.status, filter.status) : undefined,
            ),
          )
          .orderBy(desc(fundChangeRequests.id))
          .limit(200);
        return { data: await Promise.all(rows.map((row) => requestView(tx, actor.organizationId, row))) };
      });
    },

    /** A second manager approves: the change is applied now, against the fund's balances of now. */
    async approve(actor: Actor, id: string, origin: RequestOrigin) {
      return withTenant(db, scope(actor), async (tx) => {
        const row = await lockRequest(tx, actor, id);
        if (row.requestedBy === actor.membershipId) throw fundErrors.ownChangeRequest();
        const fund = await lockFund(tx, actor.organizationId, row.fundId);
        if (!fund) throw fundErrors.fundNotFound();
        const change = { kind: row.kind, amount: row.amount, memo: row.memo ?? undefined };
        const applied = await apply(tx, actor, fund, change, origin);
        const request = await decide(
          tx,
          actor,
          row,
          { status: 'approved', decisionReason: null, movementId: applied.movementId },
          origin,
        );
        return { request, fund: applied.view };
      });
    },

    /** Another manager rejects it (with a reason); the requester may cancel their own. */
    async reject(actor: Actor, id: string, reason: string | undefined, origin: RequestOrigin) {
      return withTenant(db, scope(actor), async (tx) => {
        const row = await lockRequest(tx, actor, id);
        const own = row.requestedBy === actor.membershipId;
        if (!own && !reason) throw fundErrors.rejectionReasonRequired();
        return decide(
          tx,
          actor,
          row,
          { status: own ? 'canceled' : 'rejected', decisionReason: reason ?? null, movementId: null },
          origin,
        );
      });
    },
  };
}

export type FundChangesService = ReturnType<typeof createFundChangesService>;

import { and, eq } from 'drizzle-orm';
import { auditAs, recordAudit, recordAuditMany } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { sumMoney, toCentavos } from '../../platform/money.js';
import { withTenant } from '../../platform/tenancy.js';
import type { ExpenseSatStatus } from '../expenses/index.js';
import { appendMovement } from '../funds/fund-ledger.js';
import { loadVisible, lockForDecision, requireMayAct } from './replenishment-access.js';
import { markExpensesReplenished } from './replenishment-expenses.js';
import { activeItemsOf, setReplenishment } from './replenishment-rows.js';
import { cfdiExpenseIds, recheckAtSat, satCancelledVouchers } from './replenishment-sat.js';
import { detailView, type Header } from './replenishment-views.js';
import { replenishmentErrors } from './replenishments.errors.js';
import { replenishmentItems } from './replenishments.schema.js';

export interface DecisionDeps {
  db: Db;
  now?: (() => Date) | undefined;
  satStatus: Pick<ExpenseSatStatus, 'recheck'>;
  log: { warn(object: unknown, message: string): void };
}

export interface PaymentInput {
  paymentDate: string;
  reference: string;
}

/** Re-check at SAT, exclude a voucher, approve, record the payment, cancel. */
export function createReplenishmentDecisions(deps: DecisionDeps & { now: () => Date }) {
  const { db, now } = deps;
  const scope = (actor: Actor) => ({ organizationId: actor.organizationId, userId: actor.userId });

  /** Runs the change in one transaction and answers the replenishment as it is after it. */
  function decide(
    actor: Actor,
    id: string,
    change: (tx: Tx, header: Header) => Promise<Record<string, unknown>>,
    action: string,
    origin: RequestOrigin,
  ) {
    return withTenant(db, scope(actor), async (tx) => {
      const before = await loadVisible(tx, actor, id);
      const details = await change(tx, before);
      const after = await detailView(tx, actor.organizationId, await loadVisible(tx, actor, id));
      await recordAudit(tx, auditAs(actor), origin, {
        action: `replenishment.${action}`,
        targetType: 'replenishment',
        targetId: id,
        before: { status: before.row.status, total: before.row.total },
        after: { status: after.status, total: after.total, ...details },
      });
      return after;
    });
  }

  /** Asks SAT about every included CFDI (outside any transaction); stamps the check when SAT answered all. */
  async function satCheck(actor: Actor, id: string, origin: RequestOrigin, guard?: (header: Header) => void) {
    const { expenseIds } = await withTenant(db, scope(actor), async (tx) => {
      const header = await loadVisible(tx, actor, id);
      guard?.(header);
      if (header.row.status !== 'requested' && header.row.status !== 'approved')
        throw replenishmentErrors.invalidState(header.row.folio, header.row.status, 'verificar en el SAT');
      return { expenseIds: await cfdiExpenseIds(tx, actor.organizationId, id) };
    });
    const outcome = await recheckAtSat(deps.satStatus, actor, expenseIds, deps.log);
    if (outcome.unavailable > 0) return outcome;
    await decide(
      actor,
      id,
      async (tx) => {
        await setReplenishment(tx, actor.organizationId, id, { satCheckedAt: now() });
        return { satChecked: expenseIds.length };
      },
      'sat_checked',
      origin,
    );
    return outcome;
  }

  const reload = (actor: Actor, id: string) =>
    withTenant(db, scope(actor), async (tx) =>
      detailView(tx, actor.organizationId, await loadVisible(tx, actor, id)),
    );

  return {
    /** On demand: SAT's answer for every included CFDI; a cancelled one is flagged on its item. */
    async checkAtSat(actor: Actor, id: string, origin: RequestOrigin) {
      const outcome = await satCheck(actor, id, origin, (header) => requireMayAct(actor, header));
      if (outcome.unavailable > 0) throw replenishmentErrors.satUnavailable(outcome.unavailable);
      return reload(actor, id);
    },

    /** Takes one voucher out while the replenishment waits for approval; the total follows. */
    excludeItem(actor: Actor, id: string, itemId: string, reason: string, origin: RequestOrigin) {
      return decide(
        actor,
        id,
        async (tx, header) => {
          requireMayAct(actor, header);
          const { row } = await lockForDecision(tx, actor, header, ['requested'], 'excluir comprobantes');
          const items = await tx
            .select()
            .from(replenishmentItems)
            .where(activeItemsOf(actor.organizationId, id));
          const item = items.find((candidate) => candidate.id === itemId);
          if (!item) throw replenishmentErrors.itemNotFound();
          const total = sumMoney(items.filter((other) => other.id !== itemId).map((other) => other.amount));
          if (total.lessThanOrEqualTo(0)) throw replenishmentErrors.lastItem();
          await tx
            .update(replenishmentItems)
            .set({ active: false, excludedReason: reason })
            .where(
              and(
                eq(replenishmentItems.organizationId, actor.organizationId),
                eq(replenishmentItems.id, itemId),
              ),
            );
          await setReplenishment(tx, actor.organizationId, row.id, { total: toCentavos(total) });
          return { excludedItem: itemId, reason };
        },
        'item_excluded',
        origin,
      );
    },

    /** SAT is asked first; approval is refused while a CFDI SAT reports cancelled is still included. */
    async approve(actor: Actor, id: string, origin: RequestOrigin) {
      const guard = (header: Header) => {
        if (header.row.status !== 'requested')
          throw replenishmentErrors.invalidState(header.row.folio, header.row.status, 'aprobar');
        if (header.row.requestedBy === actor.membershipId) throw replenishmentErrors.ownRequest();
      };
      await satCheck(actor, id, origin, guard);
      return decide(
        actor,
        id,
        async (tx, header) => {
          guard(header);
          const { row } = await lockForDecision(tx, actor, header, ['requested'], 'aprobar');
          const cancelled = await satCancelledVouchers(tx, actor.organizationId, id);
          if (cancelled.length > 0) throw replenishmentErrors.satCancelledIncluded(cancelled);
          await setReplenishment(tx, actor.organizationId, row.id, {
            status: 'approved',
            approvedBy: actor.membershipId,
            approvedAt: now(),
          });
          return {};
        },
        'approved',
        origin,
      );
    },

    /** The transfer to the custodian: the fund's cash comes back and the vouchers are replenished. */
    pay(actor: Actor, id: string, input: PaymentInput, origin: RequestOrigin) {
      return decide(
        actor,
        id,
        async (tx, header) => {
          const { fund, row } = await lockForDecision(tx, actor, header, ['approved'], 'registrar el pago');
          if (input.paymentDate > mexicoCityDate(now())) throw replenishmentErrors.paymentDate('future');
          if (input.paymentDate < mexicoCityDate(row.requestedAt))
            throw replenishmentErrors.paymentDate('before_request');
          const movement = await appendMovement(
            tx,
            actor,
            fund,
            { kind: 'replenishment_paid', amount: row.total },
            { source: { type: 'replenishment', id }, memo: `Reposición ${row.folio} · ${input.reference}` },
          );
          const replenished = await markExpensesReplenished(tx, actor.organizationId, id, now());
          await setReplenishment(tx, actor.organizationId, row.id, {
            status: 'paid',
            paidBy: actor.membershipId,
            paidAt: now(),
            paymentDate: input.paymentDate,
            paymentReference: input.reference,
            movementId: movement.id,
          });
          await recordAuditMany(
            tx,
            auditAs(actor),
            origin,
            replenished.map((expenseId) => ({
              action: 'expense.replenished',
              targetType: 'expense',
              targetId: expenseId,
              before: { status: 'approved' },
              after: { status: 'replenished', replenishmentId: id },
            })),
          );
          return { movementId: movement.id, paymentDate: input.paymentDate, reference: input.reference };
        },
        'paid',
        origin,
      );
    },

    /** Before it is paid: its vouchers are free again for another replenishment. */
    cancel(actor: Actor, id: string, reason: string, origin: RequestOrigin) {
      return decide(
        actor,
        id,
        async (tx, header) => {
          requireMayAct(actor, header);
          await lockForDecision(tx, actor, header, ['requested', 'approved'], 'cancelar');
          await setReplenishment(tx, actor.organizationId, id, {
            status: 'canceled',
            canceledBy: actor.membershipId,
            canceledAt: now(),
            cancelReason: reason,
          });
          await tx
            .update(replenishmentItems)
            .set({ active: false })
            .where(activeItemsOf(actor.organizationId, id));
          return { reason };
        },
        'canceled',
        origin,
      );
    },
  };
}

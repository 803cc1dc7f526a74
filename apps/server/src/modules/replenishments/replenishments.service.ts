import { and, eq, lt } from 'drizzle-orm';
import { auditAs, recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import { sumMoney, toCentavos } from '../../platform/money.js';
import { withTenant } from '../../platform/tenancy.js';
import { canReadAnyFund, canReadFund } from '../funds/fund-access.js';
import { funds } from '../funds/funds.schema.js';
import { fundErrors } from '../funds/index.js';
import { memberNames } from '../organizations/index.js';
import { loadVisible, lockRequestableFund } from './replenishment-access.js';
import { insertReplenishment } from './replenishment-create.js';
import { createReplenishmentDecisions, type DecisionDeps } from './replenishment-decisions.js';
import { pickedVouchers } from './replenishment-picked.js';
import { detailView, headerQuery, peopleOf, toHeaderView, voucherView } from './replenishment-views.js';
import { defaultVouchers, eligibleVouchers } from './replenishment-vouchers.js';
import type { ReplenishmentStatus } from './replenishments.schema.js';
import { replenishments } from './replenishments.schema.js';

export interface RequestInput {
  fundId: string;
  /** Omit both lists for every eligible voucher; give either to pick exactly those. */
  expenseIds?: string[] | undefined;
  cashCountIds?: string[] | undefined;
}

export interface ReplenishmentFilters {
  limit: number;
  cursor?: string | undefined;
  fundId?: string | undefined;
  status?: ReplenishmentStatus | undefined;
}

/** Reposiciones: request one for a fund's vouchers, read them, and decide on them (decisions file). */
export function createReplenishmentsService(deps: DecisionDeps & { db: Db }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const scope = (actor: Actor) => ({ organizationId: actor.organizationId, userId: actor.userId });

  return {
    /** Newest first; a custodian sees only the replenishments of the funds they hold. */
    async list(actor: Actor, filters: ReplenishmentFilters) {
      return withTenant(db, scope(actor), async (tx) => {
        const rows = await headerQuery(
          tx,
          actor.organizationId,
          and(
            canReadAnyFund(actor) ? undefined : eq(funds.custodianId, actor.membershipId),
            filters.fundId ? eq(replenishments.fundId, filters.fundId) : undefined,
            filters.status ? eq(replenishments.status, filters.status) : undefined,
            filters.cursor ? lt(replenishments.id, filters.cursor) : undefined,
          ),
          filters.limit + 1,
        );
        const page = rows.slice(0, filters.limit);
        const names = await memberNames(tx, actor.organizationId, peopleOf(page.map((header) => header.row)));
        return {
          data: page.map((header) => toHeaderView(header, names)),
          nextCursor: rows.length > filters.limit ? (page.at(-1)?.row.id ?? null) : null,
        };
      });
    },

    async get(actor: Actor, id: string) {
      return withTenant(db, scope(actor), async (tx) =>
        detailView(tx, actor.organizationId, await loadVisible(tx, actor, id)),
      );
    },

    /** What a request for this fund would include: every waiting voucher, and the default total. */
    async eligible(actor: Actor, fundId: string) {
      return withTenant(db, scope(actor), async (tx) => {
        const [fund] = await tx
          .select()
          .from(funds)
          .where(and(eq(funds.organizationId, actor.organizationId), eq(funds.id, fundId)));
        if (!fund || !canReadFund(actor, fund)) throw fundErrors.fundNotFound();
        const vouchers = await eligibleVouchers(tx, actor.organizationId, fundId);
        return {
          fund: { id: fund.id, name: fund.name },
          vouchers: vouchers.map(voucherView),
          defaultTotal: toCentavos(sumMoney(defaultVouchers(vouchers).map((voucher) => voucher.amount))),
        };
      });
    },

    /** The custodian (or a manager) asks for the fund's vouchers to be replenished. */
    async request(actor: Actor, input: RequestInput, origin: RequestOrigin) {
      return withTenant(db, scope(actor), async (tx) => {
        const fund = await lockRequestableFund(tx, actor, input.fundId);
        const picked = input.expenseIds !== undefined || input.cashCountIds !== undefined;
        const vouchers = picked
          ? await pickedVouchers(tx, actor.organizationId, fund.id, {
              expenseIds: input.expenseIds ?? [],
              cashCountIds: input.cashCountIds ?? [],
            })
          : defaultVouchers(await eligibleVouchers(tx, actor.organizationId, fund.id));
        const row = await insertReplenishment(tx, {
          organizationId: actor.organizationId,
          fund,
          vouchers,
          automatic: false,
          requestedBy: actor.membershipId,
          at: now(),
        });
        const view = await detailView(tx, actor.organizationId, await loadVisible(tx, actor, row.id));
        await recordAudit(tx, auditAs(actor), origin, {
          action: 'replenishment.requested',
          targetType: 'replenishment',
          targetId: row.id,
          after: { folio: row.folio, fundId: fund.id, total: row.total, vouchers: vouchers.map((v) => v.id) },
        });
        return view;
      });
    },

    ...createReplenishmentDecisions({ ...deps, now }),
  };
}

export type ReplenishmentsService = ReturnType<typeof createReplenishmentsService>;

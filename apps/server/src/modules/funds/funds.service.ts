import { and, asc, desc, eq, gt, lt } from 'drizzle-orm';
import { auditAs, recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/pg-errors.js';
import { money } from '../../platform/money.js';
import { withTenant } from '../../platform/tenancy.js';
import { requireActiveCostCenter } from '../categories/index.js';
import { findMemberById, memberNames } from '../organizations/index.js';
import { canOperateFund, canReadAnyFund, canReadFund } from './fund-access.js';
import { appendMovement, appendMovements, type Fund, type FundMovement, lockFund } from './fund-ledger.js';
import { fundErrors } from './funds.errors.js';
import { fundMovements, funds } from './funds.schema.js';

export interface CreateFundInput {
  name: string;
  custodianId: string;
  authorizedAmount: string;
  costCenterId?: string | null | undefined;
  replenishmentThreshold?: string | undefined;
}

export type UpdateFundInput = Partial<Omit<CreateFundInput, 'authorizedAmount'>>;

interface Page {
  limit: number;
  cursor?: string | undefined;
}

export function toFundView(fund: Fund, custodianName: string) {
  return {
    id: fund.id,
    name: fund.name,
    custodian: { id: fund.custodianId, name: custodianName },
    costCenterId: fund.costCenterId,
    currency: 'MXN' as const,
    authorizedAmount: fund.authorizedAmount,
    cash: fund.cash,
    pendingVouchers: fund.pendingVouchers,
    openAdvances: fund.openAdvances,
    replenishmentThreshold: fund.replenishmentThreshold,
    /** Cash at or under the threshold: time to ask for a replenishment. */
    needsReplenishment:
      fund.status === 'open' && money(fund.cash).lessThanOrEqualTo(fund.replenishmentThreshold),
    status: fund.status,
    createdAt: fund.createdAt,
    closedAt: fund.closedAt,
  };
}

/** The fund as the API shows it, with its custodian's name. */
export async function fundViewOf(tx: Tx, organizationId: string, fund: Fund) {
  const names = await memberNames(tx, organizationId, [fund.custodianId]);
  return toFundView(fund, names.get(fund.custodianId) ?? '');
}

export type FundView = ReturnType<typeof toFundView>;

function toMovementView(row: FundMovement) {
  const { organizationId: _, fundId: __, ...rest } = row;
  return rest;
}

/** Funds (cajas chicas): open, adjust and close them; read them and their ledger. */
export function createFundsService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const scope = (actor: Actor) => ({ organizationId: actor.organizationId, userId: actor.userId });

  async function requireCustodian(tx: Tx, actor: Actor, membershipId: string) {
    const member = await findMemberById(tx, actor.organizationId, membershipId);
    if (!member?.active) throw fundErrors.custodianInvalid();
    return member;
  }

  async function readableFund(tx: Tx, actor: Actor, id: string): Promise<Fund> {
    const [fund] = await tx
      .select()
      .from(funds)
      .where(and(eq(funds.organizationId, actor.organizationId), eq(funds.id, id)));
    if (!fund || !canReadFund(actor, fund)) throw fundErrors.fundNotFound();
    return fund;
  }

  const viewOf = (tx: Tx, actor: Actor, fund: Fund) => fundViewOf(tx, actor.organizationId, fund);

  async function withUniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw fundErrors.nameTaken(name);
      throw error;
    }
  }

  return {
    /** Readers see every fund; a custodian sees the funds they hold. */
    async list(actor: Actor, page: Page) {
      return withTenant(db, scope(actor), async (tx) => {
        const rows = await tx
          .select()
          .from(funds)
          .where(
            and(
              eq(funds.organizationId, actor.organizationId),
              canReadAnyFund(actor) ? undefined : eq(funds.custodianId, actor.membershipId),
              page.cursor ? gt(funds.id, page.cursor) : undefined,
            ),
          )
          .orderBy(asc(funds.id))
          .limit(page.limit + 1);
        const pageRows = rows.slice(0, page.limit);
        const names = await memberNames(
          tx,
          actor.organizationId,
          pageRows.map((row) => row.custodianId),
        );
        return {
          data: pageRows.map((row) => toFundView(row, names.get(row.custodianId) ?? '')),
          nextCursor: rows.length > page.limit ? (pageRows.at(-1)?.id ?? null) : null,
        };
      });
    },

    async get(actor: Actor, id: string) {
      return withTenant(db, scope(actor), async (tx) => viewOf(tx, actor, await readableFund(tx, actor, id)));
    },

    /** Opens a fund: the fund and its opening movement (cash handed to the custodian) in one transaction. */
    async create(actor: Actor, input: CreateFundInput, origin: RequestOrigin) {
      return withTenant(db, scope(actor), (tx) =>
        withUniqueName(input.name, async () => {
          await requireCustodian(tx, actor, input.custodianId);
          if (input.costCenterId) await requireActiveCostCenter(tx, actor.organizationId, input.costCenterId);
          const [created] = await tx
            .insert(funds)
            .values({
              organizationId: actor.organizationId,
              name: input.name,
              custodianId: input.custodianId,
              costCenterId: input.costCenterId ?? null,
              replenishmentThreshold: input.replenishmentThreshold ?? '0',
            })
            .returning();
          if (!created) throw new Error('fund insert returned nothing');
          const fund = (await lockFund(tx, actor.organizationId, created.id)) as Fund;
          await appendMovement(tx, actor, fund, { kind: 'fund_opened', amount: input.authorizedAmount });
          const view = await viewOf(tx, actor, fund);
          await recordAudit(tx, auditAs(actor), origin, {
            action: 'fund.opened',
            targetType: 'fund',
            targetId: fund.id,
            after: view,
          });
          return view;
        }),
      );
    },

    async update(actor: Actor, id: string, input: UpdateFundInput, origin: RequestOrigin) {
      return withTenant(db, scope(actor), (tx) =>
        withUniqueName(input.name ?? '', async () => {
          const before = await lockFund(tx, actor.organizationId, id);
          if (!before) throw fundErrors.fundNotFound();
          if (before.status !== 'open') throw fundErrors.fundClosed();
          if (input.custodianId) await requireCustodian(tx, actor, input.custodianId);
          if (input.costCenterId) await requireActiveCostCenter(tx, actor.organizationId, input.costCenterId);
          const [after] = await tx
            .update(funds)
            .set({ ...input, updatedAt: now() })
            .where(and(eq(funds.organizationId, actor.organizationId), eq(funds.id, id)))
            .returning();
          if (!after) throw fundErrors.fundNotFound();
          const view = await viewOf(tx, actor, after);
          await recordAudit(tx, auditAs(actor), origin, {
            action: 'fund.updated',
            targetType: 'fund',
            targetId: id,
            before: await viewOf(tx, actor, before),
            after: view,
          });
          return view;
        }),
      );
    },

    /** The ledger, newest first, keyset-paginated on the fund's movement sequence. */
    async listMovements(actor: Actor, id: string, page: Page) {
      return withTenant(db, scope(actor), async (tx) => {
        await readableFund(tx, actor, id);
        const before = page.cursor ? Number.parseInt(page.cursor, 10) : undefined;
        const rows = await tx
          .select()
          .from(fundMovements)
          .where(
            and(
              eq(fundMovements.organizationId, actor.organizationId),
              eq(fundMovements.fundId, id),
              before !== undefined && Number.isFinite(before)
                ? lt(fundMovements.sequence, before)
                : undefined,
            ),
          )
          .orderBy(desc(fundMovements.sequence))
          .limit(page.limit + 1);
        const data = rows.slice(0, page.limit).map(toMovementView);
        return { data, nextCursor: rows.length > page.limit ? String(data.at(-1)?.sequence) : null };
      });
    },

    /**
     * For other modules, inside their transaction: locks the fund the actor may operate
     * (custodian or manager) and that is open. Another organization's fund is not found.
     */
    async lockOperableFund(tx: Tx, actor: Actor, id: string): Promise<Fund> {
      const fund = await lockFund(tx, actor.organizationId, id);
      if (!fund || !canReadFund(actor, fund)) throw fundErrors.fundNotFound();
      if (!canOperateFund(actor, fund)) throw fundErrors.notCustodian();
      if (fund.status !== 'open') throw fundErrors.fundClosed();
      return fund;
    },

    /** Locks a fund for a movement caused by a decision elsewhere (e.g. an approver's), without custody checks. */
    async lockFundForMovement(tx: Tx, actor: Actor, id: string): Promise<Fund> {
      const fund = await lockFund(tx, actor.organizationId, id);
      if (!fund) throw fundErrors.fundNotFound();
      return fund;
    },

    /** Ids of the funds the actor holds as custodian (to show them the expenses of those funds). */
    async custodiedFundIds(tx: Tx, actor: Actor): Promise<string[]> {
      const rows = await tx
        .select({ id: funds.id })
        .from(funds)
        .where(
          and(eq(funds.organizationId, actor.organizationId), eq(funds.custodianId, actor.membershipId)),
        );
      return rows.map((row) => row.id);
    },

    appendMovement,
    appendMovements,
  };
}

export type FundsService = ReturnType<typeof createFundsService>;

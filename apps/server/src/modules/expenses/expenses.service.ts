import { and, desc, eq, gte, inArray, lt, lte, or, type SQL } from 'drizzle-orm';
import { auditAs, recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/permissions.js';
import { bulkInsert } from '../../platform/db/bulk-insert.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { money, sumMoney, toCentavos } from '../../platform/money.js';
import { withTenant } from '../../platform/tenancy.js';
import {
  approvalStepsView,
  awaitingDecisionBy,
  decideCurrentStep,
  startApproval,
} from '../approvals/index.js';
import { requireActiveCategory, requireActiveCostCenter } from '../categories/index.js';
import type { Fund, FundsService } from '../funds/index.js';
import { memberNames } from '../organizations/index.js';
import { canChangeExpense, canSeeAllExpenses, canSeeExpense, isOwnExpense } from './expense-access.js';
import {
  type FindingLoaders,
  findingsFor,
  type Supplier69bLookup,
  transactionFindingLoaders,
} from './expense-findings.js';
import { allowsAction, type ExpenseAction, nextStatus, type PaymentMethod } from './expense-status.js';
import { type ExpenseRow, toExpenseView } from './expense-views.js';
import { expenseErrors } from './expenses.errors.js';
import { expenses } from './expenses.schema.js';

export interface ManualExpenseInput {
  fundId?: string | null | undefined;
  date: string;
  concept: string;
  categoryId?: string | null | undefined;
  costCenterId?: string | null | undefined;
  supplier?: { rfc?: string | null | undefined; name?: string | null | undefined } | undefined;
  subtotal: string;
  discount?: string | undefined;
  taxes?:
    | Partial<Record<'ivaTransferred' | 'iepsTransferred' | 'isrWithheld' | 'ivaWithheld', string>>
    | undefined;
  total: string;
  paymentMethod: PaymentMethod;
  /** Spent against this advance (gasto por comprobar): paid with its money, settled with it. */
  advanceId?: string | null | undefined;
  travelKind?: ExpenseRow['travelKind'] | undefined;
}

export type ExpensePatch = Partial<
  Pick<
    ManualExpenseInput,
    | 'fundId'
    | 'date'
    | 'concept'
    | 'categoryId'
    | 'costCenterId'
    | 'paymentMethod'
    | 'advanceId'
    | 'travelKind'
  >
>;

/**
 * What expenses need of advances (declared here, filled in by the advances module in app.ts):
 * check an expense may go against an advance, and keep the advance's viáticos findings current.
 */
export interface AdvanceLink {
  /** Locks the expense's advance, if any, before the expense: expenses of one advance change one at a time. */
  lockAdvanceOf(tx: Tx, organizationId: string, expenseId: string): Promise<void>;
  /** The advance is open and the spender's; answers the fund its cash came from (null: a transfer). */
  attach(
    tx: Tx,
    actor: Actor,
    advanceId: string,
    expense: Pick<ExpenseRow, 'spenderId' | 'paymentMethod'>,
  ): Promise<{ fundId: string | null }>;
  /** Recomputes the viáticos findings of these advances; answers the expense's findings afterwards. */
  refresh(
    tx: Tx,
    organizationId: string,
    expenseId: string,
    advanceIds: readonly (string | null)[],
  ): Promise<Pick<ExpenseRow, 'findings' | 'findingLevel'> | null>;
}

export interface ExpenseFilters {
  limit: number;
  cursor?: string | undefined;
  fundId?: string | undefined;
  status?: ExpenseRow['status'] | undefined;
  categoryId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  findings?: 'none' | 'warnings' | 'errors' | undefined;
  invoicePending?: boolean | undefined;
  /** Only submitted expenses whose current approval level the actor may decide (their inbox). */
  awaitingMyApproval?: boolean | undefined;
}

export interface ExpensesDeps {
  db: Db;
  now?: () => Date;
  funds: Pick<
    FundsService,
    'lockOperableFund' | 'lockFundForMovement' | 'appendMovement' | 'appendMovements' | 'custodiedFundIds'
  >;
  lookup69b: Supplier69bLookup;
  advances: AdvanceLink;
  /**
   * Told after an expense paid from a fund's cash is approved (committed): a new voucher may make
   * the fund due for its automatic replenishment.
   */
  onFundVoucherApproved?: (organizationId: string, fundId: string) => Promise<unknown>;
}

/** A person's expense date: not in the future, not older than the five years records are kept. */
function checkExpenseDate(date: string, at: Date) {
  const today = mexicoCityDate(at);
  if (date > today) throw expenseErrors.dateOutOfRange('future');
  if (date < `${Number.parseInt(today.slice(0, 4), 10) - 5}${today.slice(4)}`)
    throw expenseErrors.dateOutOfRange('too_old');
}

/** The fund cash an expense took out of a box, if any: what a change of its draft must move back. */
const PAST_TENSE: Record<ExpenseAction, string> = {
  edit: 'updated',
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  discard: 'discarded',
  replenish: 'replenished',
};

const cashTaken = (row: Pick<ExpenseRow, 'paymentMethod' | 'fundId' | 'totalMxn'>) =>
  row.paymentMethod === 'fund_cash' && row.fundId ? { fundId: row.fundId, amount: row.totalMxn } : null;

/** Expenses: record (by hand or from a CFDI), list, change drafts, and move them through their lifecycle. */
export function createExpensesService(deps: ExpensesDeps) {
  const { db, funds } = deps;
  const now = deps.now ?? (() => new Date());
  const scope = (actor: Actor) => ({ organizationId: actor.organizationId, userId: actor.userId });

  const withFindings = (tx: Tx, actor: Actor, expense: Parameters<typeof findingsFor>[2]) =>
    findingsFor(tx, actor.organizationId, expense, { lookup69b: deps.lookup69b, now });

  async function view(tx: Tx, actor: Actor, row: ExpenseRow) {
    return toExpenseView(row, await memberNames(tx, actor.organizationId, [row.spenderId]));
  }

  async function loadVisible(tx: Tx, actor: Actor, id: string, lock = false) {
    const query = tx
      .select()
      .from(expenses)
      .where(and(eq(expenses.organizationId, actor.organizationId), eq(expenses.id, id)));
    const [row] = lock ? await query.for('update') : await query;
    const custodied = canSeeAllExpenses(actor) ? [] : await funds.custodiedFundIds(tx, actor);
    if (!row || !canSeeExpense(actor, row, custodied)) throw expenseErrors.expenseNotFound();
    return { row, custodied };
  }

  /** Takes the expense's cash out of its fund (the box pays when the expense is recorded). */
  async function takeCash(
    tx: Tx,
    actor: Actor,
    row: Pick<ExpenseRow, 'id' | 'paymentMethod' | 'fundId' | 'totalMxn'>,
    lockedFund: Fund | null = null,
  ) {
    const taken = cashTaken(row);
    if (!taken) return;
    // A fund this transaction already locked (an import batch) is not locked again.
    const fund =
      lockedFund?.id === taken.fundId ? lockedFund : await funds.lockOperableFund(tx, actor, taken.fundId);
    await funds.appendMovement(
      tx,
      actor,
      fund,
      { kind: 'expense_paid_from_fund', amount: taken.amount },
      {
        source: { type: 'expense', id: row.id },
      },
    );
  }

  async function putCashBack(tx: Tx, actor: Actor, row: ExpenseRow) {
    const taken = cashTaken(row);
    if (!taken) return;
    const fund = await funds.lockFundForMovement(tx, actor, taken.fundId);
    await funds.appendMovement(
      tx,
      actor,
      fund,
      { kind: 'expense_discarded', amount: taken.amount },
      {
        source: { type: 'expense', id: row.id },
      },
    );
  }

  async function transition(
    actor: Actor,
    id: string,
    action: Exclude<ExpenseAction, 'edit' | 'replenish'>,
    origin: RequestOrigin,
    reason?: string,
  ) {
    const view = await transitionInTransaction(actor, id, action, origin, reason);
    if (view.status === 'approved' && view.paymentMethod === 'fund_cash' && view.fundId) {
      await deps.onFundVoucherApproved?.(actor.organizationId, view.fundId);
    }
    return view;
  }

  async function transitionInTransaction(
    actor: Actor,
    id: string,
    action: Exclude<ExpenseAction, 'edit' | 'replenish'>,
    origin: RequestOrigin,
    reason?: string,
  ) {
    return withTenant(db, scope(actor), async (tx) => {
      await deps.advances.lockAdvanceOf(tx, actor.organizationId, id);
      const { row, custodied } = await loadVisible(tx, actor, id, true);
      const decision = action === 'approve' || action === 'reject';
      if (decision && isOwnExpense(actor, row)) throw expenseErrors.ownApproval();
      if (!decision && !canChangeExpense(actor, row, custodied)) throw expenseErrors.notYours();
      let status = nextStatus(row.status, action);
      if (action === 'discard') await putCashBack(tx, actor, row);
      const at = now();
      // Approval chains: submitting fixes the expense's levels (or approves it under an automatic
      // rule); approving decides the current level and approves the expense only at the last one.
      const outcome = await approvalOutcome(tx, actor, row, action, at, reason);
      if (outcome === 'next_level') status = 'submitted';
      if (outcome === 'auto_approved') status = 'approved';
      const decided = status === 'approved' || status === 'rejected';
      const [after] = await tx
        .update(expenses)
        .set({
          status,
          updatedAt: at,
          ...(action === 'submit' ? { submittedAt: at } : {}),
          ...(decided
            ? { decidedBy: outcome === 'auto_approved' ? null : actor.membershipId, decidedAt: at }
            : {}),
          ...(outcome === 'auto_approved' ? { autoApproved: true } : {}),
          ...(action === 'reject' ? { rejectionReason: reason ?? null } : {}),
        })
        .where(and(eq(expenses.organizationId, actor.organizationId), eq(expenses.id, id)))
        .returning();
      if (!after) throw expenseErrors.expenseNotFound();
      if (after.advanceId)
        Object.assign(after, await deps.advances.refresh(tx, actor.organizationId, id, [after.advanceId]));
      await recordAudit(tx, auditAs(actor), origin, {
        action: `expense.${outcome === 'next_level' ? 'level_approved' : (outcome ?? PAST_TENSE[action])}`,
        targetType: 'expense',
        targetId: id,
        before: { status: row.status },
        after: { status, ...(reason ? { reason } : {}) },
      });
      return view(tx, actor, after);
    });
  }

  /** One transition per expense, each in its own transaction; each answers its result or its error. */
  async function transitionMany(
    actor: Actor,
    ids: readonly string[],
    action: 'submit' | 'approve' | 'reject',
    origin: RequestOrigin,
    reason?: string,
  ) {
    const results = [];
    for (const id of new Set(ids)) {
      try {
        const expense = await transition(actor, id, action, origin, reason);
        results.push({ id, ok: true as const, status: expense.status, error: null });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({
          id,
          ok: false as const,
          status: null,
          error: { code: error.code, detail: error.detail },
        });
      }
    }
    return { results };
  }

  /** The approval chain's part in a transition (null when it has none: edit, discard). */
  async function approvalOutcome(
    tx: Tx,
    actor: Actor,
    row: ExpenseRow,
    action: ExpenseAction,
    at: Date,
    reason: string | undefined,
  ): Promise<'auto_approved' | 'next_level' | null> {
    if (action === 'submit') {
      const { autoApproved } = await startApproval(tx, row);
      return autoApproved ? 'auto_approved' : null;
    }
    if (action !== 'approve' && action !== 'reject') return null;
    const outcome = await decideCurrentStep(tx, actor, row, action, at, reason);
    return outcome === 'next_level' ? 'next_level' : null;
  }

  return {
    async list(actor: Actor, filters: ExpenseFilters) {
      return withTenant(db, scope(actor), async (tx) => {
        const conditions: (SQL | undefined)[] = [eq(expenses.organizationId, actor.organizationId)];
        if (!canSeeAllExpenses(actor)) {
          const custodied = await funds.custodiedFundIds(tx, actor);
          conditions.push(
            or(
              eq(expenses.spenderId, actor.membershipId),
              eq(expenses.createdBy, actor.membershipId),
              custodied.length > 0 ? inArray(expenses.fundId, custodied) : undefined,
            ),
          );
        }
        if (filters.fundId) conditions.push(eq(expenses.fundId, filters.fundId));
        if (filters.status) conditions.push(eq(expenses.status, filters.status));
        if (filters.categoryId) conditions.push(eq(expenses.categoryId, filters.categoryId));
        if (filters.from) conditions.push(gte(expenses.expenseDate, filters.from));
        if (filters.to) conditions.push(lte(expenses.expenseDate, filters.to));
        if (filters.findings) {
          const level = { none: 0, warnings: 1, errors: 2 }[filters.findings];
          conditions.push(eq(expenses.findingLevel, level));
        }
        if (filters.invoicePending !== undefined)
          conditions.push(eq(expenses.invoicePending, filters.invoicePending));
        if (filters.awaitingMyApproval) conditions.push(awaitingDecisionBy(actor));
        if (filters.cursor) conditions.push(lt(expenses.id, filters.cursor));
        const rows = await tx
          .select()
          .from(expenses)
          .where(and(...conditions))
          .orderBy(desc(expenses.id))
          .limit(filters.limit + 1);
        const page = rows.slice(0, filters.limit);
        const names = await memberNames(
          tx,
          actor.organizationId,
          page.map((row) => row.spenderId),
        );
        return {
          data: page.map((row) => toExpenseView(row, names)),
          nextCursor: rows.length > filters.limit ? (page.at(-1)?.id ?? null) : null,
        };
      });
    },

    async get(actor: Actor, id: string) {
      return withTenant(db, scope(actor), async (tx) =>
        view(tx, actor, (await loadVisible(tx, actor, id)).row),
      );
    },

    /** An expense typed in by hand (a ticket without CFDI: "factura pendiente" until the XML is attached). */
    async create(actor: Actor, input: ManualExpenseInput, origin: RequestOrigin) {
      if (input.paymentMethod === 'fund_cash' && !input.fundId) throw expenseErrors.fundRequired();
      checkExpenseDate(input.date, now());
      const taxes = input.taxes ?? {};
      const computed = toCentavos(
        money(input.subtotal)
          .minus(input.discount ?? '0')
          .plus(sumMoney([taxes.ivaTransferred ?? '0', taxes.iepsTransferred ?? '0']))
          .minus(sumMoney([taxes.isrWithheld ?? '0', taxes.ivaWithheld ?? '0'])),
      );
      if (!money(computed).equals(input.total)) throw expenseErrors.amountsDoNotAdd(computed);
      return withTenant(db, scope(actor), async (tx) => {
        if (input.costCenterId) await requireActiveCostCenter(tx, actor.organizationId, input.costCenterId);
        if (input.categoryId) await requireActiveCategory(tx, actor.organizationId, input.categoryId);
        // Against an advance the expense belongs to the advance's fund (a transfer's: none).
        const advance = input.advanceId
          ? await deps.advances.attach(tx, actor, input.advanceId, {
              spenderId: actor.membershipId,
              paymentMethod: input.paymentMethod,
            })
          : null;
        const values = {
          organizationId: actor.organizationId,
          spenderId: actor.membershipId,
          createdBy: actor.membershipId,
          fundId: advance ? advance.fundId : (input.fundId ?? null),
          advanceId: input.advanceId ?? null,
          travelKind: input.travelKind ?? null,
          paymentMethod: input.paymentMethod,
          expenseDate: input.date,
          concept: input.concept,
          categoryId: input.categoryId ?? null,
          costCenterId: input.costCenterId ?? null,
          supplierRfc: input.supplier?.rfc?.toUpperCase() ?? null,
          supplierName: input.supplier?.name ?? null,
          subtotal: input.subtotal,
          discount: input.discount ?? '0',
          ...taxes,
          total: input.total,
          totalMxn: toCentavos(input.total),
          invoicePending: true,
          cfdiUuid: null,
          cfdiPaymentForm: null,
          cfdiUse: null,
          cfdiReceiverRfc: null,
          cfdiIssuedAt: null,
          satStatus: 'not_checked' as const,
          findings: [],
        };
        const [row] = await tx
          .insert(expenses)
          .values({ ...values, ...(await withFindings(tx, actor, values)) })
          .returning();
        if (!row) throw new Error('expense insert returned nothing');
        await takeCash(tx, actor, row);
        if (row.advanceId)
          Object.assign(row, await deps.advances.refresh(tx, actor.organizationId, row.id, [row.advanceId]));
        const created = await view(tx, actor, row);
        await recordAudit(tx, auditAs(actor), origin, {
          action: 'expense.created',
          targetType: 'expense',
          targetId: row.id,
          after: {
            paymentMethod: row.paymentMethod,
            fundId: row.fundId,
            total: row.total,
            advanceId: row.advanceId,
          },
        });
        return created;
      });
    },

    /** Changes a draft; moving it between funds or payment methods moves its cash in the ledger. */
    async update(actor: Actor, id: string, patch: ExpensePatch, origin: RequestOrigin) {
      return withTenant(db, scope(actor), async (tx) => {
        await deps.advances.lockAdvanceOf(tx, actor.organizationId, id);
        const { row: before, custodied } = await loadVisible(tx, actor, id, true);
        if (!canChangeExpense(actor, before, custodied)) throw expenseErrors.notYours();
        nextStatus(before.status, 'edit');
        if (patch.date) checkExpenseDate(patch.date, now());
        const merged = {
          ...before,
          ...(patch.fundId !== undefined ? { fundId: patch.fundId } : {}),
          ...(patch.paymentMethod ? { paymentMethod: patch.paymentMethod } : {}),
          ...(patch.date ? { expenseDate: patch.date } : {}),
          ...(patch.concept ? { concept: patch.concept } : {}),
          ...(patch.categoryId !== undefined ? { categoryId: patch.categoryId } : {}),
          ...(patch.costCenterId !== undefined ? { costCenterId: patch.costCenterId } : {}),
          ...(patch.advanceId !== undefined ? { advanceId: patch.advanceId } : {}),
          ...(patch.travelKind !== undefined ? { travelKind: patch.travelKind } : {}),
        };
        if (merged.advanceId)
          merged.fundId = (await deps.advances.attach(tx, actor, merged.advanceId, merged)).fundId;
        if (merged.paymentMethod === 'fund_cash' && !merged.fundId) throw expenseErrors.fundRequired();
        if (patch.costCenterId) await requireActiveCostCenter(tx, actor.organizationId, patch.costCenterId);
        if (patch.categoryId) await requireActiveCategory(tx, actor.organizationId, patch.categoryId);
        const oldCash = cashTaken(before);
        const newCash = cashTaken(merged);
        const cashMoves = oldCash?.fundId !== newCash?.fundId;
        if (cashMoves) await putCashBack(tx, actor, before);
        const { findings, findingLevel } = await withFindings(tx, actor, merged);
        const [after] = await tx
          .update(expenses)
          .set({
            fundId: merged.fundId,
            paymentMethod: merged.paymentMethod,
            expenseDate: merged.expenseDate,
            concept: merged.concept,
            categoryId: merged.categoryId,
            costCenterId: merged.costCenterId,
            advanceId: merged.advanceId,
            travelKind: merged.travelKind,
            findings,
            findingLevel,
            updatedAt: now(),
          })
          .where(and(eq(expenses.organizationId, actor.organizationId), eq(expenses.id, id)))
          .returning();
        if (!after) throw expenseErrors.expenseNotFound();
        if (cashMoves) await takeCash(tx, actor, after);
        if (before.advanceId || after.advanceId)
          Object.assign(
            after,
            await deps.advances.refresh(tx, actor.organizationId, id, [before.advanceId, after.advanceId]),
          );
        await recordAudit(tx, auditAs(actor), origin, {
          action: 'expense.updated',
          targetType: 'expense',
          targetId: id,
          before: { ...patchView(before, patch) },
          after: { ...patchView(after, patch) },
        });
        return view(tx, actor, after);
      });
    },

    submit: (actor: Actor, id: string, origin: RequestOrigin) => transition(actor, id, 'submit', origin),
    discard: (actor: Actor, id: string, origin: RequestOrigin) => transition(actor, id, 'discard', origin),
    approve: (actor: Actor, id: string, origin: RequestOrigin) => transition(actor, id, 'approve', origin),
    reject: (actor: Actor, id: string, reason: string, origin: RequestOrigin) =>
      transition(actor, id, 'reject', origin, reason),

    /**
     * Approves or rejects several expenses, each in its own transaction: one that cannot be
     * decided (already decided, not the actor's level) is reported and the others still go through.
     */
    decideMany: (
      actor: Actor,
      ids: readonly string[],
      decision: 'approve' | 'reject',
      origin: RequestOrigin,
      reason?: string,
    ) => transitionMany(actor, ids, decision, origin, reason),

    /**
     * Sends several drafts to approval (e.g. those a CFDI import created), each in its own
     * transaction: one that cannot be sent (not found, not a draft, not the actor's) is reported
     * and the others still go.
     */
    submitMany: (actor: Actor, ids: readonly string[], origin: RequestOrigin) =>
      transitionMany(actor, ids, 'submit', origin),

    /**
     * The expense's approval chain (levels, who each waits for, decisions) and whether the actor
     * may approve or reject it now: what the approve route would check (the permission, the state,
     * not their own expense) and what the chain would (their level, not one they already decided).
     */
    async approvalSteps(actor: Actor, id: string) {
      return withTenant(db, scope(actor), async (tx) => {
        const { row } = await loadVisible(tx, actor, id);
        const { steps, mayDecideCurrent } = await approvalStepsView(tx, actor, row);
        const mayDecideExpense =
          can(actor.roles, 'expenses.approve') &&
          allowsAction(row.status, 'approve') &&
          !isOwnExpense(actor, row);
        return { data: steps, canDecide: mayDecideExpense && mayDecideCurrent };
      });
    },

    /** For the CFDI import, inside its transaction: the same findings and cash rules as any expense. */
    /**
     * For the CFDI import, inside its transaction: the same findings and cash rules as any expense.
     * A batch passes the fund it locked and its memoized loaders, so each file costs few queries.
     */
    async insertFromCfdi(
      tx: Tx,
      actor: Actor,
      values: Omit<typeof expenses.$inferInsert, 'findingLevel'>,
      batch: { fund: Fund | null; loaders: FindingLoaders },
    ) {
      const findings = await findingsFor(
        tx,
        actor.organizationId,
        { satStatus: 'not_checked', ...values } as never,
        { lookup69b: deps.lookup69b, now },
        batch.loaders,
      );
      const [row] = await tx
        .insert(expenses)
        .values({ ...values, ...findings })
        .returning();
      if (!row) throw new Error('expense insert returned nothing');
      await takeCash(tx, actor, row, batch.fund);
      return toExpenseView(row, new Map([[actor.membershipId, actor.name]]));
    },

    /** Many CFDI expenses of one batch in one statement each for expenses and their cash movements. */
    async insertManyFromCfdi(
      tx: Tx,
      actor: Actor,
      valuesList: readonly Omit<typeof expenses.$inferInsert, 'findingLevel'>[],
      batch: { fund: Fund | null; loaders: FindingLoaders },
    ) {
      if (valuesList.length === 0) return new Map<string, ReturnType<typeof toExpenseView>>();
      const rows = [];
      for (const values of valuesList) {
        const findings = await findingsFor(
          tx,
          actor.organizationId,
          { satStatus: 'not_checked', ...values } as never,
          { lookup69b: deps.lookup69b, now },
          batch.loaders,
        );
        rows.push({ findingLevel: findings.findingLevel, ...values, findings: findings.findings });
      }
      const inserted = await bulkInsert(tx, expenses, rows);
      const paid = inserted.filter((row) => cashTaken(row)?.fundId === batch.fund?.id && batch.fund);
      if (batch.fund && paid.length > 0) {
        await funds.appendMovements(
          tx,
          actor,
          batch.fund,
          paid.map((row) => ({
            event: { kind: 'expense_paid_from_fund' as const, amount: row.totalMxn },
            source: { type: 'expense' as const, id: row.id },
          })),
        );
      }
      const names = new Map([[actor.membershipId, actor.name]]);
      return new Map(inserted.map((row) => [row.id, toExpenseView(row, names)]));
    },

    /** An expense the actor may see (404 otherwise), locked, and whether they may change it. */
    async lockVisible(tx: Tx, actor: Actor, id: string) {
      const { row, custodied } = await loadVisible(tx, actor, id, true);
      return { row, canChange: canChangeExpense(actor, row, custodied) };
    },

    findingLoaders: (tx: Tx, actor: Actor) =>
      transactionFindingLoaders(tx, actor.organizationId, deps.lookup69b),

    canRecordFor: (actor: Actor) => can(actor.roles, 'expenses.record-own'),
  };
}

function patchView(row: ExpenseRow, patch: ExpensePatch) {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(patch)) {
    const column = key === 'date' ? 'expenseDate' : key;
    fields[key] = row[column as keyof ExpenseRow];
  }
  return fields;
}

export type ExpensesService = ReturnType<typeof createExpensesService>;

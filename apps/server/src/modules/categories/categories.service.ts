import { and, asc, eq } from 'drizzle-orm';
import { auditAs, recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { isUniqueViolation } from '../../platform/db/pg-errors.js';
import { withTenant } from '../../platform/tenancy.js';
import { categoryErrors } from './categories.errors.js';
import { costCenters, expenseCategories } from './categories.schema.js';
import { DEFAULT_CATEGORIES } from './default-categories.js';

export type Category = typeof expenseCategories.$inferSelect;
export type CostCenter = typeof costCenters.$inferSelect;

export interface CategoryInput {
  code: string;
  name: string;
  satAccountCode: string;
  accountCode?: string | null | undefined;
  cfdiUses: string[];
  isFuel?: boolean | undefined;
  active?: boolean | undefined;
}

export interface CostCenterInput {
  code: string;
  name: string;
  active?: boolean | undefined;
}

const view = <T extends { organizationId: string }>({ organizationId: _, ...rest }: T) => rest;

/** Gives a new organization the default petty-cash categories (inside its sign-up transaction). */
export async function seedDefaultCategories(tx: Tx, organizationId: string): Promise<void> {
  await tx
    .insert(expenseCategories)
    .values(
      DEFAULT_CATEGORIES.map((category) => ({ organizationId, ...category, isFuel: !!category.isFuel })),
    )
    .onConflictDoNothing();
}

/** A category of the organization, active or not (rules re-evaluated later still read it). */
export async function findCategory(tx: Tx, organizationId: string, id: string): Promise<Category | null> {
  const [row] = await tx
    .select()
    .from(expenseCategories)
    .where(and(eq(expenseCategories.organizationId, organizationId), eq(expenseCategories.id, id)));
  return row ?? null;
}

/** Finds an active category of the actor's organization, or says why it cannot be used. */
export async function requireActiveCategory(tx: Tx, organizationId: string, id: string): Promise<Category> {
  const row = await findCategory(tx, organizationId, id);
  if (!row) throw categoryErrors.categoryNotFound();
  if (!row.active) throw categoryErrors.inactive('categoría');
  return row;
}

export async function requireActiveCostCenter(
  tx: Tx,
  organizationId: string,
  id: string,
): Promise<CostCenter> {
  const [row] = await tx
    .select()
    .from(costCenters)
    .where(and(eq(costCenters.organizationId, organizationId), eq(costCenters.id, id)));
  if (!row) throw categoryErrors.costCenterNotFound();
  if (!row.active) throw categoryErrors.inactive('centro de costos');
  return row;
}

/** Categories (mapped to the chart of accounts) and cost centers of the actor's organization. */
export function createCategoriesService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const scope = (actor: Actor) => ({ organizationId: actor.organizationId, userId: actor.userId });

  async function saveUnique<T>(
    what: 'categoría' | 'centro de costos',
    code: string,
    write: () => Promise<T>,
  ) {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw categoryErrors.codeTaken(what, code);
      throw error;
    }
  }

  return {
    async listCategories(actor: Actor) {
      const rows = await withTenant(db, scope(actor), (tx) =>
        tx
          .select()
          .from(expenseCategories)
          .where(eq(expenseCategories.organizationId, actor.organizationId))
          .orderBy(asc(expenseCategories.name)),
      );
      return { data: rows.map(view), nextCursor: null };
    },

    async createCategory(actor: Actor, input: CategoryInput, origin: RequestOrigin) {
      return withTenant(db, scope(actor), (tx) =>
        saveUnique('categoría', input.code, async () => {
          const [row] = await tx
            .insert(expenseCategories)
            .values({ organizationId: actor.organizationId, ...input, isFuel: !!input.isFuel })
            .returning();
          if (!row) throw new Error('category insert returned nothing');
          await recordAudit(tx, auditAs(actor), origin, {
            action: 'category.created',
            targetType: 'expense_category',
            targetId: row.id,
            after: view(row),
          });
          return view(row);
        }),
      );
    },

    async updateCategory(actor: Actor, id: string, input: Partial<CategoryInput>, origin: RequestOrigin) {
      return withTenant(db, scope(actor), async (tx) => {
        const where = and(
          eq(expenseCategories.organizationId, actor.organizationId),
          eq(expenseCategories.id, id),
        );
        const [before] = await tx.select().from(expenseCategories).where(where);
        if (!before) throw categoryErrors.categoryNotFound();
        return saveUnique('categoría', input.code ?? before.code, async () => {
          const [row] = await tx
            .update(expenseCategories)
            .set({ ...input, updatedAt: now() })
            .where(where)
            .returning();
          if (!row) throw categoryErrors.categoryNotFound();
          await recordAudit(tx, auditAs(actor), origin, {
            action: 'category.updated',
            targetType: 'expense_category',
            targetId: id,
            before: view(before),
            after: view(row),
          });
          return view(row);
        });
      });
    },

    async listCostCenters(actor: Actor) {
      const rows = await withTenant(db, scope(actor), (tx) =>
        tx
          .select()
          .from(costCenters)
          .where(eq(costCenters.organizationId, actor.organizationId))
          .orderBy(asc(costCenters.code)),
      );
      return { data: rows.map(view), nextCursor: null };
    },

    async createCostCenter(actor: Actor, input: CostCenterInput, origin: RequestOrigin) {
      return withTenant(db, scope(actor), (tx) =>
        saveUnique('centro de costos', input.code, async () => {
          const [row] = await tx
            .insert(costCenters)
            .values({ organizationId: actor.organizationId, ...input })
            .returning();
          if (!row) throw new Error('cost center insert returned nothing');
          await recordAudit(tx, auditAs(actor), origin, {
            action: 'cost_center.created',
            targetType: 'cost_center',
            targetId: row.id,
            after: view(row),
          });
          return view(row);
        }),
      );
    },

    async updateCostCenter(actor: Actor, id: string, input: Partial<CostCenterInput>, origin: RequestOrigin) {
      return withTenant(db, scope(actor), async (tx) => {
        const where = and(eq(costCenters.organizationId, actor.organizationId), eq(costCenters.id, id));
        const [before] = await tx.select().from(costCenters).where(where);
        if (!before) throw categoryErrors.costCenterNotFound();
        return saveUnique('centro de costos', input.code ?? before.code, async () => {
          const [row] = await tx
            .update(costCenters)
            .set({ ...input, updatedAt: now() })
            .where(where)
            .returning();
          if (!row) throw categoryErrors.costCenterNotFound();
          await recordAudit(tx, auditAs(actor), origin, {
            action: 'cost_center.updated',
            targetType: 'cost_center',
            targetId: id,
            before: view(before),
            after: view(row),
          });
          return view(row);
        });
      });
    },
  };
}

export type CategoriesService = ReturnType<typeof createCategoriesService>;

/** Active category ids by code (to prefill a CFDI's category from its product key). */
export async function activeCategoryIdsByCode(tx: Tx, organizationId: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: expenseCategories.id, code: expenseCategories.code })
    .from(expenseCategories)
    .where(and(eq(expenseCategories.organizationId, organizationId), eq(expenseCategories.active, true)));
  return new Map(rows.map((row) => [row.code, row.id]));
}

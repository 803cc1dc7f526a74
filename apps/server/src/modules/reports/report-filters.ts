import { and, eq, gte, lte, notInArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { expenses } from '../expenses/expenses.schema.js';

const dateSchema = z.iso.date('Escribe la fecha como AAAA-MM-DD.');

/** The filters every report and export takes: a date range (inclusive) and, optionally, one fund or cost center. */
export const reportFilterFields = z.object({
  from: dateSchema.optional().describe('Desde (inclusive), fecha del gasto AAAA-MM-DD'),
  to: dateSchema.optional().describe('Hasta (inclusive), fecha del gasto AAAA-MM-DD'),
  fundId: z.uuid('La caja indicada no es válida.').optional(),
  costCenterId: z.uuid('El centro de costos indicado no es válido.').optional(),
});

/** A range must be in order (refines the filters and whatever a route adds to them). */
export function rangeInOrder(
  query: { from?: string | undefined; to?: string | undefined },
  context: z.RefinementCtx,
) {
  if (query.from && query.to && query.from > query.to) {
    context.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'La fecha final debe ser igual o posterior a la inicial.',
    });
  }
}

export type ReportFilters = z.infer<typeof reportFilterFields>;

/**
 * What no report counts: a discarded draft never happened (its cash went back), and a rejected
 * expense is not the organization's spending (its amount is recovered from the person).
 */
export const EXCLUDED_FROM_SPENDING = ['discarded', 'rejected'] as const;

/** The expenses of one organization a report or export covers. */
export function expensesInScope(
  organizationId: string,
  filters: ReportFilters,
  excluded: readonly (typeof expenses.status.enumValues)[number][],
): SQL {
  return and(
    eq(expenses.organizationId, organizationId),
    notInArray(expenses.status, [...excluded]),
    filters.from ? gte(expenses.expenseDate, filters.from) : undefined,
    filters.to ? lte(expenses.expenseDate, filters.to) : undefined,
    filters.fundId ? eq(expenses.fundId, filters.fundId) : undefined,
    filters.costCenterId ? eq(expenses.costCenterId, filters.costCenterId) : undefined,
  ) as SQL;
}

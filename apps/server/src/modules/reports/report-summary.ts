import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { money } from '../../platform/money.js';
import { costCenters, expenseCategories } from '../categories/categories.schema.js';
import { expenses } from '../expenses/expenses.schema.js';
import { funds } from '../funds/funds.schema.js';
import { monthsBetween, splitByWholeMonths } from './months.js';
import { isNonDeductible } from './non-deductible.js';
import { EXCLUDED_FROM_SPENDING, expensesInScope, type ReportFilters } from './report-filters.js';
import { expenseRollups } from './reports.schema.js';

// The dashboard's figures. The reports module is a read model: it reads the tables of funds,
// expenses and categories (never writes them), and expense_rollups, which the database keeps, so
// that one statement sums what would otherwise take a call per module and a sum in JavaScript.
// Amounts are summed in SQL as numeric and stay strings.

interface GroupedRow {
  dimension: 'category' | 'costCenter' | 'month' | 'all';
  category_id: string | null;
  cost_center_id: string | null;
  month: string | null;
  count: number;
  total: string;
  pending_count: number;
  pending_total: string;
  non_deductible_count: number;
  non_deductible_total: string;
  awaiting_count: number;
  awaiting_total: string;
  code: string | null;
  name: string | null;
}

/** The expenses' own columns in the shape of an expense_rollups row: one expense, counted once. */
const expenseAsRollup = sql`
  ${expenses.categoryId} AS category_id, ${expenses.costCenterId} AS cost_center_id,
  to_char(${expenses.expenseDate}, 'YYYY-MM') AS month, 1 AS count, ${expenses.totalMxn} AS total,
  (${expenses.status} = 'submitted')::int AS pending_count,
  CASE WHEN ${expenses.status} = 'submitted' THEN ${expenses.totalMxn} ELSE 0.00 END AS pending_total,
  (${isNonDeductible})::int AS non_deductible_count,
  CASE WHEN ${isNonDeductible} THEN ${expenses.totalMxn} ELSE 0.00 END AS non_deductible_total,
  ${expenses.invoicePending}::int AS awaiting_count,
  CASE WHEN ${expenses.invoicePending} THEN ${expenses.totalMxn} ELSE 0.00 END AS awaiting_total`;

/** The rollup rows of the range's whole months. */
function rolledMonths(
  organizationId: string,
  filters: ReportFilters,
  months: NonNullable<WholeMonths['months']>,
) {
  return sql`
    SELECT ${expenseRollups.categoryId} AS category_id, ${expenseRollups.costCenterId} AS cost_center_id,
           to_char(${expenseRollups.month}, 'YYYY-MM') AS month, ${expenseRollups.count} AS count,
           ${expenseRollups.total} AS total, ${expenseRollups.pendingCount} AS pending_count,
           ${expenseRollups.pendingTotal} AS pending_total,
           ${expenseRollups.nonDeductibleCount} AS non_deductible_count,
           ${expenseRollups.nonDeductibleTotal} AS non_deductible_total,
           ${expenseRollups.awaitingCount} AS awaiting_count, ${expenseRollups.awaitingTotal} AS awaiting_total
      FROM ${expenseRollups}
     WHERE ${and(
       eq(expenseRollups.organizationId, organizationId),
       months.from ? gte(expenseRollups.month, months.from) : undefined,
       months.until ? lt(expenseRollups.month, months.until) : undefined,
       filters.fundId ? eq(expenseRollups.fundId, filters.fundId) : undefined,
       filters.costCenterId ? eq(expenseRollups.costCenterId, filters.costCenterId) : undefined,
     )}`;
}

/** The expenses of the days at the range's edges that cover only part of a month. */
function edgeDays(organizationId: string, filters: ReportFilters, edges: WholeMonths['edges']) {
  return edges.map(
    (edge) => sql`
      SELECT ${expenseAsRollup} FROM ${expenses}
       WHERE ${expensesInScope(organizationId, { ...filters, ...edge }, EXCLUDED_FROM_SPENDING)}`,
  );
}

type WholeMonths = ReturnType<typeof splitByWholeMonths>;

const total = (column: string) => sql.raw(`coalesce(sum(${column}), 0.00)::text`);
const count = (column: string) => sql.raw(`coalesce(sum(${column}), 0)::int`);

interface FundRow {
  id: string;
  name: string;
  authorizedAmount: string;
  cash: string;
  pendingVouchers: string;
  openAdvances: string;
  replenishmentThreshold: string;
}

/** The open funds the filters cover (a closed fund holds nothing), amounts as text, by name. */
function fundsInScope(organizationId: string, filters: ReportFilters) {
  return sql`
    SELECT coalesce(json_agg(json_build_object(
             'id', ${funds.id}, 'name', ${funds.name},
             'authorizedAmount', ${funds.authorizedAmount}::text, 'cash', ${funds.cash}::text,
             'pendingVouchers', ${funds.pendingVouchers}::text, 'openAdvances', ${funds.openAdvances}::text,
             'replenishmentThreshold', ${funds.replenishmentThreshold}::text) ORDER BY ${funds.name}), '[]')
      FROM ${funds}
     WHERE ${and(
       eq(funds.organizationId, organizationId),
       eq(funds.status, 'open'),
       filters.fundId ? eq(funds.id, filters.fundId) : undefined,
       filters.costCenterId ? eq(funds.costCenterId, filters.costCenterId) : undefined,
     )}`;
}

/**
 * The dashboard's figures in one statement (one round trip, one plan): spending by category, cost
 * center and month plus the totals — the whole months of the range from expense_rollups (kept by
 * triggers, a few rows per month), the days at its edges from the expenses, summed in one pass
 * (GROUPING SETS), with the category and cost center names joined to the few grouped rows — and
 * the balances of the funds in scope.
 */
async function dashboardFigures(tx: Tx, organizationId: string, filters: ReportFilters) {
  const split = splitByWholeMonths(filters);
  // Never empty: a range without whole months is all edges.
  const parts = [
    ...(split.months ? [rolledMonths(organizationId, filters, split.months)] : []),
    ...edgeDays(organizationId, filters, split.edges),
  ];
  const rows = sql.join(parts, sql` UNION ALL `);
  const result = await tx.execute(sql`
    WITH scoped AS (${rows}), grouped AS (
      SELECT CASE WHEN grouping(category_id) = 0 THEN 'category'
                  WHEN grouping(cost_center_id) = 0 THEN 'costCenter'
                  WHEN grouping(month) = 0 THEN 'month' ELSE 'all' END AS dimension,
             category_id, cost_center_id, month, ${count('count')} AS count, ${total('total')} AS total,
             ${count('pending_count')} AS pending_count, ${total('pending_total')} AS pending_total,
             ${count('non_deductible_count')} AS non_deductible_count,
             ${total('non_deductible_total')} AS non_deductible_total,
             ${count('awaiting_count')} AS awaiting_count, ${total('awaiting_total')} AS awaiting_total
        FROM scoped
       GROUP BY GROUPING SETS ((category_id), (cost_center_id), (month), ())
       -- A rollup row may sum to nothing (its expenses were rejected since): no such group is shown.
      HAVING sum(count) <> 0 OR grouping(category_id, cost_center_id, month) = 7
    )
    , named AS (
      SELECT grouped.*, coalesce(category.code, center.code) AS code, coalesce(category.name, center.name) AS name
        FROM grouped
        LEFT JOIN ${expenseCategories} category
          ON grouped.dimension = 'category' AND category.organization_id = ${organizationId}
         AND category.id = grouped.category_id
        LEFT JOIN ${costCenters} center
          ON grouped.dimension = 'costCenter' AND center.organization_id = ${organizationId}
         AND center.id = grouped.cost_center_id
    )
    SELECT (SELECT coalesce(json_agg(named), '[]') FROM named) AS grouped,
           (${fundsInScope(organizationId, filters)}) AS funds`);
  const [row] = (result as unknown as { rows: { grouped: GroupedRow[]; funds: FundRow[] }[] }).rows;
  return { grouped: row?.grouped ?? [], funds: row?.funds ?? [] };
}

const byTotalDescending = (a: { total: string }, b: { total: string }) => money(b.total).comparedTo(a.total);

/** The dashboard: fund balances, spending by category / cost center / month, and what needs attention. */
export async function reportSummary(tx: Tx, organizationId: string, filters: ReportFilters) {
  const { grouped, funds: fundRows } = await dashboardFigures(tx, organizationId, filters);
  const of = (dimension: GroupedRow['dimension']) => grouped.filter((row) => row.dimension === dimension);
  const all = of('all')[0];
  const months = of('month').map((row) => ({ month: row.month ?? '', total: row.total, count: row.count }));
  return {
    funds: fundRows.map(({ replenishmentThreshold, ...fund }) => ({
      ...fund,
      // The same rule as the fund's own view (funds.service toFundView): cash at or under the threshold.
      needsReplenishment: money(fund.cash).lessThanOrEqualTo(replenishmentThreshold),
    })),
    spending: { count: all?.count ?? 0, total: all?.total ?? '0.00' },
    byCategory: of('category')
      .map((row) => ({
        categoryId: row.category_id,
        code: row.code,
        name: row.name,
        total: row.total,
        count: row.count,
      }))
      .sort(byTotalDescending),
    byCostCenter: of('costCenter')
      .map((row) => ({
        costCenterId: row.cost_center_id,
        code: row.code,
        name: row.name,
        total: row.total,
        count: row.count,
      }))
      .sort(byTotalDescending),
    byMonth: monthsBetween(months, filters),
    pendingApprovals: { count: all?.pending_count ?? 0, total: all?.pending_total ?? '0.00' },
    nonDeductibleAtRisk: {
      count: all?.non_deductible_count ?? 0,
      total: all?.non_deductible_total ?? '0.00',
    },
    awaitingCfdi: { count: all?.awaiting_count ?? 0, total: all?.awaiting_total ?? '0.00' },
  };
}

export type ReportSummary = Awaited<ReturnType<typeof reportSummary>>;

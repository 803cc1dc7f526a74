import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { money } from '../../platform/money.js';
import { costCenters, expenseCategories } from '../categories/categories.schema.js';
import { expenses } from '../expenses/expenses.schema.js';
import { funds } from '../funds/funds.schema.js';
import { monthsBetween } from './months.js';
import { isNonDeductible } from './non-deductible.js';
import { EXCLUDED_FROM_SPENDING, expensesInScope, type ReportFilters } from './report-filters.js';

// The dashboard's figures. The reports module is a read model: it reads the tables of funds,
// expenses and categories (never writes them) so that one statement sums what would otherwise take
// a call per module and a sum in JavaScript. Amounts are summed in SQL as numeric and stay strings.

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

const sumOf = (filter?: ReturnType<typeof sql>) =>
  filter
    ? sql`coalesce(sum(total_mxn) FILTER (WHERE ${filter}), 0.00)::text`
    : sql`coalesce(sum(total_mxn), 0.00)::text`;
const countOf = (filter: ReturnType<typeof sql>) => sql`(count(*) FILTER (WHERE ${filter}))::int`;

/**
 * Spending by category, cost center and month plus the totals, in one pass over the expenses
 * (GROUPING SETS), with the category and cost center names joined to the few grouped rows.
 */
async function groupedSpending(tx: Tx, organizationId: string, filters: ReportFilters) {
  const result = await tx.execute(sql`
    WITH scoped AS (
      SELECT ${expenses.categoryId} AS category_id, ${expenses.costCenterId} AS cost_center_id,
             to_char(${expenses.expenseDate}, 'YYYY-MM') AS month, ${expenses.totalMxn} AS total_mxn,
             ${expenses.status} = 'submitted' AS pending, ${expenses.invoicePending} AS awaiting,
             ${isNonDeductible} AS non_deductible
        FROM ${expenses}
       WHERE ${expensesInScope(organizationId, filters, EXCLUDED_FROM_SPENDING)}
    ), grouped AS (
      SELECT CASE WHEN grouping(category_id) = 0 THEN 'category'
                  WHEN grouping(cost_center_id) = 0 THEN 'costCenter'
                  WHEN grouping(month) = 0 THEN 'month' ELSE 'all' END AS dimension,
             category_id, cost_center_id, month, count(*)::int AS count, ${sumOf()} AS total,
             ${countOf(sql`pending`)} AS pending_count, ${sumOf(sql`pending`)} AS pending_total,
             ${countOf(sql`non_deductible`)} AS non_deductible_count,
             ${sumOf(sql`non_deductible`)} AS non_deductible_total,
             ${countOf(sql`awaiting`)} AS awaiting_count, ${sumOf(sql`awaiting`)} AS awaiting_total
        FROM scoped
       GROUP BY GROUPING SETS ((category_id), (cost_center_id), (month), ())
    )
    SELECT grouped.*, coalesce(category.code, center.code) AS code, coalesce(category.name, center.name) AS name
      FROM grouped
      LEFT JOIN ${expenseCategories} category
        ON grouped.dimension = 'category' AND category.organization_id = ${organizationId}
       AND category.id = grouped.category_id
      LEFT JOIN ${costCenters} center
        ON grouped.dimension = 'costCenter' AND center.organization_id = ${organizationId}
       AND center.id = grouped.cost_center_id`);
  return (result as unknown as { rows: GroupedRow[] }).rows;
}

/** Balances of the open funds the filters cover (a closed fund holds nothing). */
async function fundBalances(tx: Tx, organizationId: string, filters: ReportFilters) {
  const rows = await tx
    .select({
      id: funds.id,
      name: funds.name,
      authorizedAmount: funds.authorizedAmount,
      cash: funds.cash,
      pendingVouchers: funds.pendingVouchers,
      openAdvances: funds.openAdvances,
      replenishmentThreshold: funds.replenishmentThreshold,
    })
    .from(funds)
    .where(
      and(
        eq(funds.organizationId, organizationId),
        eq(funds.status, 'open'),
        filters.fundId ? eq(funds.id, filters.fundId) : undefined,
        filters.costCenterId ? eq(funds.costCenterId, filters.costCenterId) : undefined,
      ),
    )
    .orderBy(asc(funds.name));
  return rows.map(({ replenishmentThreshold, ...fund }) => ({
    ...fund,
    // The same rule as the fund's own view (funds.service toFundView): cash at or under the threshold.
    needsReplenishment: money(fund.cash).lessThanOrEqualTo(replenishmentThreshold),
  }));
}

const byTotalDescending = (a: { total: string }, b: { total: string }) => money(b.total).comparedTo(a.total);

/** The dashboard: fund balances, spending by category / cost center / month, and what needs attention. */
export async function reportSummary(tx: Tx, organizationId: string, filters: ReportFilters) {
  const fundRows = await fundBalances(tx, organizationId, filters);
  const grouped = await groupedSpending(tx, organizationId, filters);
  const of = (dimension: GroupedRow['dimension']) => grouped.filter((row) => row.dimension === dimension);
  const all = of('all')[0];
  const months = of('month').map((row) => ({ month: row.month ?? '', total: row.total, count: row.count }));
  return {
    funds: fundRows,
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

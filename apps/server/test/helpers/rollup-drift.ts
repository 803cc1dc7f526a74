import { sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database.js';

const GROUP = 'organization_id, month, fund_id, category_id, cost_center_id';
const FIGURES = `count, total, pending_count, pending_total, non_deductible_count, non_deductible_total,
  awaiting_count, awaiting_total`;

/**
 * Where an organization's expense_rollups differ from its expenses summed afresh (read as the
 * tables' owner): rows the triggers missed and rows they got wrong. An all-zero rollup row is the
 * same as none (its expenses were rejected or discarded since). Empty when the read model is exact.
 */
export async function rollupDrift(db: Db, organizationId: string) {
  const result = await db.execute(sql`
    WITH actual AS (
      SELECT ${sql.raw(GROUP)}, ${sql.raw(FIGURES)} FROM expense_rollups
       WHERE organization_id = ${organizationId}
         AND (${sql.raw(FIGURES)}) <> (0, 0, 0, 0, 0, 0, 0, 0)
    ), expected AS (
      SELECT organization_id, date_trunc('month', expense_date)::date AS month, fund_id, category_id,
             cost_center_id, count(*)::int, sum(total_mxn),
             (count(*) FILTER (WHERE status = 'submitted'))::int,
             coalesce(sum(total_mxn) FILTER (WHERE status = 'submitted'), 0),
             (count(*) FILTER (WHERE expense_is_non_deductible(finding_level, total_mxn, findings)))::int,
             coalesce(sum(total_mxn) FILTER (WHERE expense_is_non_deductible(finding_level, total_mxn, findings)), 0),
             (count(*) FILTER (WHERE invoice_pending))::int,
             coalesce(sum(total_mxn) FILTER (WHERE invoice_pending), 0)
        FROM expenses
       WHERE organization_id = ${organizationId} AND status NOT IN ('discarded', 'rejected')
       GROUP BY 1, 2, 3, 4, 5
    )
    (SELECT 'missing' AS drift, * FROM (SELECT * FROM expected EXCEPT SELECT * FROM actual) missing)
    UNION ALL
    (SELECT 'wrong' AS drift, * FROM (SELECT * FROM actual EXCEPT SELECT * FROM expected) wrong)`);
  return (result as unknown as { rows: Record<string, unknown>[] }).rows;
}

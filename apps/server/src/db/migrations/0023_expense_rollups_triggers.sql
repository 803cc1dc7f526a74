-- The dashboard's read model (reports/reports.schema.ts): expense_rollups kept by statement triggers
-- on expenses, whatever code (or person) writes them, so it can never drift from the expenses.

-- "No deducible" as the expense stands, in one place for the triggers and the reports
-- (reports/non-deductible.ts documents the rule): a deducibility error among its findings, or a cash
-- payment over $2,000.00 (expenses/deducibility.ts CASH_LIMIT_MXN; a test holds the two equal).
CREATE FUNCTION expense_is_non_deductible(finding_level integer, total_mxn numeric, findings jsonb)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (finding_level = 2 AND findings @> '[{"category":"deducibility","severity":"error"}]'::jsonb)
      OR (finding_level > 0 AND total_mxn > 2000.00 AND findings @> '[{"code":"CASH_OVER_LIMIT"}]'::jsonb)
$$;
--> statement-breakpoint
-- Adds what a statement changed: its new rows count +1, its old rows −1, grouped by the rollup's key;
-- groups the statement left unchanged (an UPDATE of other columns) write nothing, so most updates
-- never touch a rollup row. Rows are upserted in key order, so two transactions meet on them in the
-- same order. Runs as the invoker: RLS on expense_rollups admits only the tenant's own rows.
CREATE FUNCTION expense_rollups_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes text;
BEGIN
  -- Each event has its own transition tables (named by the triggers below).
  changes := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'UPDATE' THEN 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows'
    ELSE 'SELECT -1 AS sign, * FROM old_rows'
  END;
  EXECUTE format($sql$
    INSERT INTO expense_rollups AS rollup (organization_id, month, fund_id, category_id, cost_center_id,
           count, total, pending_count, pending_total, non_deductible_count, non_deductible_total,
           awaiting_count, awaiting_total)
    SELECT organization_id, date_trunc('month', expense_date)::date, fund_id, category_id, cost_center_id,
           sum(sign), sum(sign * total_mxn),
           coalesce(sum(sign) FILTER (WHERE pending), 0), coalesce(sum(sign * total_mxn) FILTER (WHERE pending), 0),
           coalesce(sum(sign) FILTER (WHERE non_deductible), 0), coalesce(sum(sign * total_mxn) FILTER (WHERE non_deductible), 0),
           coalesce(sum(sign) FILTER (WHERE invoice_pending), 0), coalesce(sum(sign * total_mxn) FILTER (WHERE invoice_pending), 0)
      FROM (SELECT changed.*, status = 'submitted' AS pending,
                   expense_is_non_deductible(finding_level, total_mxn, findings) AS non_deductible
              FROM (%s) changed
             -- What no report counts (reports/report-filters.ts EXCLUDED_FROM_SPENDING).
             WHERE status NOT IN ('discarded', 'rejected')) counted
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(sign) <> 0 OR sum(sign * total_mxn) <> 0
        OR coalesce(sum(sign) FILTER (WHERE pending), 0) <> 0
        OR coalesce(sum(sign * total_mxn) FILTER (WHERE pending), 0) <> 0
        OR coalesce(sum(sign) FILTER (WHERE non_deductible), 0) <> 0
        OR coalesce(sum(sign * total_mxn) FILTER (WHERE non_deductible), 0) <> 0
        OR coalesce(sum(sign) FILTER (WHERE invoice_pending), 0) <> 0
        OR coalesce(sum(sign * total_mxn) FILTER (WHERE invoice_pending), 0) <> 0
     ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT expense_rollups_key DO UPDATE SET
       count = rollup.count + excluded.count,
       total = rollup.total + excluded.total,
       pending_count = rollup.pending_count + excluded.pending_count,
       pending_total = rollup.pending_total + excluded.pending_total,
       non_deductible_count = rollup.non_deductible_count + excluded.non_deductible_count,
       non_deductible_total = rollup.non_deductible_total + excluded.non_deductible_total,
       awaiting_count = rollup.awaiting_count + excluded.awaiting_count,
       awaiting_total = rollup.awaiting_total + excluded.awaiting_total
  $sql$, changes);
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- A trigger with transition tables has one event: three triggers, one function.
CREATE TRIGGER expense_rollups_on_insert AFTER INSERT ON expenses
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION expense_rollups_apply();
--> statement-breakpoint
CREATE TRIGGER expense_rollups_on_update AFTER UPDATE ON expenses
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION expense_rollups_apply();
--> statement-breakpoint
CREATE TRIGGER expense_rollups_on_delete AFTER DELETE ON expenses
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION expense_rollups_apply();
--> statement-breakpoint
-- The expenses already recorded (before RLS: the migration acts for every organization).
INSERT INTO expense_rollups (organization_id, month, fund_id, category_id, cost_center_id,
       count, total, pending_count, pending_total, non_deductible_count, non_deductible_total,
       awaiting_count, awaiting_total)
SELECT organization_id, date_trunc('month', expense_date)::date, fund_id, category_id, cost_center_id,
       count(*), sum(total_mxn),
       count(*) FILTER (WHERE status = 'submitted'), coalesce(sum(total_mxn) FILTER (WHERE status = 'submitted'), 0),
       count(*) FILTER (WHERE expense_is_non_deductible(finding_level, total_mxn, findings)),
       coalesce(sum(total_mxn) FILTER (WHERE expense_is_non_deductible(finding_level, total_mxn, findings)), 0),
       count(*) FILTER (WHERE invoice_pending), coalesce(sum(total_mxn) FILTER (WHERE invoice_pending), 0)
  FROM expenses
 WHERE status NOT IN ('discarded', 'rejected')
 GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
-- Read by the reports; written only through the triggers, as the tenant whose expenses changed.
GRANT SELECT, INSERT, UPDATE ON expense_rollups TO app_user;
--> statement-breakpoint
ALTER TABLE expense_rollups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE expense_rollups FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON expense_rollups
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());

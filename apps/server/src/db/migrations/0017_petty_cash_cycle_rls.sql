-- The petty-cash cycle (approvals, cash counts, advances, replenishments): grants and tenant
-- isolation. History tables are insert-only for the app; decisions update only their own columns.
GRANT SELECT, INSERT, UPDATE ON approval_rules TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT ON expense_approval_steps TO app_user;
--> statement-breakpoint
GRANT UPDATE (status, decided_by, decided_at, reason, last_reminder_at) ON expense_approval_steps TO app_user;
--> statement-breakpoint
-- A cash count is a signed record: never edited, never deleted.
GRANT SELECT, INSERT ON cash_counts TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT ON advances TO app_user;
--> statement-breakpoint
GRANT UPDATE (status, settled_expenses, settled_difference, settlement_method, settlement_reference,
  settlement_movement_id, settled_by, settled_at, last_reminder_at) ON advances TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT ON replenishments TO app_user;
--> statement-breakpoint
GRANT UPDATE (status, total, sat_checked_at, approved_by, approved_at, paid_by, paid_at, payment_date,
  payment_reference, movement_id, canceled_by, canceled_at, cancel_reason) ON replenishments TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT ON replenishment_items TO app_user;
--> statement-breakpoint
GRANT UPDATE (active, excluded_reason) ON replenishment_items TO app_user;
--> statement-breakpoint
ALTER TABLE approval_rules ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE approval_rules FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON approval_rules
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
ALTER TABLE expense_approval_steps ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE expense_approval_steps FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON expense_approval_steps
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
ALTER TABLE cash_counts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE cash_counts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON cash_counts
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
ALTER TABLE advances ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE advances FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON advances
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
ALTER TABLE replenishments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE replenishments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON replenishments
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
ALTER TABLE replenishment_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE replenishment_items FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON replenishment_items
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());

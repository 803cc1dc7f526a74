GRANT SELECT, INSERT, UPDATE ON expense_limit_policies TO app_user;
--> statement-breakpoint
ALTER TABLE expense_limit_policies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE expense_limit_policies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON expense_limit_policies
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());

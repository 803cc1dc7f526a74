GRANT SELECT, INSERT, UPDATE ON organization_fiscal_data TO app_user;
--> statement-breakpoint
ALTER TABLE organization_fiscal_data ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE organization_fiscal_data FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON organization_fiscal_data
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());

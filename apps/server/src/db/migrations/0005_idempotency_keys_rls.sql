GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO app_user;
--> statement-breakpoint
ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON idempotency_keys
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());

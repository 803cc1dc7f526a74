-- Expenses and their attachments: tenant isolation. Attachments are evidence: never edited or
-- removed by the app (a wrong file is superseded by a new one).
GRANT SELECT, INSERT, UPDATE ON expenses TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT ON expense_attachments TO app_user;
--> statement-breakpoint
ALTER TABLE expenses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE expenses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON expenses
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
ALTER TABLE expense_attachments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE expense_attachments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON expense_attachments
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());

-- Fund change requests and the fund-change policy: tenant isolation; a decided request is final.
GRANT SELECT, INSERT ON fund_change_requests TO app_user;
--> statement-breakpoint
GRANT UPDATE (status, decided_by, decided_at, decision_reason, movement_id) ON fund_change_requests TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON fund_change_policies TO app_user;
--> statement-breakpoint
-- Once approved, rejected or canceled, a request is history: it is never decided again.
CREATE FUNCTION refuse_redeciding_fund_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'pending' THEN
    RAISE EXCEPTION 'fund change request % is already %', OLD.id, OLD.status USING ERRCODE = 'check_violation',
      CONSTRAINT = 'fund_change_requests_final';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER fund_change_requests_final BEFORE UPDATE ON fund_change_requests
  FOR EACH ROW EXECUTE FUNCTION refuse_redeciding_fund_change();
--> statement-breakpoint
ALTER TABLE fund_change_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE fund_change_requests FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON fund_change_requests
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
ALTER TABLE fund_change_policies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE fund_change_policies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON fund_change_policies
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());

-- Funds, their ledger, categories and cost centers: tenant isolation, and the ledger rules the
-- database itself enforces (append-only movements; balances only from movements).
GRANT SELECT, INSERT, UPDATE ON expense_categories, cost_centers TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT ON funds, fund_movements TO app_user;
--> statement-breakpoint
-- The app may rename a fund, change its custodian or close it, never write a balance column.
GRANT UPDATE (name, custodian_id, cost_center_id, replenishment_threshold, status, closed_at, updated_at) ON funds TO app_user;
--> statement-breakpoint
CREATE TRIGGER fund_movements_append_only BEFORE UPDATE OR DELETE ON fund_movements
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
-- A fund is born empty and open: its money arrives only as movements (the opening movement).
CREATE FUNCTION start_fund_empty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.authorized_amount := 0;
  NEW.cash := 0;
  NEW.pending_vouchers := 0;
  NEW.open_advances := 0;
  NEW.movement_count := 0;
  NEW.status := 'open';
  NEW.closed_at := NULL;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER funds_start_empty BEFORE INSERT ON funds
  FOR EACH ROW EXECUTE FUNCTION start_fund_empty();
--> statement-breakpoint
-- Applies a movement to its fund and stamps it with its sequence and the balances after it.
-- SECURITY DEFINER: only this function writes balance columns (the app role has no UPDATE on them).
-- The fund's CHECK constraints then refuse cash < 0 or a broken imprest balance, and the row
-- lock taken by the UPDATE serializes concurrent movements of one fund.
CREATE FUNCTION apply_fund_movement() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  applied funds%ROWTYPE;
BEGIN
  UPDATE funds
     SET cash = cash + NEW.cash_delta,
         pending_vouchers = pending_vouchers + NEW.pending_delta,
         open_advances = open_advances + NEW.advances_delta,
         authorized_amount = authorized_amount + NEW.authorized_delta,
         movement_count = movement_count + 1,
         updated_at = now()
   WHERE organization_id = NEW.organization_id AND id = NEW.fund_id AND status = 'open'
   RETURNING * INTO applied;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'fund % is closed or does not exist', NEW.fund_id USING ERRCODE = 'check_violation',
      CONSTRAINT = 'funds_open_for_movements';
  END IF;
  NEW.sequence := applied.movement_count;
  NEW.cash_after := applied.cash;
  NEW.pending_after := applied.pending_vouchers;
  NEW.advances_after := applied.open_advances;
  NEW.authorized_after := applied.authorized_amount;
  RETURN NEW;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION apply_fund_movement() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER fund_movements_apply BEFORE INSERT ON fund_movements
  FOR EACH ROW EXECUTE FUNCTION apply_fund_movement();
--> statement-breakpoint
ALTER TABLE expense_categories ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE expense_categories FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON expense_categories
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
ALTER TABLE cost_centers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE cost_centers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON cost_centers
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
ALTER TABLE funds ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE funds FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON funds
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
ALTER TABLE fund_movements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE fund_movements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON fund_movements
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
-- Organizations that exist already get the default categories (new ones get them at sign-up).
INSERT INTO expense_categories (organization_id, id, code, name, sat_account_code, cfdi_uses, is_fuel)
SELECT o.id, gen_random_uuid(), c.code, c.name, c.sat_account_code, c.cfdi_uses, c.is_fuel
  FROM organizations o
 CROSS JOIN (VALUES
   ('PAPELERIA', 'Papelería y artículos de oficina', '601.55', ARRAY['G03'], false),
   ('COMBUSTIBLE', 'Combustibles y lubricantes', '601.48', ARRAY['G03'], true),
   ('VIATICOS', 'Viáticos y gastos de viaje', '601.49', ARRAY['G03'], false),
   ('OTROS', 'Otros gastos generales', '601.84', ARRAY['G03'], false)
 ) AS c(code, name, sat_account_code, cfdi_uses, is_fuel)
ON CONFLICT DO NOTHING;

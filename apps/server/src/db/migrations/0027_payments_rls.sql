-- Payments: the values the module knows, amounts that add up, a decided payment stays decided,
-- grants and tenant isolation.
ALTER TABLE payments ADD CONSTRAINT payments_values_check CHECK (
  plan_id IN ('monthly', 'annual') AND method IN ('card', 'spei', 'oxxo')
  AND provider IN ('sandbox', 'manual', 'stripe')
  AND status IN ('pending', 'succeeded', 'expired', 'canceled'));
--> statement-breakpoint
ALTER TABLE payments ADD CONSTRAINT payments_amounts_check CHECK (total > 0 AND base > 0 AND iva >= 0 AND total = base + iva);
--> statement-breakpoint
ALTER TABLE payments ADD CONSTRAINT payments_confirmed_check CHECK ((status = 'succeeded') = (confirmed_at IS NOT NULL));
--> statement-breakpoint
-- Only a pending payment is decided (succeeded, expired, canceled); a decided one never changes back.
CREATE FUNCTION payments_decided_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'pending' AND NEW.status <> OLD.status THEN
    RAISE EXCEPTION 'payment % is % already', OLD.id, OLD.status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'payments_decided_once';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER payments_decided_once BEFORE UPDATE ON payments FOR EACH ROW EXECUTE FUNCTION payments_decided_once();
--> statement-breakpoint
GRANT SELECT, INSERT ON payments TO app_user;
--> statement-breakpoint
GRANT UPDATE (status, provider_payment_id, instructions, expires_at, confirmed_at, updated_at) ON payments TO app_user;
--> statement-breakpoint
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE payments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON payments
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());

-- Refunds: they belong to a payment of the same organization, add up, and the SPEI channel has a
-- CLABE; the app records them and marks them issued, never deletes one. Tenant isolation.
ALTER TABLE refunds ADD CONSTRAINT refunds_payment_fk FOREIGN KEY (organization_id, payment_id)
  REFERENCES payments (organization_id, id);
--> statement-breakpoint
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_current_payment_fk FOREIGN KEY (organization_id, current_payment_id)
  REFERENCES payments (organization_id, id);
--> statement-breakpoint
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_next_payment_fk FOREIGN KEY (organization_id, next_payment_id)
  REFERENCES payments (organization_id, id);
--> statement-breakpoint
ALTER TABLE refunds ADD CONSTRAINT refunds_values_check CHECK (
  total > 0 AND base > 0 AND iva >= 0 AND total = base + iva AND unused_months BETWEEN 1 AND 12
  AND channel IN ('provider', 'spei') AND status IN ('pending', 'issued')
  AND (channel <> 'spei' OR clabe ~ '^[0-9]{18}$')
  AND ((status = 'issued') = (issued_at IS NOT NULL)));
--> statement-breakpoint
GRANT SELECT, INSERT ON refunds TO app_user;
--> statement-breakpoint
GRANT UPDATE (status, provider_refund_id, issued_at) ON refunds TO app_user;
--> statement-breakpoint
ALTER TABLE refunds ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE refunds FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON refunds
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());

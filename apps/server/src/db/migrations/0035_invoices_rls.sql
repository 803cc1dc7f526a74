-- Invoices: the values the module knows, each tied to its payment or refund, amounts that add up,
-- grants and tenant isolation; the serie counters are the platform's.
ALTER TABLE invoices ADD CONSTRAINT invoices_values_check CHECK (
  kind IN ('ingreso', 'egreso')
  AND status IN ('pending', 'stamped', 'rejected', 'global', 'cancel_pending', 'canceled')
  AND (cancel_motive IS NULL OR cancel_motive IN ('01', '02', '03', '04')));
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_source_check CHECK (
  (kind = 'ingreso' AND payment_id IS NOT NULL AND refund_id IS NULL)
  OR (kind = 'egreso' AND refund_id IS NOT NULL));
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_amounts_check CHECK (
  total > 0 AND subtotal > 0 AND iva >= 0 AND total = subtotal + iva);
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_stamped_check CHECK (
  (status IN ('stamped', 'cancel_pending', 'canceled')) = (uuid IS NOT NULL AND xml IS NOT NULL AND stamped_at IS NOT NULL)
  OR status = 'global');
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_payment_fk FOREIGN KEY (organization_id, payment_id)
  REFERENCES payments (organization_id, id);
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_refund_fk FOREIGN KEY (organization_id, refund_id)
  REFERENCES refunds (organization_id, id);
--> statement-breakpoint
GRANT SELECT, INSERT ON invoices TO app_user;
--> statement-breakpoint
GRANT UPDATE (status, pac_document_id, uuid, xml, stamped_at, error_code, error_message, error_field, attempts, stamping_until,
  cancel_motive, replaced_by, canceled_at, updated_at, receptor) ON invoices TO app_user;
--> statement-breakpoint
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invoices FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON invoices
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON invoice_series TO app_system;
--> statement-breakpoint
-- The sweep that invoices payments whose event was lost, and the back office's reconciliation.
GRANT SELECT (organization_id, id, kind, status, payment_id, refund_id, created_at) ON invoices TO app_system;
--> statement-breakpoint
CREATE POLICY system_finds_invoices ON invoices FOR SELECT TO app_system USING (true);
--> statement-breakpoint
GRANT SELECT (organization_id, status, confirmed_at) ON payments TO app_system;
--> statement-breakpoint
GRANT SELECT ON invoices TO app_operator;
--> statement-breakpoint
CREATE POLICY operator_reads ON invoices FOR SELECT TO app_operator USING (true);

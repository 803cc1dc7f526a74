-- The monthly factura global is the platform's: the job that issues it runs as app_system, reads
-- the month's payments of customers without fiscal data across organizations, and writes its row.
ALTER TABLE global_invoices ADD CONSTRAINT global_invoices_values_check CHECK (
  status IN ('pending', 'stamped', 'rejected') AND period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'
  AND payments > 0 AND total = subtotal + iva);
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON global_invoices TO app_system;
--> statement-breakpoint
GRANT SELECT ON global_invoices TO app_operator;
--> statement-breakpoint
GRANT SELECT (subtotal, iva, total, forma_pago) ON invoices TO app_system;
--> statement-breakpoint
GRANT SELECT (reference) ON payments TO app_system;

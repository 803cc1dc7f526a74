ALTER TABLE "invoices" ADD COLUMN "global_period" text;--> statement-breakpoint
-- Only a nota de crédito to the general public carries the factura global's month it relates to.
ALTER TABLE invoices ADD CONSTRAINT invoices_global_period_check CHECK (
  global_period IS NULL OR (kind = 'egreso' AND global_period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'));

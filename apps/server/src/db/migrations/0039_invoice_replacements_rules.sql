-- Cancellation with motive 01 issues the replacement first: the replaced ingreso points to it
-- (replaced_by), which frees its payment for the replacement (TipoRelacion 04).
DROP INDEX invoices_payment_key;
--> statement-breakpoint
CREATE UNIQUE INDEX invoices_payment_key ON invoices (organization_id, payment_id)
  WHERE kind = 'ingreso' AND replaced_by IS NULL;
--> statement-breakpoint
-- Notas de crédito made before relation_type existed are related 01.
UPDATE invoices SET relation_type = '01' WHERE kind = 'egreso' AND related_uuid IS NOT NULL;
--> statement-breakpoint
ALTER TABLE invoices ADD CONSTRAINT invoices_relation_check CHECK (
  (relation_type IS NULL) = (related_uuid IS NULL) AND (relation_type IS NULL OR relation_type IN ('01', '04')));

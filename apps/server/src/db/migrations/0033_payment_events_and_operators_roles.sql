-- Payments reported by a provider: what arrived (SPEI may come in parts), the card's funding.
-- Payments confirmed before this column existed received their whole total.
UPDATE payments SET amount_received = total WHERE status = 'succeeded';
--> statement-breakpoint
ALTER TABLE payments ADD CONSTRAINT payments_card_funding_check
  CHECK (card_funding IS NULL OR card_funding IN ('credit', 'debit', 'prepaid', 'unknown'));
--> statement-breakpoint
ALTER TABLE payments ADD CONSTRAINT payments_amount_received_check CHECK (amount_received >= 0);
--> statement-breakpoint
GRANT UPDATE (amount_received, card_funding) ON payments TO app_user;
--> statement-breakpoint
GRANT UPDATE (last_error, attempts) ON refunds TO app_user;
--> statement-breakpoint
ALTER TABLE payment_events ADD CONSTRAINT payment_events_provider_check CHECK (provider IN ('sandbox', 'manual', 'stripe'));
--> statement-breakpoint
-- Webhooks and the jobs that act on them run as the platform: they store each event, find the
-- payment or refund it names across organizations, then act in that organization as its tenant.
GRANT SELECT, INSERT, UPDATE ON payment_events TO app_system;
--> statement-breakpoint
GRANT SELECT (organization_id, id, provider, provider_payment_id, status) ON payments TO app_system;
--> statement-breakpoint
CREATE POLICY system_finds_payments ON payments FOR SELECT TO app_system USING (true);
--> statement-breakpoint
GRANT SELECT (organization_id, id, payment_id, channel, status) ON refunds TO app_system;
--> statement-breakpoint
CREATE POLICY system_finds_refunds ON refunds FOR SELECT TO app_system USING (true);
--> statement-breakpoint
-- app_operator: the back office of CajaChica's staff. Like the others it is neither superuser,
-- owner nor BYPASSRLS: it reads what the back office shows across organizations through explicit
-- policies, and changes a tenant's data only by acting in that organization as its tenant.
DO $$
BEGIN
  CREATE ROLE app_operator NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- cluster-wide role, created by another database of this cluster
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('GRANT app_operator TO %I', current_user);
EXCEPTION WHEN others THEN
  NULL;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO app_operator;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON operators, operator_sessions TO app_operator;
--> statement-breakpoint
GRANT SELECT ON organizations, subscriptions, payments, refunds, payment_events, plans TO app_operator;
--> statement-breakpoint
GRANT SELECT (id, email, name) ON users TO app_operator;
--> statement-breakpoint
GRANT SELECT ON memberships TO app_operator;
--> statement-breakpoint
CREATE POLICY operator_reads ON organizations FOR SELECT TO app_operator USING (true);
--> statement-breakpoint
CREATE POLICY operator_reads ON subscriptions FOR SELECT TO app_operator USING (true);
--> statement-breakpoint
CREATE POLICY operator_reads ON payments FOR SELECT TO app_operator USING (true);
--> statement-breakpoint
CREATE POLICY operator_reads ON refunds FOR SELECT TO app_operator USING (true);
--> statement-breakpoint
CREATE POLICY operator_reads ON memberships FOR SELECT TO app_operator USING (true);

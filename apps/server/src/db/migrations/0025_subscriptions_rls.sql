-- Subscriptions: the values the lifecycle knows (subscription-machine.ts), grants and tenant isolation.
-- Plans are global reference data: the platform (app_system) writes them at start, everyone reads.
ALTER TABLE plans ADD CONSTRAINT plans_id_check CHECK (id IN ('monthly', 'annual'));
--> statement-breakpoint
ALTER TABLE plans ADD CONSTRAINT plans_interval_check CHECK (interval IN ('month', 'year'));
--> statement-breakpoint
ALTER TABLE plans ADD CONSTRAINT plans_price_check CHECK (price > 0);
--> statement-breakpoint
GRANT SELECT ON plans TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON plans TO app_system;
--> statement-breakpoint
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_status_check CHECK (status IN ('trialing',
  'awaiting_payment', 'active', 'past_due', 'unpaid', 'cancel_scheduled', 'canceling', 'expired', 'canceled'));
--> statement-breakpoint
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_interval_check CHECK (interval IN ('month', 'year'));
--> statement-breakpoint
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_next_interval_check CHECK (next_interval IN ('month', 'year'));
--> statement-breakpoint
-- A paid period in course has its plan and its dates.
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_period_check CHECK (
  status NOT IN ('active', 'past_due', 'unpaid', 'cancel_scheduled')
  OR (interval IS NOT NULL AND current_period_start IS NOT NULL AND current_period_end > current_period_start));
--> statement-breakpoint
-- The organizations of before: their free month counts from when they signed up.
INSERT INTO subscriptions (organization_id, id, status, trial_ends_at)
SELECT id, gen_random_uuid(), 'trialing',
       ((created_at AT TIME ZONE 'America/Mexico_City') + interval '1 month') AT TIME ZONE 'America/Mexico_City'
  FROM organizations;
--> statement-breakpoint
-- The lifecycle changes a subscription; nothing deletes one (history is kept).
GRANT SELECT, INSERT, UPDATE ON subscriptions TO app_user;
--> statement-breakpoint
ALTER TABLE subscriptions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE subscriptions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON subscriptions
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());

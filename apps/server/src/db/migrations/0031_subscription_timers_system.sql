-- The subscription timers (trial end, grace, period end) run as the platform: app_system finds the
-- subscriptions that are due across organizations, then acts in each one as its tenant.
GRANT SELECT (organization_id, status, trial_ends_at, grace_ends_at, current_period_end, access_ends_on,
  next_interval, interval, last_notice) ON subscriptions TO app_system;
--> statement-breakpoint
CREATE POLICY system_finds_due_subscriptions ON subscriptions FOR SELECT TO app_system USING (true);

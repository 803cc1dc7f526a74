-- Tenancy: requests run as app_user (not superuser, not owner, no BYPASSRLS) with
-- app.organization_id set per transaction; every tenant table fails closed without it.
DO $$
BEGIN
  CREATE ROLE app_user NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- the role is cluster-wide; another database of this cluster created it already
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  -- A non-superuser owner (production) must be a member of app_user to SET ROLE to it.
  EXECUTE format('GRANT app_user TO %I', current_user);
EXCEPTION WHEN others THEN
  NULL;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON users, sessions, user_tokens, login_throttle TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT ON auth_events TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON organizations TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON memberships, invitations TO app_user;
--> statement-breakpoint
GRANT SELECT, INSERT ON audit_log TO app_user;
--> statement-breakpoint
CREATE FUNCTION app_current_organization() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT NULLIF(current_setting('app.organization_id', true), '')::uuid $$;
--> statement-breakpoint
CREATE FUNCTION app_current_user() RETURNS uuid LANGUAGE sql STABLE AS
  $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;
--> statement-breakpoint
-- History tables are append-only for everyone, owner included.
CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER auth_events_append_only BEFORE UPDATE OR DELETE ON auth_events
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
--> statement-breakpoint
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON invitations
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
CREATE POLICY tenant_isolation ON audit_log
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
CREATE POLICY tenant_isolation ON memberships
  USING (organization_id = app_current_organization())
  WITH CHECK (organization_id = app_current_organization());
--> statement-breakpoint
-- A person reads their own memberships in every organization (to list and switch them), nothing more.
CREATE POLICY own_memberships_read ON memberships FOR SELECT
  USING (user_id = app_current_user());
--> statement-breakpoint
CREATE POLICY tenant_isolation ON organizations
  USING (id = app_current_organization())
  WITH CHECK (id = app_current_organization());
--> statement-breakpoint
CREATE POLICY member_organizations_read ON organizations FOR SELECT
  USING (id IN (SELECT organization_id FROM memberships WHERE user_id = app_current_user()));

-- app_system: the platform's own work across organizations (operator CLI, reference-data jobs).
-- Like app_user it is neither superuser, owner nor BYPASSRLS; what it may see of tenants is
-- granted by explicit policies (the list of organizations, nothing else).
DO $$
BEGIN
  CREATE ROLE app_system NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- cluster-wide role, created by another database of this cluster
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  EXECUTE format('GRANT app_system TO %I', current_user);
EXCEPTION WHEN others THEN
  NULL;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO app_system;
--> statement-breakpoint
GRANT SELECT ON organizations TO app_system;
--> statement-breakpoint
CREATE POLICY system_lists_organizations ON organizations FOR SELECT TO app_system USING (true);
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON sat_69b_taxpayers, sat_69b_imports TO app_system;
--> statement-breakpoint
GRANT SELECT ON sat_69b_taxpayers, sat_69b_imports TO app_user;

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseKind, openTestDatabase, testDatabaseKinds } from '../../test/helpers/test-database.js';
import { auditLog } from './audit/audit.schema.js';
import type { Database } from './db/database.js';
import { newId } from './db/ids.js';
import { withTenant } from './tenancy.js';

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

describe.each(testDatabaseKinds())('row-level security on %s', (kind: DatabaseKind) => {
  let database: Database;
  const orgA = newId();
  const orgB = newId();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    for (const organizationId of [orgA, orgB]) {
      await withTenant(database.db, { organizationId }, async (tx) => {
        await tx.execute(
          sql`INSERT INTO organizations (id, name) VALUES (${organizationId}, ${`Org ${organizationId}`})`,
        );
        await tx.insert(auditLog).values({ organizationId, action: 'test.created', targetType: 'test' });
      });
    }
  });
  afterAll(async () => database.close());

  it('runs requests as app_user, which is neither superuser, table owner, nor BYPASSRLS', async () => {
    const [role] = await withTenant(database.db, { organizationId: orgA }, async (tx) =>
      rowsOf<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean; owns: boolean }>(
        await tx.execute(sql`SELECT current_user, r.rolsuper, r.rolbypassrls,
          EXISTS (SELECT 1 FROM pg_tables WHERE tableowner = current_user) AS owns
          FROM pg_roles r WHERE r.rolname = current_user`),
      ),
    );
    expect(role).toEqual({ current_user: 'app_user', rolsuper: false, rolbypassrls: false, owns: false });
  });

  it('puts every table that holds an organization_id under forced row-level security with a tenant policy', async () => {
    const tables = rowsOf<{ table: string; enabled: boolean; forced: boolean; policies: number }>(
      await database.db.execute(sql`
        SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
               (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'r'
           AND EXISTS (SELECT 1 FROM pg_attribute a
                        WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped)
         ORDER BY 1`),
    );
    expect(tables.map((t) => t.table)).toContain('expense_rollups');
    // A person's sessions and sign-in events belong to the person (across organizations); they
    // only note the organization a session acted in, and are read by user, never by tenant.
    const personal = ['auth_events', 'sessions'];
    expect(
      tables.filter((t) => !personal.includes(t.table) && (!t.enabled || !t.forced || t.policies === 0)),
    ).toEqual([]);
  });

  it('shows organization B none of organization A rows', async () => {
    const seen = await withTenant(database.db, { organizationId: orgB }, async (tx) => ({
      audit: await tx.select().from(auditLog),
      organizations: rowsOf<{ id: string }>(await tx.execute(sql`SELECT id FROM organizations`)),
    }));
    expect(seen.audit.map((row) => row.organizationId)).toEqual([orgB]);
    expect(seen.organizations.map((row) => row.id)).toEqual([orgB]);
  });

  it('refuses organization B an insert into organization A', async () => {
    await expect(
      withTenant(database.db, { organizationId: orgB }, (tx) =>
        tx.insert(auditLog).values({ organizationId: orgA, action: 'test.intrusion', targetType: 'test' }),
      ),
    ).rejects.toThrow();
    const countA = await withTenant(
      database.db,
      { organizationId: orgA },
      async (tx) => (await tx.select().from(auditLog)).length,
    );
    expect(countA).toBe(1);
  });

  it('fails closed: without an organization no tenant row is visible or writable', async () => {
    const visible = await withTenant(
      database.db,
      {},
      async (tx) => (await tx.select().from(auditLog)).length,
    );
    expect(visible).toBe(0);
    await expect(
      withTenant(database.db, {}, (tx) =>
        tx.insert(auditLog).values({ organizationId: orgA, action: 'x', targetType: 'x' }),
      ),
    ).rejects.toThrow();
  });

  it('refuses to change or delete audit history, even inside the right organization', async () => {
    await expect(
      withTenant(database.db, { organizationId: orgA }, (tx) =>
        tx.execute(sql`UPDATE audit_log SET action = 'forged'`),
      ),
    ).rejects.toThrow();
    await expect(
      withTenant(database.db, { organizationId: orgA }, (tx) => tx.execute(sql`DELETE FROM audit_log`)),
    ).rejects.toThrow();
  });
});

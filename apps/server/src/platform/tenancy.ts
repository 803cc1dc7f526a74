import { sql } from 'drizzle-orm';
import type { Db, Tx } from './db/database.js';

export interface TenantScope {
  /** The organization whose rows this transaction may see; none means no tenant rows at all. */
  organizationId?: string | null | undefined;
  /** The person acting: lets them read their own memberships in other organizations. */
  userId?: string | null | undefined;
}

/**
 * Runs fn in a transaction as the unprivileged app_user role with the tenant settings
 * row-level security reads. Every request's database work goes through here.
 */
export async function withTenant<T>(db: Db, scope: TenantScope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // One round trip: set_config('role', ..., true) is SET LOCAL ROLE.
    await tx.execute(
      sql`SELECT set_config('app.organization_id', ${scope.organizationId ?? ''}, true),
                 set_config('app.user_id', ${scope.userId ?? ''}, true),
                 set_config('role', 'app_user', true)`,
    );
    return fn(tx);
  });
}

/** Re-scopes an open transaction (sign-up creates an organization and then writes into it). */
export async function switchTenant(tx: Tx, scope: TenantScope): Promise<void> {
  await tx.execute(
    sql`SELECT set_config('app.organization_id', ${scope.organizationId ?? ''}, true),
               set_config('app.user_id', ${scope.userId ?? ''}, true)`,
  );
}

/**
 * Runs fn as app_system: the platform's own work across organizations (listing them to visit each
 * one as a tenant, replacing global reference data). Never for a request of a tenant.
 */
export async function withSystem<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT set_config('app.organization_id', '', true), set_config('role', 'app_system', true)`,
    );
    return fn(tx);
  });
}

/**
 * Runs fn as app_operator: the back office of CajaChica's staff, which reads customers, payments
 * and refunds across organizations (migration 0033's policies). A change to a tenant's data goes
 * through withTenant in that organization, as every other change does.
 */
export async function withOperator<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT set_config('app.organization_id', '', true), set_config('role', 'app_operator', true)`,
    );
    return fn(tx);
  });
}

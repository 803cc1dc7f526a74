import { and, eq, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { withTenant } from '../../platform/tenancy.js';
import { findingsFor, type Supplier69bLookup } from './expense-findings.js';
import { expenses } from './expenses.schema.js';

/**
 * Re-evaluates the findings of an organization's live expenses whose supplier is on SAT's 69-B
 * list, or was flagged by an earlier list (so a supplier who left it loses the flag). Returns how
 * many expenses changed.
 */
export async function refreshSupplierListFindings(
  db: Db,
  organizationId: string,
  deps: { lookup69b: Supplier69bLookup; now: () => Date },
): Promise<number> {
  return withTenant(db, { organizationId }, async (tx) => {
    const rows = await tx
      .select()
      .from(expenses)
      .where(
        and(
          eq(expenses.organizationId, organizationId),
          ne(expenses.status, 'discarded'),
          or(
            sql`${expenses.supplierRfc} IN (SELECT rfc FROM sat_69b_taxpayers)`,
            sql`${expenses.findings} @> '[{"code":"SUPPLIER_69B_DEFINITIVO"}]'::jsonb`,
            sql`${expenses.findings} @> '[{"code":"SUPPLIER_69B_PRESUNTO"}]'::jsonb`,
          ),
        ),
      )
      .for('update');
    let changed = 0;
    for (const row of rows) {
      const { findings, findingLevel } = await findingsFor(tx, organizationId, row, deps);
      if (JSON.stringify(findings) === JSON.stringify(row.findings)) continue;
      await tx
        .update(expenses)
        .set({ findings, findingLevel, updatedAt: deps.now() })
        .where(and(eq(expenses.organizationId, organizationId), eq(expenses.id, row.id)));
      changed++;
    }
    return changed;
  });
}

/** The re-flagging callback the 69-B import runs for each organization. */
export function supplierListRefresher(
  db: Db,
  lookup69b: Supplier69bLookup,
  now: () => Date = () => new Date(),
) {
  return (organizationId: string) => refreshSupplierListFindings(db, organizationId, { lookup69b, now });
}

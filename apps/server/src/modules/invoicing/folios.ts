import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { withSystem } from '../../platform/tenancy.js';
import { invoiceSeries } from './invoicing.schema.js';

/** The next folio of a serie, taken once (platform-wide counter, app_system). */
export async function nextFolio(db: Db, serie: string): Promise<number> {
  const [row] = await withSystem(db, (tx) =>
    tx
      .insert(invoiceSeries)
      .values({ serie, nextFolio: 2 })
      .onConflictDoUpdate({
        target: invoiceSeries.serie,
        set: { nextFolio: sql`${invoiceSeries.nextFolio} + 1` },
      })
      .returning({ folio: sql<number>`${invoiceSeries.nextFolio} - 1` }),
  );
  if (!row) throw new Error(`no folio for serie ${serie}`);
  return Number(row.folio);
}

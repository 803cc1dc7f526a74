import { desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { read69bList } from '../../platform/sat/index.js';
import { withSystem } from '../../platform/tenancy.js';
import { organizations } from '../organizations/organizations.schema.js';
import { sat69bImports, sat69bTaxpayers } from './sat-lists.schema.js';

const INSERT_CHUNK = 1000;

/** A supplier's standing in the 69-B list that matters for deducibility (desvirtuado / sentencia favorable clear it). */
export async function lookup69b(tx: Tx, rfc: string): Promise<'presunto' | 'definitivo' | null> {
  const [row] = await tx
    .select({ situation: sat69bTaxpayers.situation })
    .from(sat69bTaxpayers)
    .where(eq(sat69bTaxpayers.rfc, rfc.toUpperCase()));
  return row?.situation === 'presunto' || row?.situation === 'definitivo' ? row.situation : null;
}

/**
 * SAT's 69-B list, kept by the platform operator: an import replaces the whole list in one
 * transaction, then every organization's expenses are re-flagged against it.
 */
export function createSat69bService(deps: {
  db: Db;
  /** Re-evaluates one organization's expenses against the new list; returns how many changed. */
  refreshOrganization: (organizationId: string) => Promise<number>;
}) {
  const { db } = deps;
  return {
    async importList(input: AsyncIterable<Uint8Array | string>, source: string) {
      const list = await read69bList(input);
      if (list.fileError) {
        throw new AppError(
          'SAT_69B_INVALID_FILE',
          400,
          `El archivo no es la lista 69-B del SAT: ${list.fileError}`,
        );
      }
      // One row per RFC; a later row of the same RFC is its newer situation.
      const byRfc = new Map(list.taxpayers.map((taxpayer) => [taxpayer.rfc, taxpayer]));
      const { importId, organizationIds } = await withSystem(db, async (tx) => {
        const [imported] = await tx
          .insert(sat69bImports)
          .values({ source, taxpayers: byRfc.size, invalidRows: list.invalidRows.length })
          .returning({ id: sat69bImports.id });
        if (!imported) throw new Error('69-B import row not written');
        await tx.delete(sat69bTaxpayers).where(sql`true`);
        const rows = [...byRfc.values()].map((taxpayer) => ({
          rfc: taxpayer.rfc,
          name: taxpayer.name,
          situation: taxpayer.situation,
          publishedAt: taxpayer.publishedAt ?? null,
          importId: imported.id,
        }));
        for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
          await tx.insert(sat69bTaxpayers).values(rows.slice(start, start + INSERT_CHUNK));
        }
        const orgs = await tx.select({ id: organizations.id }).from(organizations);
        return { importId: imported.id, organizationIds: orgs.map((org) => org.id) };
      });
      let reflagged = 0;
      for (const organizationId of organizationIds)
        reflagged += await deps.refreshOrganization(organizationId);
      return {
        importId,
        taxpayers: byRfc.size,
        invalidRows: list.invalidRows,
        organizations: organizationIds.length,
        expensesReflagged: reflagged,
      };
    },

    async lastImport() {
      const [row] = await withSystem(db, (tx) =>
        tx.select().from(sat69bImports).orderBy(desc(sat69bImports.importedAt)).limit(1),
      );
      return row ?? null;
    },
  };
}

export type Sat69bService = ReturnType<typeof createSat69bService>;

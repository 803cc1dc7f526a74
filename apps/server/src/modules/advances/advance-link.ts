import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { findingLevel } from '../expenses/deducibility.js';
import { expenses, type StoredFinding } from '../expenses/expenses.schema.js';
import type { AdvanceLink } from '../expenses/index.js';
import { advanceErrors } from './advances.errors.js';
import { advances } from './advances.schema.js';
import { type Trip, VIATICOS_CATEGORY, type ViaticosLimits, viaticosFindings } from './viaticos.js';

export type AdvanceRow = typeof advances.$inferSelect;

export function tripOf(row: AdvanceRow): Trip | null {
  if (!row.tripScope || !row.tripStart || !row.tripEnd) return null;
  return { scope: row.tripScope, start: row.tripStart, end: row.tripEnd };
}

/** Replaces an expense's viáticos findings (the others stay); writes and answers them only when they changed. */
async function writeViaticos(
  tx: Tx,
  organizationId: string,
  row: { id: string; findings: StoredFinding[] },
  viaticos: StoredFinding[],
) {
  const current = row.findings.filter((finding) => finding.category === VIATICOS_CATEGORY);
  if (JSON.stringify(current) === JSON.stringify(viaticos)) return null;
  const findings = [...row.findings.filter((finding) => finding.category !== VIATICOS_CATEGORY), ...viaticos];
  const changed = { findings, findingLevel: findingLevel(findings) };
  await tx
    .update(expenses)
    .set(changed)
    .where(and(eq(expenses.organizationId, organizationId), eq(expenses.id, row.id)));
  return changed;
}

/** Recomputes the viáticos findings of every expense of the advance (per-day sums span expenses). */
export async function refreshViaticos(
  tx: Tx,
  organizationId: string,
  advanceId: string,
  limits: ViaticosLimits,
) {
  const [advance] = await tx
    .select()
    .from(advances)
    .where(and(eq(advances.organizationId, organizationId), eq(advances.id, advanceId)));
  if (!advance) return;
  const rows = await tx
    .select({
      id: expenses.id,
      date: expenses.expenseDate,
      travelKind: expenses.travelKind,
      totalMxn: expenses.totalMxn,
      status: expenses.status,
      findings: expenses.findings,
    })
    .from(expenses)
    .where(and(eq(expenses.organizationId, organizationId), eq(expenses.advanceId, advanceId)))
    .orderBy(expenses.id);
  const computed = viaticosFindings(tripOf(advance), rows, limits);
  for (const row of rows) await writeViaticos(tx, organizationId, row, computed.get(row.id) ?? []);
}

/** What the expenses module asks of advances: attach an expense to one, keep the viáticos findings current. */
export function createAdvanceLink(deps: { limits: ViaticosLimits }): AdvanceLink {
  return {
    async lockAdvanceOf(tx, organizationId, expenseId) {
      await tx.execute(
        sql`SELECT 1 FROM advances WHERE organization_id = ${organizationId} AND id =
              (SELECT advance_id FROM expenses WHERE organization_id = ${organizationId} AND id = ${expenseId})
            FOR NO KEY UPDATE`,
      );
    },

    async attach(tx, actor, advanceId, expense) {
      // A shared lock: a settlement (which locks the advance for update) waits for this expense, or
      // this expense sees the advance settled.
      const [advance] = await tx
        .select()
        .from(advances)
        .where(and(eq(advances.organizationId, actor.organizationId), eq(advances.id, advanceId)))
        .for('share');
      if (!advance) throw advanceErrors.advanceNotFound();
      if (advance.status !== 'open') throw advanceErrors.notOpen(advance.folio, advance.status);
      if (advance.employeeId !== expense.spenderId) throw advanceErrors.notTheEmployee();
      if (expense.paymentMethod !== 'employee') throw advanceErrors.paymentMethodMustBeEmployee();
      return { fundId: advance.fundId };
    },

    async refresh(tx, organizationId, expenseId, advanceIds) {
      for (const advanceId of new Set(advanceIds)) {
        if (advanceId) await refreshViaticos(tx, organizationId, advanceId, deps.limits);
      }
      const [row] = await tx
        .select({
          id: expenses.id,
          advanceId: expenses.advanceId,
          findings: expenses.findings,
          findingLevel: expenses.findingLevel,
        })
        .from(expenses)
        .where(and(eq(expenses.organizationId, organizationId), eq(expenses.id, expenseId)));
      if (!row) return null;
      if (row.advanceId) return { findings: row.findings, findingLevel: row.findingLevel };
      // Taken off its advance: its viáticos findings go with it.
      const stripped = await writeViaticos(tx, organizationId, row, []);
      return stripped ?? { findings: row.findings, findingLevel: row.findingLevel };
    },
  };
}

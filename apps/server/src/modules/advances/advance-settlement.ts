import { and, eq } from 'drizzle-orm';
import { auditAs, recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import { PermissionDenied } from '../../platform/auth/permissions.js';
import type { Tx } from '../../platform/db/database.js';
import type { OutgoingMail } from '../../platform/mail/mailer.js';
import { advanceSettledMail } from '../../platform/mail/templates.js';
import { formatPesos, money, toCentavos } from '../../platform/money.js';
import type { Fund } from '../funds/index.js';
import { memberContacts } from '../organizations/index.js';
import { recordsPayments } from './advance-access.js';
import { type AdvanceRow, refreshViaticos } from './advance-link.js';
import { advanceDetail, advanceExpenses, advanceTotals } from './advance-views.js';
import { advanceErrors } from './advances.errors.js';
import { advances } from './advances.schema.js';
import type { AdvancesDeps } from './advances.service.js';

type SettlementDeps = Pick<AdvancesDeps, 'funds' | 'config'> & { now: () => Date; today: () => string };

/** What happened to the difference, in the employee's words. */
function outcomeText(row: AdvanceRow, difference: string, fundName: string | null, reference: string | null) {
  const d = money(difference);
  const amount = formatPesos(d.abs().toFixed(2));
  const ref = reference ? ` (referencia ${reference})` : '';
  if (d.isZero()) return 'Comprobaste exactamente el anticipo: no hay nada que devolver ni que reembolsar.';
  if (row.method === 'fund_cash') {
    return d.isPositive()
      ? `Devolviste ${amount} en efectivo a la caja "${fundName ?? ''}".`
      : `Gastaste ${amount} más que el anticipo: se te reembolsaron en efectivo de la caja "${fundName ?? ''}".`;
  }
  return d.isPositive()
    ? `Se registró tu devolución de ${amount} por transferencia${ref}.`
    : `Gastaste ${amount} más que el anticipo: se te reembolsan por transferencia${ref}.`;
}

/**
 * Settles an open advance (locked by the caller) with its approved expenses e, once none waits for
 * a decision. In cash: one movement — the box gets back x − e, or pays the excess e − x, and the
 * expenses become its pending vouchers. By transfer: no fund moves; the difference and its
 * transfer reference are recorded.
 */
export async function settleAdvance(
  tx: Tx,
  deps: SettlementDeps,
  actor: Actor,
  row: AdvanceRow,
  input: { reference?: string | undefined },
  origin: RequestOrigin,
): Promise<{ detail: Awaited<ReturnType<typeof advanceDetail>>; mail: OutgoingMail | null }> {
  if (row.status !== 'open') throw advanceErrors.notOpen(row.folio, row.status);
  let fund: Fund | null = null;
  if (row.method === 'fund_cash' && row.fundId) {
    fund = recordsPayments(actor)
      ? await deps.funds.lockFundForMovement(tx, actor, row.fundId)
      : await deps.funds.lockOperableFund(tx, actor, row.fundId);
  } else if (!recordsPayments(actor)) {
    throw new PermissionDenied('payments.record');
  }
  const list = await advanceExpenses(tx, actor.organizationId, row.id);
  const { totals, preview } = advanceTotals(row.amount, list);
  if (totals.waiting.draft + totals.waiting.submitted > 0)
    throw advanceErrors.expensesWaiting(totals.waiting.draft, totals.waiting.submitted);
  const spent = preview.expenses;
  const difference = toCentavos(money(row.amount).minus(spent));
  const reference = input.reference?.trim() || null;

  let movementId: string | null = null;
  if (fund) {
    if (money(preview.toPay).greaterThan(fund.cash))
      throw advanceErrors.excessExceedsCash(fund.cash, preview.toPay);
    const movement = await deps.funds.appendMovement(
      tx,
      actor,
      fund,
      { kind: 'advance_settled', amount: row.amount, expenses: spent },
      {
        source: { type: 'advance', id: row.id },
        memo: `Liquidación del anticipo ${row.folio}${reference ? ` · ${reference}` : ''}`,
      },
    );
    movementId = movement.id;
  } else if (!money(difference).isZero() && !reference) {
    // By transfer, the money that moved is traced by its bank reference.
    throw advanceErrors.referenceRequired();
  }

  const at = deps.now();
  const [after] = await tx
    .update(advances)
    .set({
      status: 'settled',
      settledExpenses: spent,
      settledDifference: difference,
      settlementMethod: row.method,
      settlementReference: reference,
      settlementMovementId: movementId,
      settledBy: actor.membershipId,
      settledAt: at,
    })
    .where(and(eq(advances.organizationId, actor.organizationId), eq(advances.id, row.id)))
    .returning();
  if (!after) throw advanceErrors.advanceNotFound();
  await refreshViaticos(tx, actor.organizationId, row.id, deps.config.viaticos);
  const detail = await advanceDetail(tx, actor.organizationId, after, deps.today());
  await recordAudit(tx, auditAs(actor), origin, {
    action: 'advance.settled',
    targetType: 'advance',
    targetId: row.id,
    before: { status: row.status },
    after: { status: 'settled', settlement: detail.settlement },
  });

  const contact = (await memberContacts(tx, actor.organizationId, [row.employeeId])).get(row.employeeId);
  const mail = contact
    ? advanceSettledMail(
        contact.email,
        contact.name,
        {
          folio: row.folio,
          purpose: row.purpose,
          amount: formatPesos(row.amount),
          expenses: formatPesos(spent),
          outcome: outcomeText(row, difference, fund?.name ?? null, reference),
        },
        `${deps.config.appUrl}/app/anticipos/${row.id}`,
      )
    : null;
  return { detail, mail };
}

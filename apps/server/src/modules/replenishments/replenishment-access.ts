import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { can } from '../../platform/auth/permissions.js';
import type { Tx } from '../../platform/db/database.js';
import { canOperateFund, canReadFund } from '../funds/fund-access.js';
import { type Fund, lockFund } from '../funds/fund-ledger.js';
import { fundErrors } from '../funds/index.js';
import type { ReplenishmentRow } from './replenishment-create.js';
import { type Header, headerQuery } from './replenishment-views.js';
import { replenishmentErrors } from './replenishments.errors.js';
import { type ReplenishmentStatus, replenishments } from './replenishments.schema.js';

// Who sees and acts on a replenishment: like its fund. Readers of every fund see them all; a
// custodian sees their funds'. The custodian, managers and approvers may check, exclude or cancel.

/** A replenishment the actor may see; another organization's, or another custodian's, is not found. */
export async function loadVisible(tx: Tx, actor: Actor, id: string): Promise<Header> {
  const [header] = await headerQuery(tx, actor.organizationId, eq(replenishments.id, id), 1);
  if (!header || !canReadFund(actor, { custodianId: header.custodianId }))
    throw replenishmentErrors.notFound();
  return header;
}

/** Check it at SAT, exclude a voucher, cancel it: the fund's custodian, a manager or an approver. */
export function requireMayAct(actor: Actor, header: Header) {
  if (!canOperateFund(actor, { custodianId: header.custodianId }) && !can(actor.roles, 'expenses.approve'))
    throw replenishmentErrors.cannotAct();
}

/** The fund a request is for: visible to the actor, operable by them (custodian or manager), open. */
export async function lockRequestableFund(tx: Tx, actor: Actor, fundId: string): Promise<Fund> {
  const fund = await lockFund(tx, actor.organizationId, fundId);
  if (!fund || !canReadFund(actor, fund)) throw fundErrors.fundNotFound();
  if (!canOperateFund(actor, fund)) throw fundErrors.notCustodian();
  if (fund.status !== 'open') throw fundErrors.fundClosed();
  return fund;
}

/**
 * Locks for a decision, always in this order (no deadlock between two decisions): the fund, then
 * the replenishment row. Refuses unless it is in one of the allowed states.
 */
export async function lockForDecision(
  tx: Tx,
  actor: Actor,
  header: Header,
  allowed: readonly ReplenishmentStatus[],
  action: string,
): Promise<{ fund: Fund; row: ReplenishmentRow }> {
  const fund = await lockFund(tx, actor.organizationId, header.row.fundId);
  if (!fund) throw fundErrors.fundNotFound();
  const [row] = await tx
    .select()
    .from(replenishments)
    .where(and(eq(replenishments.organizationId, actor.organizationId), eq(replenishments.id, header.row.id)))
    .for('update');
  if (!row) throw replenishmentErrors.notFound();
  if (!allowed.includes(row.status)) throw replenishmentErrors.invalidState(row.folio, row.status, action);
  return { fund, row };
}

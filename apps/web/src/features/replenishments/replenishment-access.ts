import { canApproveExpenses, mayOperateFund } from '../../api/session';
import type { Me } from '../../api/types';
import { canRecordPayments, type Replenishment } from './replenishments.api';

// What the person may do with a replenishment; the server has the last word (and says why).

/** Check at SAT, exclude a voucher, cancel: the fund's custodian, managers and approvers. */
export function mayActOn(me: Me, replenishment: Replenishment): boolean {
  return mayOperateFund(me, { custodian: { id: replenishment.fund.custodianId } }) || canApproveExpenses(me);
}

/** Approve: an approver who did not ask for it. */
export function mayApprove(me: Me, replenishment: Replenishment): boolean {
  return canApproveExpenses(me) && replenishment.requestedBy?.id !== me.membershipId;
}

export const mayPay = (me: Me) => canRecordPayments(me);

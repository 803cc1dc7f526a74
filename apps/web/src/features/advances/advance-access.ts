import { canManageFunds } from '../../api/session';
import type { Fund, Me } from '../../api/types';
import type { Advance } from './advances.api';

// What the screens offer; the server decides (these mirror its rules, advance-access.ts there).

/** Whoever records payments (payments.record) or manages funds settles and reimburses any advance or expense. */
export function recordsPayments(me: Me): boolean {
  return canManageFunds(me) || me.roles.includes('accountant');
}

/** Hand out: managers any advance; a custodian, cash from a fund they hold. */
export function mayHandOut(me: Me, usableFunds: readonly Fund[]): boolean {
  return canManageFunds(me) || usableFunds.length > 0;
}

/** Settle: whoever records payments, or the custodian of the fund a cash advance came from. */
export function maySettle(me: Me, advance: Advance, custodiedFundIds: readonly string[]): boolean {
  if (advance.status !== 'open') return false;
  if (recordsPayments(me)) return true;
  return advance.method === 'fund_cash' && !!advance.fund && custodiedFundIds.includes(advance.fund.id);
}

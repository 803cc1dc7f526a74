import { type QueryClient, useQuery } from '@tanstack/react-query';
import { ApiError, api } from './client';
import type { Me } from './types';

export const meQueryKey = ['me'] as const;

/** GET /me, with "not signed in" as `null` rather than an error. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The current session: `data` is the Me, `null` when signed out, `undefined` while loading. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** After login, accepting an invitation or switching organization the server answers the new Me. */
export function storeSession(queryClient: QueryClient, me: Me): void {
  queryClient.setQueryData(meQueryKey, me);
}

export function logout(): Promise<void> {
  return api.post<void>('/auth/logout');
}

export function canManageMembers(me: Me): boolean {
  return me.roles.includes('owner') || me.roles.includes('admin');
}

export function canReadMembers(me: Me): boolean {
  return canManageMembers(me) || me.roles.includes('accountant') || me.roles.includes('auditor');
}

export function isOwner(me: Me): boolean {
  return me.roles.includes('owner');
}

/** Fiscal data is read by the same roles that read members; only the owner changes it. */
export function canReadFiscalData(me: Me): boolean {
  return canReadMembers(me);
}

/** Open, resize and close funds: the organization's administrators. */
export function canManageFunds(me: Me): boolean {
  return canManageMembers(me);
}

/** Create, change and deactivate expense categories and cost centers (`categories.manage`). */
export function canManageCategories(me: Me): boolean {
  return canManageMembers(me);
}

/** Set spending limits and the fund-change approval amount (`policies.manage`). */
export function canManagePolicies(me: Me): boolean {
  return canManageMembers(me);
}

/** Readers of every fund; anyone else sees only the funds they hold as custodian. */
export function readsAllFunds(me: Me): boolean {
  return me.roles.some((role) => ['owner', 'admin', 'approver', 'accountant', 'auditor'].includes(role));
}

/** Spend from (and import into) this fund: managers, and the fund's custodian. */
export function mayOperateFund(me: Me, fund: { custodian: { id: string } }): boolean {
  return canManageFunds(me) || fund.custodian.id === me.membershipId;
}

/** Change a draft: administrators, whoever it belongs to, and its fund's custodian (server decides the last). */
export function mayChangeExpense(
  me: Me,
  expense: { spender: { id: string }; fundId: string | null },
  custodiedFundIds: readonly string[] = [],
): boolean {
  return (
    canManageFunds(me) ||
    expense.spender.id === me.membershipId ||
    (expense.fundId !== null && custodiedFundIds.includes(expense.fundId))
  );
}

/** Approve or reject others' expenses (the server refuses one's own). */
export function canApproveExpenses(me: Me): boolean {
  return canManageMembers(me) || me.roles.includes('approver');
}

/** Record one's own expenses and import CFDIs: everyone but the read-only auditor. */
export function canRecordExpenses(me: Me): boolean {
  return me.roles.some((role) => role !== 'auditor');
}

/** A `next` parameter is honoured only when it points inside this site (no open redirects). */
export function safeNextPath(next: string | null): string | null {
  if (!next) return null;
  try {
    const url = new URL(next, window.location.origin);
    if (url.origin !== window.location.origin) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/** Inside `/app` the session is known (ProtectedApp waits for it). */
export function useSession(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSession used outside the signed-in app');
  return data;
}

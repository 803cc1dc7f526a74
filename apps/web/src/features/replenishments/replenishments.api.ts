import { api, query } from '../../api/client';
import type { Amount, ExpenseStatus, Finding, Me, Page, SatStatus } from '../../api/types';

export const REPLENISHMENT_STATUSES = ['requested', 'approved', 'paid', 'canceled'] as const;
export type ReplenishmentStatus = (typeof REPLENISHMENT_STATUSES)[number];

interface Person {
  id: string;
  name: string;
}

/** A voucher waiting for (or included in) a replenishment: an approved expense or a counted difference. */
export interface Voucher {
  sourceType: 'expense' | 'cash_count';
  id: string;
  /** What it adds to the replenishment; an overage subtracts (negative). */
  amount: Amount;
  date: string;
  expense: {
    concept: string;
    supplier: { rfc: string | null; name: string | null };
    cfdiUuid: string | null;
    category: Person | null;
    totalMxn: Amount;
    status: ExpenseStatus;
    sat: { status: SatStatus; checkedAt: string | null };
    findings: Finding[];
  } | null;
  cashCount: {
    countedAt: string;
    expectedCash: Amount;
    countedCash: Amount;
    difference: Amount;
    kind: 'shortage' | 'overage';
  } | null;
  /** SAT reports the CFDI cancelled: it must leave the replenishment before approval. */
  satCancelled: boolean;
}

/** A reposición: the fund's vouchers grouped into one payment to its custodian. */
export interface Replenishment {
  id: string;
  folio: number;
  fund: { id: string; name: string; custodianId: string };
  status: ReplenishmentStatus;
  total: Amount;
  automatic: boolean;
  itemCount: number;
  satCancelledCount: number;
  requestedBy: Person | null;
  requestedAt: string;
  satCheckedAt: string | null;
  approvedBy: Person | null;
  approvedAt: string | null;
  paidBy: Person | null;
  paidAt: string | null;
  paymentDate: string | null;
  paymentReference: string | null;
  movementId: string | null;
  canceledBy: Person | null;
  canceledAt: string | null;
  cancelReason: string | null;
}

export interface ReplenishmentItem {
  id: string;
  active: boolean;
  excludedReason: string | null;
  voucher: Voucher;
}

export interface ReplenishmentDetail extends Replenishment {
  items: ReplenishmentItem[];
}

export interface EligibleVouchers {
  fund: { id: string; name: string };
  vouchers: Voucher[];
  defaultTotal: Amount;
}

const path = (id: string) => `/replenishments/${encodeURIComponent(id)}`;

export const listReplenishments = (filters: { status?: string; fundId?: string }, cursor?: string) =>
  api.get<Page<Replenishment>>(`/replenishments${query({ limit: 50, cursor, ...filters })}`);

export const getReplenishment = (id: string) => api.get<ReplenishmentDetail>(path(id));

export const eligibleVouchers = (fundId: string) =>
  api.get<EligibleVouchers>(`/replenishments/eligible-vouchers${query({ fundId })}`);

export const requestReplenishment = (input: {
  fundId: string;
  expenseIds: string[];
  cashCountIds: string[];
}) => api.post<ReplenishmentDetail>('/replenishments', input);

export const checkAtSat = (id: string) => api.post<ReplenishmentDetail>(`${path(id)}/sat-check`);
export const approveReplenishment = (id: string) => api.post<ReplenishmentDetail>(`${path(id)}/approve`);
export const payReplenishment = (id: string, input: { paymentDate: string; reference: string }) =>
  api.post<ReplenishmentDetail>(`${path(id)}/pay`, input);
export const cancelReplenishment = (id: string, reason: string) =>
  api.post<ReplenishmentDetail>(`${path(id)}/cancel`, { reason });
export const excludeItem = (id: string, itemId: string, reason: string) =>
  api.post<ReplenishmentDetail>(`${path(id)}/items/${encodeURIComponent(itemId)}/exclude`, { reason });

/** Query keys carry the organization; everything about replenishments starts with `replenishments`. */
export const replenishmentsKeys = {
  all: ['replenishments'] as const,
  list: (organizationId: string, filters: object) =>
    ['replenishments', organizationId, 'list', filters] as const,
  detail: (organizationId: string, id: string) => ['replenishments', organizationId, 'detail', id] as const,
  eligible: (organizationId: string, fundId: string) =>
    ['replenishments', organizationId, 'eligible', fundId] as const,
};

/** Record the transfer to the custodian (`payments.record`). */
export function canRecordPayments(me: Me): boolean {
  return me.roles.some((role) => role === 'owner' || role === 'admin' || role === 'accountant');
}

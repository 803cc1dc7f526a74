import { api, query } from '../../api/client';
import type {
  Fund,
  FundChangeOutcome,
  FundChangeRequest,
  FundInput,
  FundMovement,
  Page,
} from '../../api/types';

const fundPath = (id: string) => `/funds/${encodeURIComponent(id)}`;

export const listFunds = (cursor?: string) => api.get<Page<Fund>>(`/funds${query({ limit: 100, cursor })}`);

export const getFund = (id: string) => api.get<Fund>(fundPath(id));

export const createFund = (input: FundInput) => api.post<Fund>('/funds', input);

export const adjustFund = (id: string, direction: 'increase' | 'decrease', amount: string, memo?: string) =>
  api.post<FundChangeOutcome>(`${fundPath(id)}/${direction}`, { amount, ...(memo ? { memo } : {}) });

export const closeFund = (id: string, memo?: string) =>
  api.post<FundChangeOutcome>(`${fundPath(id)}/close`, memo ? { memo } : {});

export const listPendingChanges = (fundId: string) =>
  api.get<{ data: FundChangeRequest[] }>(`/fund-change-requests${query({ fundId, status: 'pending' })}`);

const changePath = (id: string) => `/fund-change-requests/${encodeURIComponent(id)}`;

export const approveChange = (id: string) =>
  api.post<{ request: FundChangeRequest; fund: Fund }>(`${changePath(id)}/approve`, {});

/** Another manager rejects (reason required); the requester cancels (no reason needed). */
export const rejectChange = (id: string, reason?: string) =>
  api.post<FundChangeRequest>(`${changePath(id)}/reject`, reason ? { reason } : {});

export const listMovements = (id: string, cursor?: string) =>
  api.get<Page<FundMovement>>(`${fundPath(id)}/movements${query({ limit: 50, cursor })}`);

/**
 * Query keys carry the organization. Everything about funds starts with `funds`, so one
 * invalidation (after an expense or an import moved cash) refreshes lists, balances and ledgers.
 */
export const fundsKeys = {
  all: ['funds'] as const,
  list: (organizationId: string) => ['funds', organizationId, 'list'] as const,
  detail: (organizationId: string, id: string) => ['funds', organizationId, 'detail', id] as const,
  movements: (organizationId: string, id: string) => ['funds', organizationId, 'movements', id] as const,
  pendingChanges: (organizationId: string, id: string) => ['funds', organizationId, 'changes', id] as const,
};

import { api, query } from '../../api/client';
import type { Fund, FundInput, FundMovement, Page } from '../../api/types';

const fundPath = (id: string) => `/funds/${encodeURIComponent(id)}`;

export const listFunds = (cursor?: string) => api.get<Page<Fund>>(`/funds${query({ limit: 100, cursor })}`);

export const getFund = (id: string) => api.get<Fund>(fundPath(id));

export const createFund = (input: FundInput) => api.post<Fund>('/funds', input);

export const adjustFund = (id: string, direction: 'increase' | 'decrease', amount: string, memo?: string) =>
  api.post<Fund>(`${fundPath(id)}/${direction}`, { amount, ...(memo ? { memo } : {}) });

export const closeFund = (id: string, memo?: string) =>
  api.post<Fund>(`${fundPath(id)}/close`, memo ? { memo } : {});

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
};

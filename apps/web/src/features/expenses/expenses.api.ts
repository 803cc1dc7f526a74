import { api, query, uploadFiles } from '../../api/client';
import type {
  Category,
  CostCenter,
  Expense,
  ExpenseChanges,
  ExpenseFilters,
  ExpenseInput,
  ImportResult,
  Page,
} from '../../api/types';
import type { BulkResult } from '../approvals/approvals.api';

const expensePath = (id: string) => `/expenses/${encodeURIComponent(id)}`;

export const listExpenses = (filters: ExpenseFilters, cursor?: string) =>
  api.get<Page<Expense>>(`/expenses${query({ limit: 50, ...filters, cursor })}`);

export const getExpense = (id: string) => api.get<Expense>(expensePath(id));

export const createExpense = (input: ExpenseInput) => api.post<Expense>('/expenses', input);

export const updateExpense = (id: string, changes: ExpenseChanges) =>
  api.patch<Expense>(expensePath(id), changes);

export type ExpenseAction = 'submit' | 'discard' | 'approve';

export const actOnExpense = (id: string, action: ExpenseAction) =>
  api.post<Expense>(`${expensePath(id)}/${action}`);

/** Sends drafts to approval, each on its own (at most 200 a request): the answer says what became of each. */
export const submitExpenses = (ids: string[]) =>
  api.post<{ results: BulkResult[] }>('/expenses/bulk-submit', { ids });

export const rejectExpense = (id: string, reason: string) =>
  api.post<Expense>(`${expensePath(id)}/reject`, { reason });

/** Ask SAT again whether the CFDI is vigente, cancelado or not found. */
export const recheckSat = (id: string) => api.post<Expense>(`${expensePath(id)}/sat-status`);

export const listCategories = () => api.get<Page<Category>>('/categories');

export const listCostCenters = () => api.get<Page<CostCenter>>('/cost-centers');

/** POST /expenses/import: multipart `files` (XML or ZIP), optional `fundId`, with upload progress. */
export const importCfdis = (
  files: readonly File[],
  fundId: string | undefined,
  onProgress?: (progress: { loaded: number; total: number }) => void,
) =>
  uploadFiles<{ results: ImportResult[] }>('/expenses/import', files, {
    field: 'files',
    fields: { fundId },
    onProgress,
  });

/** Query keys carry the organization; everything about expenses starts with `expenses`. */
export const expensesKeys = {
  all: ['expenses'] as const,
  list: (organizationId: string, filters: ExpenseFilters) =>
    ['expenses', organizationId, 'list', filters] as const,
  detail: (organizationId: string, id: string) => ['expenses', organizationId, 'detail', id] as const,
  categories: (organizationId: string) => ['categories', organizationId] as const,
  costCenters: (organizationId: string) => ['cost-centers', organizationId] as const,
};

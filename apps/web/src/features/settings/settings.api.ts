import { api } from '../../api/client';
import type {
  Category,
  CategoryInput,
  CostCenter,
  CostCenterInput,
  Page,
  Policy,
  PolicyInput,
} from '../../api/types';
import { expensesKeys } from '../expenses/expenses.api';

export { listCategories, listCostCenters } from '../expenses/expenses.api';

const categoryPath = (id: string) => `/categories/${encodeURIComponent(id)}`;
const costCenterPath = (id: string) => `/cost-centers/${encodeURIComponent(id)}`;

export const createCategory = (input: CategoryInput) => api.post<Category>('/categories', input);

export const updateCategory = (id: string, changes: Partial<CategoryInput>) =>
  api.patch<Category>(categoryPath(id), changes);

export const createCostCenter = (input: CostCenterInput) => api.post<CostCenter>('/cost-centers', input);

export const updateCostCenter = (id: string, changes: Partial<CostCenterInput>) =>
  api.patch<CostCenter>(costCenterPath(id), changes);

export const listPolicies = () => api.get<Page<Policy>>('/policies');

/** Answers the saved policy, or nothing (204) when a fund-change rule was removed. */
export const setPolicy = (input: PolicyInput) => api.post<Policy | undefined>('/policies', input);

/**
 * Query keys carry the organization. Categories and cost centers share the expenses feature's keys,
 * so a change here also refreshes the selects of the expense forms.
 */
export const settingsKeys = {
  categories: expensesKeys.categories,
  costCenters: expensesKeys.costCenters,
  policies: (organizationId: string) => ['policies', organizationId] as const,
};

import { api, isApiError } from '../../api/client';
import type { FiscalCatalog, FiscalData, FiscalDataInput, SavedFiscalData } from '../../api/types';

/** The organization's fiscal data, or `null` while it has none (`FISCAL_DATA_NOT_SET`). */
export async function getFiscalData(): Promise<FiscalData | null> {
  try {
    return await api.get<FiscalData>('/organization/fiscal-data');
  } catch (error) {
    if (isApiError(error, 'FISCAL_DATA_NOT_SET')) return null;
    throw error;
  }
}

export const saveFiscalData = (input: FiscalDataInput) =>
  api.put<SavedFiscalData>('/organization/fiscal-data', input);

export const getFiscalCatalog = () => api.get<FiscalCatalog>('/catalogs/fiscal');

/** The data carries the organization; SAT's catalogs are the same for everyone. */
export const fiscalDataKeys = {
  data: (organizationId: string) => ['fiscal-data', organizationId] as const,
  catalog: ['catalogs', 'fiscal'] as const,
};

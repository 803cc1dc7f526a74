import type { ApiResponse } from '@cajachica/sdk';
import { api, isApiError, uploadFiles } from '../../api/client';
import type { FiscalCatalog, FiscalData, FiscalDataInput, SavedFiscalData } from '../../api/types';

/** What the server read from a Constancia de Situación Fiscal: fields to fill, warnings, what is missing. */
export type ConstanciaPrefill = ApiResponse<'/api/v1/organization/fiscal-data/constancia', 'post'>;

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

/** POST the constancia's PDF (multipart `file`, with the CSRF header): it reads, it saves nothing. */
export const readConstancia = (file: File) =>
  uploadFiles<ConstanciaPrefill>('/organization/fiscal-data/constancia', [file], { field: 'file' });

/** The data carries the organization; SAT's catalogs are the same for everyone. */
export const fiscalDataKeys = {
  data: (organizationId: string) => ['fiscal-data', organizationId] as const,
  catalog: ['catalogs', 'fiscal'] as const,
};

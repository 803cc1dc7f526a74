import { api, query } from '../../api/client';
import type { Me, ReportFilters, ReportSummary, Role } from '../../api/types';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The roles the server lets read reports and exports (`reports.read` in permissions.ts). */
const REPORT_READERS: readonly Role[] = ['owner', 'admin', 'accountant', 'auditor'];

export function canReadReports(me: Me): boolean {
  return me.roles.some((role) => REPORT_READERS.includes(role));
}

export const getSummary = (filters: ReportFilters) =>
  api.get<ReportSummary>(`/reports/summary${query({ ...filters })}`);

/** A plain link downloads the export: the session cookie goes with it and the server streams the file. */
export const exportUrl = (filters: ReportFilters, format: ExportFormat) =>
  `/api/v1/exports/expenses${query({ format, ...filters })}`;

export const reportsKeys = {
  summary: (organizationId: string, filters: ReportFilters) =>
    ['reports', organizationId, 'summary', filters] as const,
};

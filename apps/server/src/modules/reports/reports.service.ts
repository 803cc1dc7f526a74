import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { withTenant } from '../../platform/tenancy.js';
import { organizationName } from '../organizations/index.js';
import { csvExport } from './csv-export.js';
import { EXPENSE_COLUMNS } from './export-columns.js';
import { exportedExpenseBatches } from './exported-expenses.js';
import { pdfExport } from './pdf-export.js';
import type { ReportFilters } from './report-filters.js';
import { reportSummary } from './report-summary.js';
import { xlsxExport } from './xlsx-export.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const LONG_DATE = new Intl.DateTimeFormat('es-MX', { dateStyle: 'long', timeZone: 'UTC' });
const longDate = (date: string) => LONG_DATE.format(new Date(`${date}T00:00:00Z`));

/** "gastos-2026-11-01-al-2026-11-30": the range in the file's name, up to today when open-ended. */
function exportBaseName(filters: ReportFilters, today: string): string {
  if (filters.from) return `gastos-${filters.from}-al-${filters.to ?? today}`;
  return `gastos-al-${filters.to ?? today}`;
}

function periodText(filters: ReportFilters, today: string): string {
  const to = longDate(filters.to ?? today);
  return filters.from ? `Del ${longDate(filters.from)} al ${to}` : `Hasta el ${to}`;
}

/** Reports: the dashboard's summary and the expense exports, for the organization's readers. */
export function createReportsService(deps: { db: Db; now?: () => Date }) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const scope = (actor: Actor) => ({ organizationId: actor.organizationId, userId: actor.userId });

  return {
    async summary(actor: Actor, filters: ReportFilters) {
      return withTenant(db, scope(actor), (tx) => reportSummary(tx, actor.organizationId, filters));
    },

    /** The expenses of the range as a file, streamed from the database batch by batch. */
    async exportExpenses(actor: Actor, filters: ReportFilters, format: ExportFormat) {
      const generatedAt = now();
      const today = mexicoCityDate(generatedAt);
      const batches = exportedExpenseBatches(db, scope(actor), filters);
      let stream: Readable;
      if (format === 'csv') stream = csvExport(EXPENSE_COLUMNS, batches);
      else if (format === 'xlsx') stream = xlsxExport(EXPENSE_COLUMNS, batches, 'Gastos');
      else {
        const name = await withTenant(db, scope(actor), (tx) => organizationName(tx, actor.organizationId));
        stream = pdfExport(batches, {
          organizationName: name,
          period: periodText(filters, today),
          generatedAt,
        });
      }
      return {
        fileName: `${exportBaseName(filters, today)}.${format}`,
        contentType: CONTENT_TYPES[format],
        stream,
      };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;

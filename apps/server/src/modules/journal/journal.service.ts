import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { withTenant } from '../../platform/tenancy.js';
import { findOrganizationRfc } from '../organizations/index.js';
import type { ReplenishmentsService } from '../replenishments/index.js';
import { aspelXlsx } from './aspel-layout.js';
import { contpaqiXlsx } from './contpaqi-layout.js';
import { journalErrors } from './journal.errors.js';
import { DEFAULT_JOURNAL_ACCOUNTS, type JournalAccounts } from './journal-accounts.js';
import { journalCsv } from './journal-csv.js';
import type { JournalExportQuery, JournalFormat } from './journal-export-query.js';
import { hasPaidReplenishments, paidEntryBatches } from './journal-source.js';
import { journalXlsx } from './journal-xlsx.js';
import { type ReportFormat, replenishmentReport } from './replenishment-report.js';
import { satPolizasFileName, satPolizasXml } from './sat-polizas-xml.js';

export interface DownloadFile {
  fileName: string;
  contentType: string;
  stream: Readable;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FILES: Record<
  Exclude<JournalFormat, 'sat-xml'>,
  { prefix: string; extension: string; contentType: string }
> = {
  csv: { prefix: 'polizas', extension: 'csv', contentType: 'text/csv; charset=utf-8' },
  xlsx: { prefix: 'polizas', extension: 'xlsx', contentType: XLSX },
  contpaqi: { prefix: 'polizas-contpaqi', extension: 'xlsx', contentType: XLSX },
  aspel: { prefix: 'polizas-aspel-coi', extension: 'xlsx', contentType: XLSX },
};

/** "2026-06-01-al-2026-06-30": the payment dates in the file's name, up to today when open-ended. */
function rangeName(query: JournalExportQuery, today: string): string {
  return query.from ? `${query.from}-al-${query.to ?? today}` : `al-${query.to ?? today}`;
}

export interface JournalDeps {
  db: Db;
  now?: (() => Date) | undefined;
  /** The accounts of the pólizas (DEFAULT_JOURNAL_ACCOUNTS unless an installation sets its own). */
  accounts?: JournalAccounts | undefined;
  replenishments: Pick<ReplenishmentsService, 'get'>;
}

/** Pólizas of paid replenishments, for accountants and their systems; and each replenishment's report. */
export function createJournalService(deps: JournalDeps) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  const accounts = deps.accounts ?? DEFAULT_JOURNAL_ACCOUNTS;
  const scope = (actor: Actor) => ({ organizationId: actor.organizationId, userId: actor.userId });

  /** The SAT's XML: refused before streaming when the organization has no RFC or the month no póliza. */
  async function satXml(actor: Actor, query: JournalExportQuery): Promise<DownloadFile> {
    const range = { from: query.from, to: query.to };
    const month = (query.from ?? '').slice(0, 7);
    const rfc = await withTenant(db, scope(actor), async (tx) => {
      const found = await findOrganizationRfc(tx, actor.organizationId);
      if (!found) throw journalErrors.rfcMissing();
      if (!(await hasPaidReplenishments(tx, actor.organizationId, range)))
        throw journalErrors.emptyMonth(month);
      return found;
    });
    const request = {
      rfc,
      month,
      tipoSolicitud: query.tipoSolicitud ?? 'AF',
      numOrden: query.numOrden,
      numTramite: query.numTramite,
    };
    return {
      fileName: satPolizasFileName(request),
      contentType: 'application/xml; charset=utf-8',
      stream: satPolizasXml(request, paidEntryBatches(db, scope(actor), range, accounts)),
    };
  }

  return {
    /** The pólizas of the replenishments paid in the range, in the asked format, streamed by batches. */
    async exportJournal(actor: Actor, query: JournalExportQuery): Promise<DownloadFile> {
      if (query.format === 'sat-xml') return satXml(actor, query);
      const batches = paidEntryBatches(db, scope(actor), { from: query.from, to: query.to }, accounts);
      const writers = { csv: journalCsv, xlsx: journalXlsx, contpaqi: contpaqiXlsx, aspel: aspelXlsx };
      const file = FILES[query.format];
      return {
        fileName: `${file.prefix}-${rangeName(query, mexicoCityDate(now()))}.${file.extension}`,
        contentType: file.contentType,
        stream: writers[query.format](batches),
      };
    },

    /** A replenishment's report (PDF or XLSX) for whoever may see the replenishment. */
    async replenishmentReport(actor: Actor, id: string, format: ReportFormat): Promise<DownloadFile> {
      return replenishmentReport(
        { db, accounts, replenishments: deps.replenishments },
        actor,
        id,
        format,
        now(),
      );
    },
  };
}

export type JournalService = ReturnType<typeof createJournalService>;

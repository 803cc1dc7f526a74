import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import { withTenant } from '../../platform/tenancy.js';
import { funds } from '../funds/funds.schema.js';
import { findOrganizationRfc, memberNames, organizationName } from '../organizations/index.js';
import type { ReplenishmentsService } from '../replenishments/index.js';
import type { JournalAccounts } from './journal-accounts.js';
import { replenishmentEntry } from './journal-source.js';
import { reportModel } from './report-model.js';
import { reportPdf } from './report-pdf.js';
import { reportXlsx } from './report-xlsx.js';

export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

interface ReportDeps {
  db: Db;
  accounts: JournalAccounts;
  replenishments: Pick<ReplenishmentsService, 'get'>;
}

/**
 * The report of one replenishment. Who may see it is the replenishments module's rule (its `get`
 * answers 404 otherwise); this adds the organization, the fund's custodian and the póliza.
 */
export async function replenishmentReport(
  deps: ReportDeps,
  actor: Actor,
  id: string,
  format: ReportFormat,
  generatedAt: Date,
) {
  const replenishment = await deps.replenishments.get(actor, id);
  const { organizationId } = actor;
  const parts = await withTenant(deps.db, { organizationId, userId: actor.userId }, async (tx) => {
    const [fund] = await tx
      .select({ custodianId: funds.custodianId })
      .from(funds)
      .where(and(eq(funds.organizationId, organizationId), eq(funds.id, replenishment.fund.id)));
    const names = await memberNames(tx, organizationId, fund ? [fund.custodianId] : []);
    return {
      organizationName: await organizationName(tx, organizationId),
      organizationRfc: await findOrganizationRfc(tx, organizationId),
      custodianName: (fund && names.get(fund.custodianId)) ?? '',
      entry: await replenishmentEntry(tx, organizationId, id, deps.accounts),
    };
  });
  const model = reportModel({ ...parts, replenishment, generatedAt });
  const fileName = `reposicion-${replenishment.folio}.${format}`;
  if (format === 'pdf') return { fileName, contentType: 'application/pdf', stream: reportPdf(model) };
  return {
    fileName,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    stream: Readable.from([await reportXlsx(model)]),
  };
}

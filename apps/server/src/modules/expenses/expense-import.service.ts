import { iterateZipXmlEntries, type ZipLimits, ZipRefusedError } from '@cajachica/cfdi';
import { auditAs, recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import type { FileStorage } from '../../platform/storage.js';
import { withTenant } from '../../platform/tenancy.js';
import { activeCategoryIdsByCode } from '../categories/index.js';
import type { FundsService } from '../funds/index.js';
import type { ExpenseSatStatus } from './expense-sat-status.js';
import type { ExpensesService } from './expenses.service.js';
import { type ImportResult, importBatch, rejected, type UploadedFile } from './import-batch.js';

export type { ImportResult, UploadedFile } from './import-batch.js';

export interface ImportLimits {
  zip: ZipLimits;
  maxXmlBytes: number;
}

/** Files per transaction: one commit (one fsync) and a handful of statements per batch. */
const BATCH_SIZE = 500;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const isZip = (bytes: Buffer) => bytes.subarray(0, 4).equals(ZIP_MAGIC);

/** CFDI intake: XML files and ZIPs of them become draft expenses, or a per-file reason why not. */
export function createExpenseImportService(deps: {
  db: Db;
  storage: FileStorage;
  limits: ImportLimits;
  expenses: Pick<ExpensesService, 'insertFromCfdi' | 'insertManyFromCfdi' | 'findingLoaders'>;
  funds: Pick<FundsService, 'lockOperableFund'>;
  satStatus: Pick<ExpenseSatStatus, 'enqueue'>;
  log: { error(object: unknown, message: string): void };
}) {
  const { db } = deps;
  const batchDeps = { ...deps, maxXmlBytes: deps.limits.maxXmlBytes };

  /**
   * Every XML to import, one at a time: plain files as they are, ZIPs checked before extraction and
   * then extracted entry by entry (a ZIP of thousands is never all in memory). A refused ZIP is a
   * result of its own.
   */
  async function* xmlFilesOf(
    files: readonly UploadedFile[],
    refused: ImportResult[],
  ): AsyncGenerator<UploadedFile> {
    for (const file of files) {
      if (!isZip(file.bytes)) {
        yield file;
        continue;
      }
      let count = 0;
      try {
        for await (const entry of iterateZipXmlEntries(file.bytes, deps.limits.zip)) {
          count++;
          yield { name: `${file.name}/${entry.name}`, bytes: entry.bytes };
        }
        if (count === 0) refused.push(rejected(file.name, 'ZIP_EMPTY', 'El ZIP no contiene archivos XML.'));
      } catch (error) {
        if (!(error instanceof ZipRefusedError)) throw error;
        refused.push(rejected(file.name, error.code, error.detail));
      }
    }
  }

  return {
    /** Files go in batches (one commit each); within a batch one bad file never loses the others. */
    async importFiles(
      actor: Actor,
      input: { files: readonly UploadedFile[]; fundId?: string | null | undefined },
      origin: RequestOrigin,
    ): Promise<{ results: ImportResult[] }> {
      const fundId = input.fundId ?? null;
      const scope = { organizationId: actor.organizationId, userId: actor.userId };
      const categoryIds = await withTenant(db, scope, async (tx) => {
        // Fail fast on a fund the person cannot use, before reading any file.
        if (fundId) await deps.funds.lockOperableFund(tx, actor, fundId);
        return activeCategoryIdsByCode(tx, actor.organizationId);
      });
      const refused: ImportResult[] = [];
      const results: ImportResult[] = [];
      let batch: UploadedFile[] = [];
      for await (const file of xmlFilesOf(input.files, refused)) {
        batch.push(file);
        if (batch.length < BATCH_SIZE) continue;
        results.push(...(await importBatch(batchDeps, actor, batch, { fundId, categoryIds, origin })));
        batch = [];
      }
      if (batch.length > 0)
        results.push(...(await importBatch(batchDeps, actor, batch, { fundId, categoryIds, origin })));
      results.unshift(...refused);
      const created = results.flatMap((r) => (r.status === 'created' && r.expense ? [r.expense.id] : []));
      try {
        await deps.satStatus.enqueue(actor.organizationId, created);
      } catch (error) {
        // The expenses stay "not checked": the person can ask for the check from each one.
        deps.log.error({ err: error }, 'could not queue SAT status checks');
      }
      const count = (status: ImportResult['status']) => results.filter((r) => r.status === status).length;
      await withTenant(db, { organizationId: actor.organizationId }, (tx) =>
        recordAudit(tx, auditAs(actor), origin, {
          action: 'expense.cfdi_imported',
          targetType: 'fund',
          targetId: fundId,
          after: {
            files: results.length,
            created: created.length,
            duplicate: count('duplicate'),
            rejected: count('rejected'),
          },
        }),
      );
      return { results };
    },
  };
}

export type ExpenseImportService = ReturnType<typeof createExpenseImportService>;

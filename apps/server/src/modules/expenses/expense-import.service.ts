import { open, readFile } from 'node:fs/promises';
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
import {
  type ImportResult,
  importBatch,
  type ReadFile,
  readForBatch,
  rejected,
  type XmlFile,
} from './import-batch.js';

export type { ImportResult } from './import-batch.js';

/** A file received for import, spooled to disk (a ZIP of thousands is never held in memory whole). */
export interface ReceivedFile {
  name: string;
  path: string;
}

export interface ImportLimits {
  zip: ZipLimits;
  maxXmlBytes: number;
}

/**
 * Files per transaction: one commit (one fsync) and a handful of statements per batch. 250 rather
 * than 500: the same speed, and each statement's JSON and returned rows are half as large (a 10,000
 * file import peaked ~20 MB lower).
 */
const BATCH_SIZE = 250;
/** Storage writes of accepted files in flight at once while the next files are read. */
const PUTS_IN_FLIGHT = 16;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

async function isZip(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(ZIP_MAGIC.length);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(ZIP_MAGIC);
  } finally {
    await file.close();
  }
}

/**
 * Writes accepted files to storage while the next ones are read, at most PUTS_IN_FLIGHT at a time:
 * a file's bytes are released once written rather than held until its whole batch is stored.
 */
function storageWrites(storage: FileStorage) {
  const pending: Promise<void>[] = [];
  return {
    async put(key: string, bytes: Uint8Array) {
      const write = storage.put(key, bytes);
      write.catch(() => {}); // awaited in order below; until then a failure is not unhandled
      pending.push(write);
      if (pending.length >= PUTS_IN_FLIGHT) await pending.shift();
    },
    /** Every write done: the batch's rows may reference them. */
    async drain() {
      while (pending.length > 0) await pending.shift();
    },
  };
}

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
   * then read from their file entry by entry (a ZIP of thousands is never all in memory, neither
   * compressed nor extracted). A refused ZIP is a result of its own.
   */
  async function* xmlFilesOf(
    files: readonly ReceivedFile[],
    refused: ImportResult[],
  ): AsyncGenerator<XmlFile> {
    for (const file of files) {
      if (!(await isZip(file.path))) {
        yield { name: file.name, bytes: await readFile(file.path) };
        continue;
      }
      let count = 0;
      try {
        for await (const entry of iterateZipXmlEntries({ path: file.path }, deps.limits.zip)) {
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
      input: { files: readonly ReceivedFile[]; fundId?: string | null | undefined },
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
      const writes = storageWrites(deps.storage);
      let batch: ReadFile[] = [];
      const storeBatch = async () => {
        await writes.drain();
        results.push(...(await importBatch(batchDeps, actor, batch, { fundId, categoryIds, origin })));
        batch = [];
      };
      // Each file is read, checked and (if accepted) written to storage as it comes; a batch keeps
      // only what its rows need.
      for await (const file of xmlFilesOf(input.files, refused)) {
        const read = readForBatch(batchDeps, actor, file);
        if (read.accepted) await writes.put(read.file.storageKey, file.bytes);
        batch.push(read);
        if (batch.length >= BATCH_SIZE) await storeBatch();
      }
      if (batch.length > 0) await storeBatch();
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

import { createHash } from 'node:crypto';
import { readZipXmlEntries, type ZipLimits, ZipRefusedError } from '@cajachica/cfdi';
import { and, eq, ne } from 'drizzle-orm';
import { auditAs, recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { pgConstraint } from '../../platform/db/pg-errors.js';
import { AppError } from '../../platform/errors.js';
import type { FileStorage } from '../../platform/storage.js';
import { withTenant } from '../../platform/tenancy.js';
import { activeCategoryIdsByCode } from '../categories/index.js';
import type { FundsService } from '../funds/index.js';
import { readCfdiForExpense, suggestCategoryCode } from './cfdi-intake.js';
import type { ExpenseSatStatus } from './expense-sat-status.js';
import type { ExpenseView } from './expense-views.js';
import { expenseAttachments, expenses, type StoredFinding } from './expenses.schema.js';
import type { ExpensesService } from './expenses.service.js';

export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

type PublicFinding = Pick<StoredFinding, 'code' | 'severity' | 'message'>;

export interface ImportResult {
  file: string;
  status: 'created' | 'duplicate' | 'rejected';
  expense?: ExpenseView;
  existingExpenseId?: string;
  findings: PublicFinding[];
}

export interface ImportLimits {
  zip: ZipLimits;
  maxXmlBytes: number;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const isZip = (bytes: Buffer) => bytes.subarray(0, 4).equals(ZIP_MAGIC);
const publicFinding = ({ code, severity, message }: StoredFinding): PublicFinding => ({
  code,
  severity,
  message,
});
const rejected = (file: string, code: string, message: string): ImportResult => ({
  file,
  status: 'rejected',
  findings: [{ code, severity: 'error', message }],
});

/** CFDI intake: XML files and ZIPs of them become draft expenses, or a per-file reason why not. */
export function createExpenseImportService(deps: {
  db: Db;
  storage: FileStorage;
  limits: ImportLimits;
  expenses: Pick<ExpensesService, 'insertFromCfdi'>;
  funds: Pick<FundsService, 'lockOperableFund'>;
  satStatus: Pick<ExpenseSatStatus, 'enqueue'>;
  log: { error(object: unknown, message: string): void };
}) {
  const { db } = deps;

  /** Expands ZIPs (checked before extraction) into their XML entries; anything else is one file. */
  async function expand(files: readonly UploadedFile[]) {
    const entries: UploadedFile[] = [];
    const refused: ImportResult[] = [];
    for (const file of files) {
      if (!isZip(file.bytes)) {
        entries.push(file);
        continue;
      }
      try {
        const xmls = await readZipXmlEntries(file.bytes, deps.limits.zip);
        for (const entry of xmls) entries.push({ name: `${file.name}/${entry.name}`, bytes: entry.bytes });
        if (xmls.length === 0)
          refused.push(rejected(file.name, 'ZIP_EMPTY', 'El ZIP no contiene archivos XML.'));
      } catch (error) {
        if (!(error instanceof ZipRefusedError)) throw error;
        refused.push(rejected(file.name, error.code, error.detail));
      }
    }
    return { entries, refused };
  }

  async function importOne(
    actor: Actor,
    file: UploadedFile,
    options: { fundId: string | null; categoryIds: Map<string, string> },
  ): Promise<ImportResult> {
    const intake = readCfdiForExpense(file.bytes, { maxBytes: deps.limits.maxXmlBytes });
    if (!intake.accepted)
      return { file: file.name, status: 'rejected', findings: intake.findings.map(publicFinding) };
    const { fields } = intake;
    const { firstProductKey, ...expenseFields } = fields;
    const expenseId = newId();
    const attachmentId = newId();
    const storageKey = `${actor.organizationId}/expenses/${expenseId}/${attachmentId}.xml`;
    const categoryCode = suggestCategoryCode(firstProductKey);
    await deps.storage.put(storageKey, file.bytes);
    try {
      const expense = await withTenant(
        db,
        { organizationId: actor.organizationId, userId: actor.userId },
        async (tx) => {
          const view = await deps.expenses.insertFromCfdi(tx, actor, {
            ...expenseFields,
            id: expenseId,
            organizationId: actor.organizationId,
            spenderId: actor.membershipId,
            createdBy: actor.membershipId,
            fundId: options.fundId,
            paymentMethod: options.fundId ? 'fund_cash' : 'employee',
            categoryId: (categoryCode && options.categoryIds.get(categoryCode)) || null,
            findings: intake.findings,
          });
          await tx.insert(expenseAttachments).values({
            organizationId: actor.organizationId,
            id: attachmentId,
            expenseId,
            kind: 'cfdi_xml',
            fileName: file.name.split('/').pop()?.slice(0, 255) || 'cfdi.xml',
            contentType: 'application/xml',
            byteSize: file.bytes.length,
            sha256: createHash('sha256').update(file.bytes).digest('hex'),
            storageKey,
            uploadedBy: actor.membershipId,
          });
          return view;
        },
      );
      return { file: file.name, status: 'created', expense, findings: expense.findings };
    } catch (error) {
      await deps.storage.remove(storageKey).catch(() => {});
      if (pgConstraint(error) === 'expenses_cfdi_uuid_key') {
        const existingId = await findLiveExpenseByUuid(actor, fields.cfdiUuid);
        return {
          file: file.name,
          status: 'duplicate',
          ...(existingId ? { existingExpenseId: existingId } : {}),
          findings: [
            {
              code: 'CFDI_DUPLICATE',
              severity: 'error',
              message: `Este CFDI (${fields.cfdiUuid}) ya está registrado en otro gasto de tu organización${existingId ? ` (${existingId})` : ''}.`,
            },
          ],
        };
      }
      if (error instanceof AppError) return rejected(file.name, error.code, error.detail);
      deps.log.error({ err: error, file: file.name }, 'CFDI import failed');
      return rejected(
        file.name,
        'IMPORT_FAILED',
        'No pudimos registrar este archivo por un error interno; vuelve a intentarlo.',
      );
    }
  }

  async function findLiveExpenseByUuid(actor: Actor, uuid: string): Promise<string | null> {
    const [row] = await withTenant(db, { organizationId: actor.organizationId }, (tx) =>
      tx
        .select({ id: expenses.id })
        .from(expenses)
        .where(
          and(
            eq(expenses.organizationId, actor.organizationId),
            eq(expenses.cfdiUuid, uuid),
            ne(expenses.status, 'discarded'),
          ),
        ),
    );
    return row?.id ?? null;
  }

  return {
    /** Each file is its own transaction: one bad file never loses the others. */
    async importFiles(
      actor: Actor,
      input: { files: readonly UploadedFile[]; fundId?: string | null | undefined },
      origin: RequestOrigin,
    ): Promise<{ results: ImportResult[] }> {
      const fundId = input.fundId ?? null;
      const categoryIds = await withTenant(
        db,
        { organizationId: actor.organizationId, userId: actor.userId },
        async (tx) => {
          // Fail fast on a fund the person cannot use, before reading any file.
          if (fundId) await deps.funds.lockOperableFund(tx, actor, fundId);
          return activeCategoryIdsByCode(tx, actor.organizationId);
        },
      );
      const { entries, refused } = await expand(input.files);
      const results: ImportResult[] = [...refused];
      for (const entry of entries) results.push(await importOne(actor, entry, { fundId, categoryIds }));
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
            created: count('created'),
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

import { createHash } from 'node:crypto';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { auditAs, recordAuditMany } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import { bulkInsert } from '../../platform/db/bulk-insert.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { pgConstraint } from '../../platform/db/pg-errors.js';
import { AppError } from '../../platform/errors.js';
import { money } from '../../platform/money.js';
import type { FileStorage } from '../../platform/storage.js';
import { withTenant } from '../../platform/tenancy.js';
import { type Fund, type FundsService, fundErrors } from '../funds/index.js';
import { type CfdiIntake, readCfdiForExpense, suggestCategoryCode } from './cfdi-intake.js';
import type { ExpenseView } from './expense-views.js';
import { expenseAttachments, expenses, type StoredFinding } from './expenses.schema.js';
import type { ExpensesService } from './expenses.service.js';

/** One XML to read: an uploaded file, or an entry of an uploaded ZIP. */
export interface XmlFile {
  name: string;
  bytes: Buffer;
}

type PublicFinding = Pick<StoredFinding, 'code' | 'severity' | 'message'>;

/** The part of a created expense an import answers (thousands of them may go in one answer). */
export type ImportedExpense = Pick<
  ExpenseView,
  | 'id'
  | 'status'
  | 'paymentMethod'
  | 'fundId'
  | 'date'
  | 'concept'
  | 'categoryId'
  | 'supplier'
  | 'currency'
  | 'total'
  | 'totalMxn'
>;

function imported(view: ExpenseView): ImportedExpense {
  const {
    id,
    status,
    paymentMethod,
    fundId,
    date,
    concept,
    categoryId,
    supplier,
    currency,
    total,
    totalMxn,
  } = view;
  return {
    id,
    status,
    paymentMethod,
    fundId,
    date,
    concept,
    categoryId,
    supplier,
    currency,
    total,
    totalMxn,
  };
}

export interface ImportResult {
  file: string;
  status: 'created' | 'duplicate' | 'rejected';
  expense?: ImportedExpense;
  existingExpenseId?: string;
  findings: PublicFinding[];
}

type AcceptedIntake = Extract<CfdiIntake, { accepted: true }>;

/** An accepted file as its batch keeps it: what its rows need, not its bytes (already in storage). */
interface AcceptedFile {
  name: string;
  intake: AcceptedIntake;
  expenseId: string;
  attachmentId: string;
  storageKey: string;
  byteSize: number;
  sha256: string;
}

interface Accepted extends AcceptedFile {
  /** Its place in the batch's results. */
  index: number;
}

/** A file of a batch once read: refused at intake (its answer is final), or accepted. */
export type ReadFile = { accepted: false; result: ImportResult } | { accepted: true; file: AcceptedFile };

export interface BatchOptions {
  fundId: string | null;
  categoryIds: Map<string, string>;
  origin: RequestOrigin;
}

export interface BatchDeps {
  db: Db;
  storage: FileStorage;
  maxXmlBytes: number;
  expenses: Pick<ExpensesService, 'insertFromCfdi' | 'insertManyFromCfdi' | 'findingLoaders'>;
  funds: Pick<FundsService, 'lockOperableFund'>;
  log: { error(object: unknown, message: string): void };
}

export const publicFinding = ({ code, severity, message }: StoredFinding): PublicFinding => ({
  code,
  severity,
  message,
});
export const rejected = (file: string, code: string, message: string): ImportResult => ({
  file,
  status: 'rejected',
  findings: [{ code, severity: 'error', message }],
});

function duplicateResult(file: string, uuid: string, existingId: string | null): ImportResult {
  const where = existingId ? ` (${existingId})` : '';
  return {
    file,
    status: 'duplicate',
    ...(existingId ? { existingExpenseId: existingId } : {}),
    findings: [
      {
        code: 'CFDI_DUPLICATE',
        severity: 'error',
        message: `Este CFDI (${uuid}) ya está registrado en otro gasto de tu organización${where}.`,
      },
    ],
  };
}

const importAudit = (item: Accepted, fund: Fund | null) => ({
  action: 'expense.created',
  targetType: 'expense',
  targetId: item.expenseId,
  after: {
    source: 'cfdi_import',
    cfdiUuid: item.intake.fields.cfdiUuid,
    totalMxn: item.intake.fields.totalMxn,
    fundId: fund?.id ?? null,
  },
});

const failed = (file: string) =>
  rejected(
    file,
    'IMPORT_FAILED',
    'No pudimos registrar este archivo por un error interno; vuelve a intentarlo.',
  );

/**
 * Reads one file for its batch: the CFDI checks (CPU, no transaction open) and, when it is
 * accepted, the ids, storage key, size and hash its rows will need. The caller puts an accepted
 * file's bytes in storage (before its batch is stored) and then drops them: a batch of hundreds
 * keeps only this, so bytes and parsed XML live no longer than reading one file takes, instead of
 * piling up in the old generation of the heap until a full GC.
 */
export function readForBatch(deps: Pick<BatchDeps, 'maxXmlBytes'>, actor: Actor, file: XmlFile): ReadFile {
  const intake = readCfdiForExpense(file.bytes, { maxBytes: deps.maxXmlBytes });
  if (!intake.accepted) {
    return {
      accepted: false,
      result: { file: file.name, status: 'rejected', findings: intake.findings.map(publicFinding) },
    };
  }
  const expenseId = newId();
  const attachmentId = newId();
  return {
    accepted: true,
    file: {
      name: file.name,
      intake,
      expenseId,
      attachmentId,
      storageKey: `${actor.organizationId}/cfdi/${attachmentId}.xml`,
      byteSize: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
    },
  };
}

/**
 * One batch of files, read (readForBatch) and their bytes in storage, stored in one transaction
 * with one statement per table. Duplicates and cash the fund lacks are decided up front; if the
 * batch still fails (a race with another import), it is redone file by file in savepoints so one
 * bad file never loses the others.
 */
export async function importBatch(
  deps: BatchDeps,
  actor: Actor,
  files: readonly ReadFile[],
  options: BatchOptions,
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  const accepted: Accepted[] = [];
  for (const read of files) {
    if (!read.accepted) {
      results.push(read.result);
      continue;
    }
    results.push(failed(read.file.name));
    // `index` first: see expenseValues on objects that start with a spread.
    accepted.push({ index: results.length - 1, ...read.file });
  }
  if (accepted.length === 0) return results;
  const scope = { organizationId: actor.organizationId, userId: actor.userId };
  try {
    await withTenant(deps.db, scope, (tx) => storeAll(deps, tx, actor, accepted, results, options));
  } catch (error) {
    if (error instanceof AppError) {
      for (const item of accepted) results[item.index] = rejected(item.name, error.code, error.detail);
      await removeFiles(deps, accepted);
      return results;
    }
    deps.log.error({ err: error }, 'CFDI import batch failed; retrying file by file');
    try {
      await withTenant(deps.db, scope, (tx) => storeOneByOne(deps, tx, actor, accepted, results, options));
    } catch (retryError) {
      deps.log.error({ err: retryError }, 'CFDI import batch failed');
      for (const item of accepted) results[item.index] = failed(item.name);
      await removeFiles(deps, accepted);
    }
  }
  return results;
}

async function removeFiles(deps: BatchDeps, items: readonly Pick<Accepted, 'storageKey'>[]) {
  await Promise.all(items.map((item) => deps.storage.remove(item.storageKey).catch(() => {})));
}

function expenseValues(actor: Actor, item: Accepted, fund: Fund | null, categoryIds: Map<string, string>) {
  const { firstProductKey, ...fields } = item.intake.fields;
  const categoryCode = suggestCategoryCode(firstProductKey);
  // `id` comes before the spread on purpose: V8 gives an object that starts with a spread and then
  // gains properties a hidden class of its own (maps and descriptors allocated in the old
  // generation, ~1 KB a row, freed only by a full GC); starting with a property shares one.
  return {
    id: item.expenseId,
    ...fields,
    organizationId: actor.organizationId,
    spenderId: actor.membershipId,
    createdBy: actor.membershipId,
    fundId: fund?.id ?? null,
    paymentMethod: fund ? ('fund_cash' as const) : ('employee' as const),
    categoryId: (categoryCode && categoryIds.get(categoryCode)) || null,
    findings: item.intake.findings,
  };
}

function attachmentValues(actor: Actor, item: Accepted) {
  return {
    organizationId: actor.organizationId,
    id: item.attachmentId,
    expenseId: item.expenseId,
    kind: 'cfdi_xml' as const,
    fileName: item.name.split('/').pop()?.slice(0, 255) || 'cfdi.xml',
    contentType: 'application/xml',
    byteSize: item.byteSize,
    sha256: item.sha256,
    storageKey: item.storageKey,
    uploadedBy: actor.membershipId,
  };
}

async function liveExpensesByUuid(tx: Tx, organizationId: string, uuids: readonly string[]) {
  const rows = await tx
    .select({ id: expenses.id, uuid: expenses.cfdiUuid })
    .from(expenses)
    .where(
      and(
        eq(expenses.organizationId, organizationId),
        inArray(expenses.cfdiUuid, [...uuids]),
        ne(expenses.status, 'discarded'),
      ),
    );
  return new Map(rows.map((row) => [row.uuid as string, row.id]));
}

/**
 * The expenses of a batch, and their answers right away (if the transaction fails, the callers
 * rewrite every one): the full views the insert returns are dropped here, not kept through the
 * batch's next statements. Only what the answer carries is kept, as thousands of answers stay in
 * memory until the import is answered.
 */
async function insertExpenses(
  deps: BatchDeps,
  tx: Tx,
  actor: Actor,
  toInsert: readonly Accepted[],
  results: ImportResult[],
  fund: Fund | null,
  options: BatchOptions,
) {
  const views = await deps.expenses.insertManyFromCfdi(
    tx,
    actor,
    toInsert.map((item) => expenseValues(actor, item, fund, options.categoryIds)),
    { fund, loaders: deps.expenses.findingLoaders(tx, actor) },
  );
  for (const item of toInsert) {
    const view = views.get(item.expenseId);
    if (view)
      results[item.index] = {
        file: item.name,
        status: 'created',
        expense: imported(view),
        findings: view.findings,
      };
  }
}

/** The fast path: decide duplicates and cash up front, then one insert per table. */
async function storeAll(
  deps: BatchDeps,
  tx: Tx,
  actor: Actor,
  accepted: readonly Accepted[],
  results: ImportResult[],
  options: BatchOptions,
) {
  const fund = options.fundId ? await deps.funds.lockOperableFund(tx, actor, options.fundId) : null;
  const existing = await liveExpensesByUuid(
    tx,
    actor.organizationId,
    accepted.map((a) => a.intake.fields.cfdiUuid),
  );
  let cash = fund ? money(fund.cash) : null;
  const toInsert: Accepted[] = [];
  const refused: Accepted[] = [];
  for (const item of accepted) {
    const { cfdiUuid, totalMxn } = item.intake.fields;
    const existingId = existing.get(cfdiUuid);
    if (existingId) {
      results[item.index] = duplicateResult(item.name, cfdiUuid, existingId);
      refused.push(item);
    } else if (cash?.lessThan(totalMxn)) {
      const error = fundErrors.insufficientFunds(cash.toFixed(2));
      results[item.index] = rejected(item.name, error.code, error.detail);
      refused.push(item);
    } else {
      existing.set(cfdiUuid, item.expenseId);
      cash = cash?.minus(totalMxn) ?? null;
      toInsert.push(item);
    }
  }
  await insertExpenses(deps, tx, actor, toInsert, results, fund, options);
  await bulkInsert(
    tx,
    expenseAttachments,
    toInsert.map((item) => attachmentValues(actor, item)),
    { returning: false },
  );
  await recordAuditMany(
    tx,
    auditAs(actor),
    options.origin,
    toInsert.map((item) => importAudit(item, fund)),
  );
  await removeFiles(deps, refused);
}

/** The careful path: each file in its own savepoint. */
async function storeOneByOne(
  deps: BatchDeps,
  tx: Tx,
  actor: Actor,
  accepted: readonly Accepted[],
  results: ImportResult[],
  options: BatchOptions,
) {
  const fund = options.fundId ? await deps.funds.lockOperableFund(tx, actor, options.fundId) : null;
  const loaders = deps.expenses.findingLoaders(tx, actor);
  for (const item of accepted) {
    // The fund's in-memory balances follow each movement; a rolled-back savepoint restores them.
    const fundBefore = fund ? { ...fund } : null;
    try {
      const expense = await tx.transaction(async (savepoint) => {
        const view = await deps.expenses.insertFromCfdi(
          savepoint,
          actor,
          expenseValues(actor, item, fund, options.categoryIds),
          {
            fund,
            loaders,
          },
        );
        await savepoint.insert(expenseAttachments).values(attachmentValues(actor, item));
        await recordAuditMany(savepoint, auditAs(actor), options.origin, [importAudit(item, fund)]);
        return view;
      });
      results[item.index] = {
        file: item.name,
        status: 'created',
        expense: imported(expense),
        findings: expense.findings,
      };
    } catch (error) {
      if (fund && fundBefore) Object.assign(fund, fundBefore);
      await removeFiles(deps, [item]);
      const { cfdiUuid } = item.intake.fields;
      if (pgConstraint(error) === 'expenses_cfdi_uuid_key') {
        const existing = await liveExpensesByUuid(tx, actor.organizationId, [cfdiUuid]);
        results[item.index] = duplicateResult(item.name, cfdiUuid, existing.get(cfdiUuid) ?? null);
      } else if (error instanceof AppError) {
        results[item.index] = rejected(item.name, error.code, error.detail);
      } else {
        deps.log.error({ err: error, file: item.name }, 'CFDI import failed');
        results[item.index] = failed(item.name);
      }
    }
  }
}

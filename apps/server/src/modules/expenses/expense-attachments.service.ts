import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { auditAs, recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import { pgConstraint } from '../../platform/db/pg-errors.js';
import { AppError } from '../../platform/errors.js';
import { formatPesos, money } from '../../platform/money.js';
import type { FileStorage } from '../../platform/storage.js';
import { withTenant } from '../../platform/tenancy.js';
import { sniffAttachment } from './attachment-kinds.js';
import { readCfdiForExpense } from './cfdi-intake.js';
import { findingsFor, type Supplier69bLookup } from './expense-findings.js';
import type { ExpenseSatStatus } from './expense-sat-status.js';
import { expenseErrors } from './expenses.errors.js';
import { expenseAttachments, expenses } from './expenses.schema.js';
import type { ExpensesService } from './expenses.service.js';

const attachmentView = (row: typeof expenseAttachments.$inferSelect) => ({
  id: row.id,
  kind: row.kind,
  fileName: row.fileName,
  contentType: row.contentType,
  byteSize: row.byteSize,
  sha256: row.sha256,
  createdAt: row.createdAt,
});

/**
 * Files of an expense: ticket photos, PDFs, and the CFDI's XML. Attaching the XML to an expense
 * recorded without one ("factura pendiente") fills it from the CFDI, with the same checks as the import.
 */
export function createExpenseAttachments(deps: {
  db: Db;
  storage: FileStorage;
  maxXmlBytes: number;
  expenses: Pick<ExpensesService, 'lockVisible' | 'get'>;
  satStatus: Pick<ExpenseSatStatus, 'enqueue'>;
  lookup69b: Supplier69bLookup;
  now?: () => Date;
}) {
  const { db, storage } = deps;
  const now = deps.now ?? (() => new Date());
  const scope = (actor: Actor) => ({ organizationId: actor.organizationId, userId: actor.userId });

  return {
    async list(actor: Actor, expenseId: string) {
      await deps.expenses.get(actor, expenseId);
      const rows = await withTenant(db, scope(actor), (tx) =>
        tx
          .select()
          .from(expenseAttachments)
          .where(
            and(
              eq(expenseAttachments.organizationId, actor.organizationId),
              eq(expenseAttachments.expenseId, expenseId),
            ),
          )
          .orderBy(asc(expenseAttachments.id)),
      );
      return { data: rows.map(attachmentView), nextCursor: null };
    },

    async download(actor: Actor, expenseId: string, attachmentId: string) {
      await deps.expenses.get(actor, expenseId);
      const [row] = await withTenant(db, scope(actor), (tx) =>
        tx
          .select()
          .from(expenseAttachments)
          .where(
            and(
              eq(expenseAttachments.organizationId, actor.organizationId),
              eq(expenseAttachments.expenseId, expenseId),
              eq(expenseAttachments.id, attachmentId),
            ),
          ),
      );
      if (!row) throw new AppError('ATTACHMENT_NOT_FOUND', 404, 'No encontramos ese archivo del gasto.');
      return { ...attachmentView(row), bytes: await storage.get(row.storageKey) };
    },

    /** Adds a file; an XML must be the CFDI of this very expense (same total) and upgrades it. */
    async attach(
      actor: Actor,
      expenseId: string,
      file: { name: string; bytes: Buffer },
      origin: RequestOrigin,
    ) {
      const sniffed = sniffAttachment(file.bytes);
      if (!sniffed) {
        throw new AppError(
          'ATTACHMENT_TYPE_NOT_ALLOWED',
          415,
          'Ese archivo no es una foto (JPG, PNG, WebP, HEIC), un PDF ni un XML. Adjunta el ticket o la factura.',
        );
      }
      const intake =
        sniffed.kind === 'cfdi_xml' ? readCfdiForExpense(file.bytes, { maxBytes: deps.maxXmlBytes }) : null;
      if (intake && !intake.accepted) {
        throw new AppError('CFDI_REJECTED', 400, 'El XML no es un CFDI válido para este gasto.', {
          errors: intake.findings
            .filter((f) => f.severity === 'error')
            .map((f) => ({ path: 'file', message: f.message })),
        });
      }
      const attachmentId = newId();
      const storageKey = `${actor.organizationId}/attachments/${attachmentId}`;
      await storage.put(storageKey, file.bytes);
      try {
        const upgraded = await withTenant(db, scope(actor), async (tx) => {
          const { row, canChange } = await deps.expenses.lockVisible(tx, actor, expenseId);
          if (!canChange) throw expenseErrors.notYours();
          if (row.status === 'discarded')
            throw new AppError('EXPENSE_DISCARDED', 409, 'Ese gasto fue descartado.');
          let upgradedWithCfdi = false;
          if (intake?.accepted) {
            if (row.cfdiUuid) {
              throw new AppError('EXPENSE_HAS_CFDI', 409, `Este gasto ya tiene su CFDI (${row.cfdiUuid}).`);
            }
            const { firstProductKey: _, ...fields } = intake.fields;
            if (!money(fields.totalMxn).equals(row.totalMxn)) {
              throw new AppError(
                'CFDI_TOTAL_MISMATCH',
                409,
                `El total del CFDI (${formatPesos(fields.totalMxn)}) no coincide con el del gasto (${formatPesos(row.totalMxn)}). Revisa que sea la factura de este gasto.`,
              );
            }
            const merged = {
              ...row,
              ...fields,
              invoicePending: false,
              findings: intake.findings,
              satStatus: 'not_checked' as const,
            };
            const findings = await findingsFor(tx, actor.organizationId, merged, {
              lookup69b: deps.lookup69b,
              now,
            });
            await tx
              .update(expenses)
              .set({
                ...fields,
                invoicePending: false,
                satStatus: 'not_checked',
                ...findings,
                updatedAt: now(),
              })
              .where(and(eq(expenses.organizationId, actor.organizationId), eq(expenses.id, expenseId)));
            upgradedWithCfdi = true;
          }
          const [attachment] = await tx
            .insert(expenseAttachments)
            .values({
              organizationId: actor.organizationId,
              id: attachmentId,
              expenseId,
              kind: sniffed.kind === 'cfdi_pdf' && row.invoicePending ? 'receipt' : sniffed.kind,
              fileName: file.name.slice(0, 255) || 'archivo',
              contentType: sniffed.contentType,
              byteSize: file.bytes.length,
              sha256: createHash('sha256').update(file.bytes).digest('hex'),
              storageKey,
              uploadedBy: actor.membershipId,
            })
            .returning();
          await recordAudit(tx, auditAs(actor), origin, {
            action: upgradedWithCfdi ? 'expense.cfdi_attached' : 'expense.file_attached',
            targetType: 'expense',
            targetId: expenseId,
            after: { attachmentId, kind: attachment?.kind, fileName: attachment?.fileName },
          });
          return upgradedWithCfdi;
        });
        if (upgraded) await deps.satStatus.enqueue(actor.organizationId, [expenseId]).catch(() => {});
      } catch (error) {
        await storage.remove(storageKey).catch(() => {});
        if (pgConstraint(error) === 'expenses_cfdi_uuid_key') {
          throw expenseErrors.duplicateCfdi(intake?.accepted ? intake.fields.cfdiUuid : '');
        }
        throw error;
      }
      return deps.expenses.get(actor, expenseId);
    },
  };
}

export type ExpenseAttachments = ReturnType<typeof createExpenseAttachments>;

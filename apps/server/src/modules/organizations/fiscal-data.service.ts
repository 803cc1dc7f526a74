import { eq } from 'drizzle-orm';
import { auditAs, recordAudit } from '../../platform/audit/audit.js';
import type { Actor, RequestOrigin } from '../../platform/auth/actor.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import { withTenant } from '../../platform/tenancy.js';
import { type FiscalDataInput, validateFiscalData } from './fiscal-data.rules.js';
import { organizationFiscalData } from './organizations.schema.js';

function toView(row: typeof organizationFiscalData.$inferSelect) {
  const { rfc, legalName, taxRegime, postalCode, cfdiUse, invoiceEmail, updatedAt } = row;
  return { rfc, legalName, taxRegime, postalCode, cfdiUse, invoiceEmail, updatedAt };
}

/** The organization's fiscal data (receptor of the platform's CFDI): read by readers, set by the owner. */
export function createFiscalDataService(deps: {
  db: Db;
  now?: () => Date;
  /** Told after the data changed (invoicing retries the CFDIs SAT refused with the old data). */
  onChanged?: (organizationId: string) => Promise<unknown>;
}) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    async get(actor: Actor) {
      const [row] = await withTenant(db, { organizationId: actor.organizationId }, (tx) =>
        tx
          .select()
          .from(organizationFiscalData)
          .where(eq(organizationFiscalData.organizationId, actor.organizationId)),
      );
      if (!row) {
        throw new AppError(
          'FISCAL_DATA_NOT_SET',
          404,
          'Tu organización aún no tiene datos fiscales. Captúralos para recibir tus facturas a nombre de tu empresa.',
        );
      }
      return toView(row);
    },

    async put(actor: Actor, input: FiscalDataInput, origin: RequestOrigin) {
      const { normalized, errors, warnings } = validateFiscalData(input);
      if (errors.length > 0) {
        throw new AppError(
          'FISCAL_DATA_INVALID',
          400,
          `Revisa los datos fiscales: ${errors.map((e) => e.message).join(' ')}`,
          {
            errors,
          },
        );
      }
      const saved = await withTenant(db, { organizationId: actor.organizationId }, async (tx) => {
        const [before] = await tx
          .select()
          .from(organizationFiscalData)
          .where(eq(organizationFiscalData.organizationId, actor.organizationId));
        const values = { ...normalized, updatedBy: actor.userId, updatedAt: now() };
        const [row] = before
          ? await tx
              .update(organizationFiscalData)
              .set(values)
              .where(eq(organizationFiscalData.organizationId, actor.organizationId))
              .returning()
          : await tx
              .insert(organizationFiscalData)
              .values({ organizationId: actor.organizationId, ...values })
              .returning();
        if (!row) throw new Error('fiscal data write returned nothing');
        await recordAudit(tx, auditAs(actor), origin, {
          action: 'organization.fiscal_data_updated',
          targetType: 'organization',
          targetId: actor.organizationId,
          before: before ? { ...toView(before) } : null,
          after: { ...toView(row) },
        });
        return { ...toView(row), warnings };
      });
      await deps.onChanged?.(actor.organizationId);
      return saved;
    },
  };
}

export type FiscalDataService = ReturnType<typeof createFiscalDataService>;

/** The organization's RFC (receptor of the CFDIs it receives), or null when not captured yet. */
export async function findOrganizationRfc(tx: Tx, organizationId: string): Promise<string | null> {
  const [row] = await tx
    .select({ rfc: organizationFiscalData.rfc })
    .from(organizationFiscalData)
    .where(eq(organizationFiscalData.organizationId, organizationId));
  return row?.rfc ?? null;
}

import type { CfdiInput } from '@cajachica/cfdi';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs.js';
import { MEXICO_TIME_ZONE, mexicoCityDate, mexicoCityDateTime } from '../../platform/mexico-time.js';
import { sumMoney, toCentavos } from '../../platform/money.js';
import { withSystem } from '../../platform/tenancy.js';
import { payments } from '../subscriptions/subscriptions.schema.js';
import { publicoEnGeneral } from './invoice-cfdi.js';
import { globalInvoices, invoices } from './invoicing.schema.js';
import type { Issuer } from './issuer.js';
import { type Pac, PacError } from './pac.js';
import { stampOnce } from './stamp-once.js';

export const GLOBAL_INVOICE_JOB = 'invoice-global';
const CLAIM_MS = 2 * 60 * 1000;

/** YYYY-MM of the month before the one `at` falls in, in Mexico City. */
export function previousPeriod(at: Date): string {
  const [year, month] = mexicoCityDate(at).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

interface GlobalLine {
  reference: string;
  subtotal: string;
  iva: string;
  total: string;
  formaPago: string;
}

/** SAT's rule for a factura global: the FormaPago by which the largest amount was received. */
function predominantFormaPago(lines: readonly GlobalLine[]): string {
  const byForma = new Map<string, string[]>();
  for (const line of lines) byForma.set(line.formaPago, [...(byForma.get(line.formaPago) ?? []), line.total]);
  return [...byForma.entries()]
    .map(([forma, totals]) => ({ forma, total: sumMoney(totals) }))
    .sort((a, b) => b.total.comparedTo(a.total) || a.forma.localeCompare(b.forma))[0]?.forma as string;
}

/**
 * The monthly factura global (BILLING.md): the payments of customers without fiscal data during a
 * month go in one CFDI to PUBLICO EN GENERAL (RFC XAXX010101000, régimen 616, uso S01, the
 * issuer's postal code, InformacionGlobal mensual), one concepto "Venta" per payment with its
 * reference, stamped right after the month closes. One per month (unique period); retried while
 * the PAC is unavailable, claimed while stamping as the tenants' invoices are.
 */
export function createGlobalInvoicing(deps: {
  db: Db;
  jobs: Pick<JobQueue, 'register' | 'send' | 'schedule'>;
  pac: Pac;
  issuer: Issuer;
  settings: { series: { ingreso: string }; ivaRate: string };
  nextFolio: (serie: string) => Promise<number>;
  now: () => Date;
  log: { error(object: unknown, message: string): void };
}) {
  const { db } = deps;

  const linesOf = (period: string) =>
    withSystem(db, (tx) =>
      tx
        .select({
          reference: payments.reference,
          subtotal: invoices.subtotal,
          iva: invoices.iva,
          total: invoices.total,
          formaPago: invoices.formaPago,
        })
        .from(invoices)
        .innerJoin(
          payments,
          and(eq(payments.organizationId, invoices.organizationId), eq(payments.id, invoices.paymentId)),
        )
        .where(
          and(
            eq(invoices.kind, 'ingreso'),
            eq(invoices.status, 'global'),
            sql`to_char(${invoices.createdAt} AT TIME ZONE ${MEXICO_TIME_ZONE}, 'YYYY-MM') = ${period}`,
          ),
        )
        .orderBy(payments.reference),
    );

  function cfdiOf(
    row: typeof globalInvoices.$inferSelect,
    lines: readonly GlobalLine[],
    fecha: string,
  ): CfdiInput {
    const [year, month] = row.period.split('-') as [string, string];
    const publico = publicoEnGeneral(deps.issuer.postalCode);
    return {
      serie: row.serie,
      folio: String(row.folio),
      fecha,
      tipoDeComprobante: 'I',
      formaPago: row.formaPago,
      metodoPago: 'PUE',
      moneda: 'MXN',
      exportacion: '01',
      lugarExpedicion: deps.issuer.postalCode,
      informacionGlobal: { periodicidad: '04', meses: month, año: year },
      emisor: { rfc: deps.issuer.rfc, nombre: deps.issuer.name, regimenFiscal: deps.issuer.regime },
      receptor: {
        rfc: publico.rfc,
        nombre: publico.name,
        domicilioFiscalReceptor: publico.postalCode,
        regimenFiscalReceptor: publico.taxRegime,
        usoCfdi: publico.cfdiUse,
      },
      conceptos: lines.map((line) => ({
        claveProdServ: '01010101',
        noIdentificacion: line.reference,
        cantidad: '1',
        claveUnidad: 'ACT',
        descripcion: 'Venta',
        valorUnitario: line.subtotal,
        objetoImp: '02',
        traslados: [{ impuesto: '002', tipoFactor: 'Tasa', tasaOCuota: deps.settings.ivaRate }],
      })),
    };
  }

  /** Issues the factura global of a month (YYYY-MM); answers its row, or null without payments. */
  async function issueMonth(period: string) {
    const lines = await linesOf(period);
    if (lines.length === 0) return null;
    const sums = {
      payments: lines.length,
      subtotal: toCentavos(sumMoney(lines.map((line) => line.subtotal))),
      iva: toCentavos(sumMoney(lines.map((line) => line.iva))),
      total: toCentavos(sumMoney(lines.map((line) => line.total))),
      formaPago: predominantFormaPago(lines),
    };
    const [existing] = await withSystem(db, (tx) =>
      tx.select().from(globalInvoices).where(eq(globalInvoices.period, period)),
    );
    if (!existing) {
      const folio = await deps.nextFolio(deps.settings.series.ingreso);
      await withSystem(db, (tx) =>
        tx
          .insert(globalInvoices)
          .values({ period, serie: deps.settings.series.ingreso, folio, pac: deps.pac.name, ...sums })
          .onConflictDoNothing(),
      );
    }
    const now = deps.now();
    const [claimed] = await withSystem(db, (tx) =>
      tx
        .update(globalInvoices)
        // A payment that joined the month since the row was made is counted in (only while pending).
        .set({
          ...sums,
          stampingUntil: new Date(now.getTime() + CLAIM_MS),
          attempts: sql`${globalInvoices.attempts} + 1`,
        })
        .where(
          and(
            eq(globalInvoices.period, period),
            eq(globalInvoices.status, 'pending'),
            or(isNull(globalInvoices.stampingUntil), lt(globalInvoices.stampingUntil, now)),
          ),
        )
        .returning(),
    );
    if (!claimed) {
      const [row] = await withSystem(db, (tx) =>
        tx.select().from(globalInvoices).where(eq(globalInvoices.period, period)),
      );
      return row ?? null;
    }
    const update = async (values: Partial<typeof globalInvoices.$inferInsert>) => {
      const [row] = await withSystem(db, (tx) =>
        tx
          .update(globalInvoices)
          .set({ ...values, updatedAt: deps.now() })
          .where(eq(globalInvoices.id, claimed.id))
          .returning(),
      );
      return row ?? null;
    };
    const cfdi = cfdiOf(claimed, lines, mexicoCityDateTime(now));
    try {
      // A sealed XML of other lines (a payment joined since) is not re-sent: it is sealed anew.
      const sealedIsCurrent = claimed.xml?.includes(`Total="${sums.total}"`) === true;
      const stamped = await stampOnce({
        pac: deps.pac,
        issuer: deps.issuer,
        cfdi,
        documentId: claimed.id,
        customerEmail: null,
        keptSealedXml: sealedIsCurrent ? claimed.xml : null,
        keepSealedXml: (xml) => update({ xml }),
        now,
      });
      return await update({
        status: 'stamped',
        uuid: stamped.uuid,
        xml: stamped.xml,
        stampedAt: stamped.stampedAt,
        pacDocumentId: stamped.pacDocumentId,
        stampingUntil: null,
        errorCode: null,
        errorMessage: null,
      });
    } catch (error) {
      const rejected = error instanceof PacError && error.kind === 'rejected';
      await update({
        status: rejected ? 'rejected' : 'pending',
        stampingUntil: null,
        errorCode: error instanceof PacError ? (error.details.code ?? error.kind) : 'ERROR',
        errorMessage: String((error as Error).message ?? error).slice(0, 500),
      });
      deps.log.error({ err: error, period }, 'factura global not stamped');
      if (!rejected) throw error;
      return null;
    }
  }

  deps.jobs.register<{ period?: string }>(
    GLOBAL_INVOICE_JOB,
    async ({ period }) => void (await issueMonth(period ?? previousPeriod(deps.now()))),
    { retryLimit: 15, retryDelaySeconds: 60 },
  );
  // 02:00 of each month's first day, Mexico City: within the 24 hours after the period closes.
  deps.jobs.schedule(GLOBAL_INVOICE_JOB, '0 2 1 * *', MEXICO_TIME_ZONE);

  return { issueMonth, linesOf };
}

import type { CfdiInput, ConceptoInput } from '@cajachica/cfdi';
import facturapiModule, { type BinaryDownload, FacturapiError, type Invoice } from 'facturapi';
import {
  type CancelRequest,
  type CancelResult,
  type Pac,
  PacError,
  type PacErrorField,
  receptorErrorField,
  type StampedCfdi,
  type StampRequest,
} from './pac.js';

/**
 * Facturapi (BILLING.md §PAC adapters) through its official SDK: it builds and seals the CFDI with the
 * CSD the organization uploaded there, so it gets the CFDI as data (`POST /v2/invoices`), and we
 * download the stamped XML (`GET /v2/invoices/{id}/xml`). Our invoice id goes as `external_id` (which
 * Facturapi searches by) and `idempotency_key`, so a retry finds the first document instead of
 * stamping a second one.
 */
export interface FacturapiPacOptions {
  /** sk_test_… (its invoices never reach SAT) or sk_live_…. */
  apiKey: string;
  /** The API's base URL with its version (e.g. http://127.0.0.1:PORT/v2); Facturapi's own when omitted. */
  baseUrl?: string | undefined;
  /** How long one API call may take before the PAC counts as unavailable (default 30 s). */
  timeoutMs?: number;
}

// Node's ESM loader hands over the SDK's CommonJS exports object, whose `default` is the class;
// Vitest and bundlers hand over the class itself.
const loaded: unknown = facturapiModule;
const Facturapi = (
  typeof loaded === 'function' ? loaded : facturapiModule.default
) as typeof facturapiModule.default;

type Client = InstanceType<typeof Facturapi>;
type CancelMotive = Parameters<Client['invoices']['cancel']>[1]['motive'];

const TAX_TYPES = { '001': 'ISR', '002': 'IVA', '003': 'IEPS' } as const;
/** c_Periodicidad → Facturapi's `global.periodicity`. */
const PERIODICITIES: Readonly<Record<string, string>> = {
  '01': 'day',
  '02': 'week',
  '03': 'fortnight',
  '04': 'month',
  '05': 'two_months',
};
/** Facturapi's error `path` → the fiscal datum to fix, when the error has no SAT code. */
const FIELDS_BY_PATH: Readonly<Record<string, PacErrorField>> = {
  'customer.tax_id': 'rfc',
  'customer.legal_name': 'legalName',
  'customer.address.zip': 'postalCode',
  'customer.tax_system': 'taxRegime',
  use: 'cfdiUse',
};

export function createFacturapiPac(options: FacturapiPacOptions): Pac {
  const client = new Facturapi(options.apiKey);
  if (options.baseUrl) client.BASE_URL = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;

  // SDK 5.1 takes no timeout or AbortSignal: a call that hangs is abandoned here (its socket closes
  // with the server's). The lookup by external_id before every create makes a late success harmless.
  function call<T>(work: () => Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new PacError('unavailable', `Facturapi no respondió en ${timeoutMs / 1000} s (${what}).`)),
        timeoutMs,
      );
    });
    return Promise.race([work(), timeout]).finally(() => clearTimeout(timer));
  }

  /**
   * Our invoice's document at Facturapi, if an earlier attempt created one (external_id is not unique
   * there): one SAT certified, even if since cancelled, since it is the CFDI this invoice got; else one
   * still pending. A failed or draft one never became a CFDI, so it does not stop a new create.
   */
  async function findByExternalId(invoiceId: string): Promise<Invoice | undefined> {
    const found = await call(() => client.invoices.list({ external_id: invoiceId }), 'buscar la factura');
    const status = (invoice: Invoice): string => invoice.status;
    return (
      found.data.find((invoice) => status(invoice) === 'valid' || status(invoice) === 'canceled') ??
      found.data.find((invoice) => status(invoice) === 'pending')
    );
  }

  async function findByUuid(uuid: string): Promise<string> {
    const found = await call(() => client.invoices.list({ uuid }), 'buscar la factura');
    const invoice = found.data[0];
    if (!invoice) throw new PacError('rejected', `Facturapi no tiene un CFDI con el folio fiscal ${uuid}.`);
    return invoice.id;
  }

  async function stamped(invoice: Invoice): Promise<StampedCfdi> {
    const status: string = invoice.status;
    if (status === 'pending') {
      // 202 while SAT is down, or stamping asynchronously: the same invoice is found on the retry.
      throw new PacError('unavailable', 'Facturapi aún no obtiene el timbre del SAT (factura pendiente).');
    }
    if (status !== 'valid' && status !== 'canceled') {
      throw new PacError('unavailable', `Facturapi dejó la factura en estado "${status}".`);
    }
    const xml = await call(
      async () => readText(await client.invoices.downloadXml(invoice.id)),
      'descargar el XML',
    );
    return {
      uuid: invoice.uuid.toUpperCase(),
      xml,
      stampedAt: new Date(invoice.stamp?.date ?? invoice.date),
      pacDocumentId: invoice.id,
    };
  }

  async function cancellationReceipt(id: string): Promise<string | null> {
    try {
      return await call(
        async () => readText(await client.invoices.downloadCancellationReceiptXml(id)),
        'descargar el acuse',
      );
    } catch {
      // The cancellation already happened; a receipt that cannot be fetched now must not undo it.
      return null;
    }
  }

  return {
    name: 'facturapi',
    sealsItself: true, // Facturapi builds and seals from `cfdi` with the CSD it keeps

    async stamp(request: StampRequest): Promise<StampedCfdi> {
      try {
        const existing = await findByExternalId(request.invoiceId);
        if (existing) return await stamped(existing);
        let created: Invoice;
        try {
          created = await call(() => client.invoices.create(invoiceBody(request)), 'timbrar');
        } catch (error) {
          // A repeated idempotency_key: an earlier request created it after our lookup.
          const again = error instanceof FacturapiError && error.status === 409;
          const found = again ? await findByExternalId(request.invoiceId) : undefined;
          if (!found) throw error;
          created = found;
        }
        return await stamped(created);
      } catch (error) {
        throw toPacError(error);
      }
    },

    async cancel(request: CancelRequest): Promise<CancelResult> {
      try {
        const id = request.pacDocumentId ?? (await findByUuid(request.uuid));
        const invoice = await call(
          () =>
            client.invoices.cancel(id, {
              motive: request.motive as string as CancelMotive,
              ...(request.replacementUuid ? { substitution: request.replacementUuid } : {}),
            }),
          'cancelar',
        );
        const status: string = invoice.status;
        const cancellation: string = invoice.cancellation_status;
        if (cancellation === 'rejected') {
          throw new PacError('rejected', 'El receptor rechazó la cancelación: el CFDI sigue vigente.', {
            code: 'cancellation_rejected',
          });
        }
        // "expired": the receptor let the 3 business days pass, which SAT takes as accepted.
        if (status === 'canceled' || cancellation === 'accepted' || cancellation === 'expired') {
          return { status: 'canceled', acuseXml: await cancellationReceipt(invoice.id) };
        }
        return { status: 'pending', acuseXml: null }; // pending (the receptor decides) or verifying (SAT)
      } catch (error) {
        throw toPacError(error);
      }
    },
  };
}

/** The invoice as Facturapi's `POST /invoices` takes it (InvoiceIngresoInput / InvoiceEgresoInput). */
export function invoiceBody(request: StampRequest): Record<string, unknown> {
  const { cfdi } = request;
  const global = cfdi.informacionGlobal;
  return {
    type: cfdi.tipoDeComprobante,
    customer: {
      legal_name: cfdi.receptor.nombre,
      tax_id: cfdi.receptor.rfc,
      tax_system: cfdi.receptor.regimenFiscalReceptor,
      address: { zip: cfdi.receptor.domicilioFiscalReceptor },
      ...(request.customerEmail ? { email: request.customerEmail } : {}),
    },
    items: cfdi.conceptos.map(item),
    use: cfdi.receptor.usoCfdi,
    payment_form: cfdi.formaPago,
    // An egreso takes no payment_method or export at Facturapi (always PUE, 01).
    ...(cfdi.tipoDeComprobante === 'I'
      ? { payment_method: cfdi.metodoPago, export: cfdi.exportacion ?? '01' }
      : {}),
    currency: cfdi.moneda ?? 'MXN',
    ...(cfdi.tipoCambio ? { exchange: Number(cfdi.tipoCambio) } : {}),
    // Facturapi issues from its organization's address unless told: our LugarExpedicion.
    address: { zip: cfdi.lugarExpedicion },
    ...folio(cfdi),
    ...(cfdi.cfdiRelacionados?.length
      ? {
          related_documents: cfdi.cfdiRelacionados.map((group) => ({
            relationship: group.tipoRelacion,
            documents: group.uuids,
          })),
        }
      : {}),
    ...(global
      ? {
          global: {
            periodicity: PERIODICITIES[global.periodicidad] ?? global.periodicidad,
            months: global.meses,
            year: Number(global.año),
          },
        }
      : {}),
    external_id: request.invoiceId,
    idempotency_key: request.invoiceId,
  };
}

// Facturapi's folio_number is an integer (its own counter when omitted); a folio with letters stays ours.
function folio(cfdi: CfdiInput): Record<string, unknown> {
  return {
    ...(cfdi.serie ? { series: cfdi.serie } : {}),
    ...(cfdi.folio && /^\d{1,9}$/.test(cfdi.folio) ? { folio_number: Number(cfdi.folio) } : {}),
  };
}

function item(concepto: ConceptoInput): Record<string, unknown> {
  const taxes = [
    ...(concepto.traslados ?? []).map((tax) => ({
      type: TAX_TYPES[tax.impuesto],
      factor: tax.tipoFactor,
      rate: Number(tax.tasaOCuota ?? 0),
      withholding: false,
    })),
    ...(concepto.retenciones ?? []).map((tax) => ({
      type: TAX_TYPES[tax.impuesto],
      factor: tax.tipoFactor,
      rate: Number(tax.tasaOCuota),
      withholding: true,
    })),
  ];
  return {
    quantity: Number(concepto.cantidad),
    ...(concepto.descuento ? { discount: Number(concepto.descuento) } : {}),
    product: {
      description: concepto.descripcion,
      product_key: concepto.claveProdServ,
      unit_key: concepto.claveUnidad,
      ...(concepto.unidad ? { unit_name: concepto.unidad } : {}),
      ...(concepto.noIdentificacion ? { sku: concepto.noIdentificacion } : {}),
      price: Number(concepto.valorUnitario),
      // Our amounts are before taxes; Facturapi's default (true) would take the IVA out of the price.
      tax_included: false,
      taxability: concepto.objetoImp,
      // Sent even when empty: omitted, Facturapi adds IVA 16 %.
      taxes,
    },
  };
}

async function readText(download: BinaryDownload): Promise<string> {
  if (download instanceof Blob) return download.text();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    download.on('data', (chunk) => chunks.push(Buffer.from(chunk as Uint8Array)));
    download.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    download.on('error', reject);
  });
}

function toPacError(error: unknown): PacError {
  if (error instanceof PacError) return error;
  if (!(error instanceof FacturapiError)) {
    const detail = error instanceof Error ? error.message : String(error);
    return new PacError('unavailable', `No se pudo conectar con Facturapi: ${detail}.`);
  }
  // 5xx, rate limits and timeouts pass; a wrong or revoked API key is the operator's to fix, and the
  // invoice waits for it rather than blaming the customer.
  if (error.status >= 500 || [401, 403, 408, 429].includes(error.status)) {
    return new PacError(
      'unavailable',
      `Facturapi no está disponible (HTTP ${error.status}): ${error.message}`,
    );
  }
  // Facturapi's messages are Spanish already, and name the datum ("El RFC del receptor…").
  const code = satCode(error);
  const field = receptorErrorField(code, error.message) ?? FIELDS_BY_PATH[error.path ?? ''];
  return new PacError('rejected', error.message, { code: code ?? error.code, field });
}

function satCode(error: FacturapiError): string | undefined {
  if (error.code && /^CFDI4\d{4}$/.test(error.code)) return error.code;
  return /CFDI4\d{4}/.exec(error.message)?.[0];
}

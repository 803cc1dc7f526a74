import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildCfdi40,
  CfdiBuildError,
  type CfdiInput,
  type ConceptoInput,
  type EmisorInput,
  type RetencionInput,
  type TrasladoInput,
} from '@cajachica/cfdi';
import { mexicoCityDateTime } from '../../src/platform/mexico-time.js';
import { addTimbreFiscalDigital } from './fake-sw-pac.js';

/**
 * A stand-in for Facturapi's API v2 that speaks its wire format, so the official SDK talks to it:
 * `Authorization: Bearer sk_test_…`, JSON invoices in (`POST /v2/invoices`), the stamped XML out
 * (`GET /v2/invoices/{id}/xml`, application/xml), search by `external_id` or `uuid`, cancellation
 * (`DELETE /v2/invoices/{id}?motive=…&substitution=…`) and its receipt, and errors as
 * `{ok: false, status, message, code?, path?}`. It builds the CFDI from the JSON with our own builder
 * (so a wrong mapping fails here as it would there), seals it with a made-up Sello and stamps it.
 */

export interface RecordedFacturapiRequest {
  method: string;
  /** Without the /v2 prefix and the query ("/invoices/…"). */
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: IncomingHttpHeaders;
}

export interface FakeInvoice {
  id: string;
  organization: string;
  livemode: false;
  created_at: string;
  date: string;
  status: 'pending' | 'valid' | 'canceled';
  cancellation_status: 'none' | 'pending' | 'accepted';
  type: 'I' | 'E';
  uuid: string | null;
  total: number;
  customer: {
    legal_name: string;
    tax_id: string;
    tax_system: string;
    address: { zip: string; country: 'MEX' };
  };
  use: string;
  payment_form: string;
  payment_method: string;
  currency: string;
  series: string | null;
  folio_number: number | null;
  external_id: string | null;
  idempotency_key: string | null;
  stamp: { date: string; sat_signature: string; sat_cert_number: string; signature: string } | null;
  cancellation: { motive: string; substitution: string | null } | null;
}

export interface FakeFacturapiReply {
  status: number;
  body?: unknown;
}

export interface FakeFacturapi {
  /** The SDK's BASE_URL: http://127.0.0.1:PORT/v2. */
  url: string;
  apiKey: string;
  requests: RecordedFacturapiRequest[];
  invoices: FakeInvoice[];
  /** The stamped XML of an invoice (by Facturapi id). */
  xmlOf(id: string): string | undefined;
  failNext(reply: FakeFacturapiReply): void;
  /** The next invoice is refused as SAT refuses a receptor: 400 with that code and message. */
  rejectNextWith(code: string, message: string, path?: string): void;
  /**
   * The next request (the next one matching `which`, when given) is carried out but its answer never
   * sent: a response lost on the way back.
   */
  loseNextResponse(which?: { method?: string; path?: string }): void;
  /** Every request answers 503, or hangs past the client's timeout. */
  down(mode?: 'unavailable' | 'hang'): void;
  up(): void;
  /** SAT is down: invoices are accepted with 202 and status "pending" until satUp stamps them. */
  satDown(): void;
  satUp(): void;
  close(): Promise<void>;
}

export interface FakeFacturapiOptions {
  apiKey?: string;
  /** The organization that issues (Facturapi keeps its CSD). */
  issuer?: EmisorInput;
}

/** The parts of Facturapi's invoice input this fake reads. */
interface InvoiceInput {
  type?: 'I' | 'E';
  customer?: { legal_name?: string; tax_id?: string; tax_system?: string; address?: { zip?: string } };
  items?: {
    quantity?: number;
    discount?: number;
    product?: {
      description?: string;
      product_key?: string;
      unit_key?: string;
      unit_name?: string;
      sku?: string;
      price?: number;
      tax_included?: boolean;
      taxability?: '01' | '02';
      taxes?: { type?: string; factor?: string; rate?: number; withholding?: boolean }[];
    };
  }[];
  use?: string;
  payment_form?: string;
  payment_method?: 'PUE' | 'PPD';
  currency?: string;
  exchange?: number;
  export?: string;
  address?: { zip?: string };
  series?: string;
  folio_number?: number;
  related_documents?: { relationship?: string; documents?: string[] }[];
  global?: { periodicity?: string; months?: string; year?: number };
  external_id?: string;
  idempotency_key?: string;
}

const IMPUESTOS: Readonly<Record<string, '001' | '002' | '003'>> = { ISR: '001', IVA: '002', IEPS: '003' };
const PERIODICIDADES: Readonly<Record<string, string>> = {
  day: '01',
  week: '02',
  fortnight: '03',
  month: '04',
  two_months: '05',
};
const TEST_NO_CERTIFICADO = '30001000000500003416';

function apiError(status: number, message: string, extra: { code?: string; path?: string } = {}) {
  return { status, body: { ok: false, status, message, ...extra } };
}

/** Facturapi's JSON back into our builder's input; the price may include taxes (`tax_included`). */
function toCfdiInput(input: InvoiceInput, issuer: EmisorInput, at: Date): CfdiInput {
  const conceptos = (input.items ?? []).map((item): ConceptoInput => {
    const product = item.product ?? {};
    const taxes = product.taxes ?? [{ type: 'IVA', rate: 0.16 }];
    const traslados = taxes
      .filter((tax) => !tax.withholding)
      .map((tax): TrasladoInput => {
        const impuesto = tax.type === 'IEPS' ? '003' : '002'; // ISR is only withheld
        if (tax.factor === 'Exento') return { impuesto, tipoFactor: 'Exento' };
        const tipoFactor = tax.factor === 'Cuota' ? 'Cuota' : 'Tasa';
        return { impuesto, tipoFactor, tasaOCuota: (tax.rate ?? 0).toFixed(6) };
      });
    const retenciones: RetencionInput[] = taxes
      .filter((tax) => tax.withholding)
      .map((tax) => ({
        impuesto: IMPUESTOS[tax.type ?? 'ISR'] ?? '001',
        tipoFactor: tax.factor === 'Cuota' ? 'Cuota' : 'Tasa',
        tasaOCuota: (tax.rate ?? 0).toFixed(6),
      }));
    const rates = traslados.reduce((sum, tax) => sum + Number(tax.tasaOCuota ?? 0), 0);
    const price = product.tax_included === false ? (product.price ?? 0) : (product.price ?? 0) / (1 + rates);
    return {
      claveProdServ: product.product_key ?? '',
      ...(product.sku ? { noIdentificacion: product.sku } : {}),
      cantidad: String(item.quantity ?? 1),
      claveUnidad: product.unit_key ?? 'H87',
      ...(product.unit_name ? { unidad: product.unit_name } : {}),
      descripcion: product.description ?? '',
      valorUnitario: String(Number(price.toFixed(6))),
      ...(item.discount ? { descuento: item.discount.toFixed(2) } : {}),
      objetoImp: product.taxability ?? (taxes.length > 0 ? '02' : '01'),
      ...(traslados.length > 0 ? { traslados } : {}),
      ...(retenciones.length > 0 ? { retenciones } : {}),
    };
  });
  const customer = input.customer ?? {};
  return {
    ...(input.series ? { serie: input.series } : {}),
    ...(input.folio_number !== undefined ? { folio: String(input.folio_number) } : {}),
    fecha: mexicoCityDateTime(at),
    tipoDeComprobante: input.type ?? 'I',
    formaPago: input.payment_form ?? '',
    metodoPago: input.payment_method ?? 'PUE',
    moneda: input.currency ?? 'MXN',
    ...(input.exchange !== undefined ? { tipoCambio: String(input.exchange) } : {}),
    exportacion: input.export ?? '01',
    lugarExpedicion: input.address?.zip ?? '86000',
    ...(input.global
      ? {
          informacionGlobal: {
            periodicidad: PERIODICIDADES[input.global.periodicity ?? ''] ?? '',
            meses: input.global.months ?? '',
            año: String(input.global.year ?? ''),
          },
        }
      : {}),
    ...(input.related_documents?.length
      ? {
          cfdiRelacionados: input.related_documents.map((group) => ({
            tipoRelacion: group.relationship ?? '',
            uuids: group.documents ?? [],
          })),
        }
      : {}),
    emisor: issuer,
    receptor: {
      rfc: customer.tax_id ?? '',
      nombre: customer.legal_name ?? '',
      domicilioFiscalReceptor: customer.address?.zip ?? '',
      regimenFiscalReceptor: customer.tax_system ?? '',
      usoCfdi: input.use ?? 'G01',
    },
    conceptos,
  };
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeFacturapi(options: FakeFacturapiOptions = {}): Promise<FakeFacturapi> {
  const apiKey = options.apiKey ?? 'sk_test_fake';
  const issuer = options.issuer ?? {
    rfc: 'EKU9003173C9',
    nombre: 'ESCUELA KEMPER URGATE',
    regimenFiscal: '601',
  };
  const invoices: FakeInvoice[] = [];
  const sealedXml = new Map<string, string>();
  const stampedXml = new Map<string, string>();
  const receipts = new Map<string, string>();
  const requests: RecordedFacturapiRequest[] = [];
  let nextFailure: FakeFacturapiReply | null = null;
  let nextRejection: { code: string; message: string; path?: string } | null = null;
  let lose: { method?: string; path?: string } | null = null;
  let outage: 'unavailable' | 'hang' | null = null;
  let satIsDown = false;

  function stamp(invoice: FakeInvoice) {
    const { xml, timbre } = addTimbreFiscalDigital(sealedXml.get(invoice.id) ?? '');
    stampedXml.set(invoice.id, xml);
    invoice.status = 'valid';
    invoice.uuid = timbre.uuid.toLowerCase(); // Facturapi's JSON writes the UUID in lower case
    invoice.stamp = {
      date: new Date().toISOString(),
      sat_signature: timbre.selloSat,
      sat_cert_number: '30001000000500003456',
      signature: timbre.selloCfd,
    };
  }

  function create(input: InvoiceInput): FakeFacturapiReply {
    if (
      input.idempotency_key &&
      invoices.some((invoice) => invoice.idempotency_key === input.idempotency_key)
    ) {
      return apiError(409, 'Ya existe un documento creado con el mismo idempotency_key.', {
        path: 'idempotency_key',
      });
    }
    if (nextRejection) {
      const { code, message, path } = nextRejection;
      nextRejection = null;
      return apiError(400, message, { ...(code ? { code } : {}), ...(path ? { path } : {}) });
    }
    const now = new Date();
    let xml: string;
    try {
      xml = buildCfdi40(toCfdiInput(input, issuer, now))
        .replace(' Sello=""', ` Sello="${randomBytes(256).toString('base64')}"`)
        .replace(' NoCertificado=""', ` NoCertificado="${TEST_NO_CERTIFICADO}"`);
    } catch (error) {
      if (error instanceof CfdiBuildError) return apiError(400, error.message, { path: error.field });
      throw error;
    }
    const customer = input.customer ?? {};
    const invoice: FakeInvoice = {
      id: randomBytes(12).toString('hex'),
      organization: 'f4ce0a91d2e7b3c5a8f61e20',
      livemode: false,
      created_at: now.toISOString(),
      date: now.toISOString(),
      status: 'pending',
      cancellation_status: 'none',
      type: input.type ?? 'I',
      uuid: null,
      total: Number(/\sTotal="([^"]+)"/.exec(xml)?.[1] ?? 0),
      customer: {
        legal_name: customer.legal_name ?? '',
        tax_id: customer.tax_id ?? '',
        tax_system: customer.tax_system ?? '',
        address: { zip: customer.address?.zip ?? '', country: 'MEX' },
      },
      use: input.use ?? 'G01',
      payment_form: input.payment_form ?? '',
      payment_method: input.payment_method ?? 'PUE',
      currency: input.currency ?? 'MXN',
      series: input.series ?? null,
      folio_number: input.folio_number ?? invoices.length + 1,
      external_id: input.external_id ?? null,
      idempotency_key: input.idempotency_key ?? null,
      stamp: null,
      cancellation: null,
    };
    invoices.push(invoice);
    sealedXml.set(invoice.id, xml);
    if (satIsDown) return { status: 202, body: invoice };
    stamp(invoice);
    return { status: 200, body: invoice };
  }

  function cancel(invoice: FakeInvoice, query: Record<string, string>): FakeFacturapiReply {
    const motive = query.motive ?? '';
    if (!['01', '02', '03', '04'].includes(motive)) {
      return apiError(400, 'El motivo de cancelación debe ser 01, 02, 03 o 04.', { path: 'motive' });
    }
    if (motive === '01' && !query.substitution) {
      return apiError(400, 'Con el motivo 01 es necesario indicar la factura que sustituye.', {
        path: 'substitution',
      });
    }
    if (invoice.status !== 'valid') return apiError(400, 'Solo se puede cancelar una factura vigente.');
    invoice.cancellation = { motive, substitution: query.substitution ?? null };
    // SAT's rule: up to $1,000, público en general and egresos cancel without the receptor's consent.
    const immediate =
      invoice.total <= 1000 || invoice.customer.tax_id === 'XAXX010101000' || invoice.type === 'E';
    if (!immediate) {
      invoice.cancellation_status = 'pending';
      return { status: 200, body: invoice };
    }
    invoice.status = 'canceled';
    invoice.cancellation_status = 'accepted';
    receipts.set(
      invoice.id,
      `<?xml version="1.0" encoding="utf-8"?><Acuse Fecha="${mexicoCityDateTime(new Date())}" RfcEmisor="${issuer.rfc}">` +
        `<Folios xmlns="http://cancelacfd.sat.gob.mx"><UUID>${invoice.uuid?.toUpperCase()}</UUID>` +
        '<EstatusUUID>201</EstatusUUID></Folios></Acuse>',
    );
    return { status: 200, body: invoice };
  }

  function list(query: Record<string, string>): FakeFacturapiReply {
    const data = invoices.filter(
      (invoice) =>
        (query.external_id === undefined || invoice.external_id === query.external_id) &&
        (query.uuid === undefined || invoice.uuid === query.uuid.toLowerCase()),
    );
    return { status: 200, body: { page: 1, total_pages: 1, total_results: data.length, data } };
  }

  function answer(recorded: RecordedFacturapiRequest): FakeFacturapiReply | undefined {
    if (outage === 'hang') return undefined;
    if (outage === 'unavailable') return apiError(503, 'Servicio no disponible temporalmente.');
    if (nextFailure) {
      const failure = nextFailure;
      nextFailure = null;
      return failure;
    }
    if (recorded.headers.authorization !== `Bearer ${apiKey}`) {
      return apiError(401, 'La llave secreta (API key) no es válida.');
    }
    const { method, path, query } = recorded;
    if (method === 'POST' && path === '/invoices') return create(recorded.body as InvoiceInput);
    if (method === 'GET' && path === '/invoices') return list(query);
    const match = /^\/invoices\/([0-9a-f]{24})(\/xml|\/cancellation_receipt\/xml)?$/.exec(path);
    const invoice = invoices.find((candidate) => candidate.id === match?.[1]);
    if (!match || !invoice) return apiError(404, 'No se encontró el recurso solicitado.');
    if (method === 'DELETE' && !match[2]) return cancel(invoice, query);
    if (method !== 'GET') return apiError(405, 'Método no permitido.');
    if (!match[2]) return { status: 200, body: invoice };
    const xml = match[2] === '/xml' ? stampedXml.get(invoice.id) : receipts.get(invoice.id);
    if (!xml) return apiError(400, 'El documento aún no está disponible.');
    return { status: 200, body: xml };
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedFacturapiRequest = {
        method: request.method ?? '',
        path: url.pathname.replace(/^\/v2/, ''),
        query: Object.fromEntries(url.searchParams),
        body: text ? JSON.parse(text) : undefined,
        headers: request.headers,
      };
      requests.push(recorded);
      const reply = answer(recorded);
      const lost =
        lose !== null &&
        (lose.method === undefined || lose.method === recorded.method) &&
        (lose.path === undefined || lose.path === recorded.path);
      if (lost) lose = null;
      if (!reply || lost) return; // never answered: the client must give up on its own
      const isXml = typeof reply.body === 'string';
      response.writeHead(reply.status, {
        'Content-Type': isXml ? 'application/xml' : 'application/json; charset=utf-8',
      });
      response.end(isXml ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v2`,
    apiKey,
    requests,
    invoices,
    xmlOf: (id) => stampedXml.get(id),
    failNext(reply) {
      nextFailure = reply;
    },
    rejectNextWith(code, message, path) {
      nextRejection = { code, message, ...(path ? { path } : {}) };
    },
    loseNextResponse(which = {}) {
      lose = which;
    },
    down(mode = 'unavailable') {
      outage = mode;
    },
    up() {
      outage = null;
    },
    satDown() {
      satIsDown = true;
    },
    satUp() {
      satIsDown = false;
      for (const invoice of invoices) if (invoice.status === 'pending') stamp(invoice);
    },
    close() {
      server.closeAllConnections(); // drops the requests left hanging on purpose
      return new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

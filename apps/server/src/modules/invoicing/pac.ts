import type { CfdiInput } from '@cajachica/cfdi';
import { addCalendarDays, mexicoCityDate } from '../../platform/mexico-time.js';
import { money } from '../../platform/money.js';
import { PUBLICO_EN_GENERAL_RFC } from './invoice-cfdi.js';

/**
 * A PAC (proveedor autorizado de certificación) behind one interface (BILLING.md §PAC adapters):
 * the sandbox (embedded default), a PAC that stamps the XML we build and seal (SW sapien style),
 * and Facturapi, which builds and seals with the CSD it keeps. The invoicing module decides what
 * to issue; a PAC only stamps and cancels.
 */
export interface Pac {
  readonly name: 'sandbox' | 'sealed-xml' | 'facturapi';
  /**
   * true: the PAC builds and seals the CFDI itself from `cfdi` (Facturapi, which holds the CSD);
   * false: we build and seal it with our CSD and the PAC stamps `sealedXml` (sandbox, sealed-xml).
   */
  readonly sealsItself: boolean;
  stamp(request: StampRequest): Promise<StampedCfdi>;
  cancel(request: CancelRequest): Promise<CancelResult>;
}

export interface StampRequest {
  /** Our invoice id: the idempotency key (a retried stamp of the same invoice never makes two CFDIs). */
  invoiceId: string;
  /** The CFDI as data (always given; Facturapi builds from it). */
  cfdi: CfdiInput;
  /** Our sealed XML (given when the PAC does not seal itself, `sealsItself: false`). */
  sealedXml: string | null;
  /** Where the invoice goes by email at the PAC, when it sends them (Facturapi may; we send ours). */
  customerEmail: string | null;
}

export interface StampedCfdi {
  /** The TimbreFiscalDigital's UUID, upper case. */
  uuid: string;
  /** The stamped XML, as the PAC returned it (the TFD inside Complemento). */
  xml: string;
  stampedAt: Date;
  /** The PAC's own id of the document (Facturapi's invoice id), for cancel and downloads. */
  pacDocumentId: string | null;
}

export interface CancelRequest {
  uuid: string;
  /** I (ingreso) or E (egreso): an egreso never needs the receptor's acceptance. */
  tipoDeComprobante: 'I' | 'E';
  stampedAt: Date;
  requestedAt: Date;
  pacDocumentId: string | null;
  issuerRfc: string;
  receiverRfc: string;
  total: string;
  /** SAT's motivo: 01 (with replacement), 02, 03, 04. */
  motive: '01' | '02' | '03' | '04';
  /** With motive 01: the UUID of the CFDI that replaces this one (issued first). */
  replacementUuid: string | null;
}

export interface CancelResult {
  /** canceled: done; pending: the receptor must accept (up to 3 business days, silence = accepted). */
  status: 'canceled' | 'pending';
  /** SAT's acknowledgement (acuse) when the PAC returns it. */
  acuseXml: string | null;
}

/**
 * What went wrong at the PAC, in the invoicing module's terms: `unavailable` (timeout, 5xx, SAT
 * down, "202 accepted, stamp later") is retried with backoff and the invoice stays pending;
 * `rejected` (CFDI401xx: the receptor's data does not match SAT's records, a bad field) is shown
 * to the customer with the field to fix; `already_stamped` (a retried XML the PAC stamped before,
 * "timbre previo") carries the stamped XML when the PAC gives it.
 */
export class PacError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'rejected' | 'already_stamped',
    message: string,
    readonly details: {
      /** The PAC's or SAT's code, e.g. CFDI40145. */
      code?: string | undefined;
      /** Which of the customer's fiscal data to fix (rfc, legalName, postalCode, taxRegime, cfdiUse). */
      field?: 'rfc' | 'legalName' | 'postalCode' | 'taxRegime' | 'cfdiUse' | undefined;
      /** For already_stamped: the XML stamped the first time, when the PAC returns it. */
      stampedXml?: string | undefined;
    } = {},
  ) {
    super(message);
    this.name = 'PacError';
  }
}

/**
 * SAT's CFDI 4.0 validation codes about the receptor (Matriz de errores; BILLING.md lists 40145,
 * 40147–49 and 40157–59), and the fiscal-data field each one asks the customer to fix.
 */
export const RECEPTOR_ERROR_FIELDS: Readonly<Record<string, PacErrorField>> = {
  CFDI40143: 'rfc', // the receptor's RFC is not among SAT's registered taxpayers
  CFDI40144: 'legalName', // the name is not among SAT's registered taxpayers
  CFDI40145: 'legalName', // the name does not belong to that RFC
  CFDI40147: 'postalCode', // the fiscal address's postal code is not SAT's for the RFC
  CFDI40148: 'postalCode',
  CFDI40149: 'postalCode',
  CFDI40157: 'taxRegime', // the régimen is not in c_RegimenFiscal
  CFDI40158: 'taxRegime', // the régimen does not fit the RFC (persona física or moral)
  CFDI40159: 'taxRegime',
  CFDI40161: 'cfdiUse', // the UsoCFDI does not fit the receptor's persona type
  CFDI40162: 'cfdiUse', // the UsoCFDI does not fit the receptor's régimen
};

/**
 * SAT's messages name the receptor's attribute they reject ("El campo Nombre del receptor…",
 * "…DomicilioFiscalReceptor…"). Published code tables disagree on a few numbers, so a receptor
 * error whose code we do not map is still traced to its field by the attribute it names.
 */
const RECEPTOR_ATTRIBUTE_FIELDS: ReadonlyArray<[RegExp, PacErrorField]> = [
  [/DomicilioFiscalReceptor/i, 'postalCode'],
  [/RegimenFiscal(?:R|Receptor)\b/i, 'taxRegime'],
  [/UsoCFDI/i, 'cfdiUse'],
  [/Nombre del receptor/i, 'legalName'],
  [/Rfc del receptor/i, 'rfc'],
];

/** The fiscal-data field a PAC's or SAT's rejection asks the customer to fix, if it is theirs. */
export function receptorErrorField(code: string | undefined, message: string): PacErrorField | undefined {
  const byCode = code ? RECEPTOR_ERROR_FIELDS[code] : undefined;
  if (byCode) return byCode;
  if (!code?.startsWith('CFDI4')) return undefined;
  return RECEPTOR_ATTRIBUTE_FIELDS.find(([pattern]) => pattern.test(message))?.[1];
}

export type PacErrorField = NonNullable<PacError['details']['field']>;

/** Up to this total (MXN) a cancellation needs no acceptance from the receptor. */
const ACCEPTANCE_THRESHOLD = '1000.00';

/** The first Monday–Friday day after `day` (YYYY-MM-DD); SAT's holidays are not counted out. */
function nextBusinessDay(day: string): string {
  let next = addCalendarDays(day, 1);
  while ([0, 6].includes(new Date(`${next}T12:00:00Z`).getUTCDay())) next = addCalendarDays(next, 1);
  return next;
}

/**
 * BILLING.md's acceptance rules: a cancellation needs the receptor's acceptance (3 business days;
 * silence is acceptance) unless the total is up to $1,000, it is an egreso, the receptor is the
 * general public, or it is asked by the next business day after stamping.
 */
export function needsReceptorAcceptance(request: CancelRequest): boolean {
  if (money(request.total).lessThanOrEqualTo(ACCEPTANCE_THRESHOLD)) return false;
  if (request.tipoDeComprobante === 'E') return false;
  if (request.receiverRfc.toUpperCase() === PUBLICO_EN_GENERAL_RFC) return false;
  return mexicoCityDate(request.requestedAt) > nextBusinessDay(mexicoCityDate(request.stampedAt));
}

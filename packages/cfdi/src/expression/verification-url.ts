import { Decimal } from 'decimal.js';

export interface VerificationData {
  /** UUID of the TimbreFiscalDigital. */
  uuid: string;
  rfcEmisor: string;
  rfcReceptor: string;
  /** Comprobante/@Total as written. */
  total: string;
  /** Comprobante/@Sello (only its last 8 characters are used). */
  sello: string;
}

const VERIFY_BASE = 'https://verificacfdi.facturaelectronica.sat.gob.mx/default.aspx';

/**
 * tt of the 2017-07-01 standard (CFDI 3.3 and 4.0): the total with up to 6 decimals, trailing
 * zeros removed but one decimal digit kept ("1160.0"), computed exactly (no binary floats).
 */
export function formatExpressionTotal(total: string): string {
  const fixed = new Decimal(total.trim() === '' ? '0' : total.trim()).toFixed(6, Decimal.ROUND_HALF_UP);
  const trimmed = fixed.replace(/0+$/, '');
  return trimmed.endsWith('.') ? `${trimmed}0` : trimmed;
}

/** RFCs go into the URL XML-escaped, as SAT's specification says (e.g. "H&E951128469" → "H&amp;E951128469"). */
function formatRfc(rfc: string): string {
  return rfc
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The URL printed as the QR code of a CFDI 3.3/4.0's printed representation (Anexo 20, "código de
 * barras bidimensional"): id, re, rr, tt, fe = last 8 characters of the Sello.
 */
export function buildVerificationUrl(data: VerificationData): string {
  return `${VERIFY_BASE}?${[
    `id=${data.uuid}`,
    `re=${formatRfc(data.rfcEmisor)}`,
    `rr=${formatRfc(data.rfcReceptor)}`,
    `tt=${formatExpressionTotal(data.total)}`,
    `fe=${data.sello.slice(-8)}`,
  ].join('&')}`;
}

import type { Cfdi } from './types.js';

/**
 * The folio fiscal: the TimbreFiscalDigital's UUID upper-cased and trimmed, or null when the CFDI is not
 * stamped (or the UUID is empty). Upper-case because PACs write either case and it is the product's key.
 */
export function cfdiUuid(cfdi: Cfdi): string | null {
  const uuid = cfdi.timbreFiscalDigital?.uuid?.trim();
  return uuid ? uuid : null;
}

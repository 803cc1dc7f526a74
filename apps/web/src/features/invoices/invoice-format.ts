import type { Invoice, InvoiceStatus } from './invoices.api';

/** Green once the SAT certified it, red when the customer must act, gray when nothing is left to do. */
export const STATUS_COLORS: Record<InvoiceStatus, string> = {
  pending: 'blue',
  stamped: 'green',
  rejected: 'red',
  global: 'gray',
  cancel_pending: 'yellow',
  canceled: 'gray',
};

/** How people name a CFDI among their papers: serie and folio, e.g. "CC-12". */
export const invoiceNumber = (invoice: Pick<Invoice, 'serie' | 'folio'>) =>
  `${invoice.serie}-${invoice.folio}`;

/** The folio fiscal's first block, the one the downloaded files are named with (the rest is in the title). */
export const shortUuid = (uuid: string) => `${uuid.slice(0, 8)}…`;

export { createPac } from './create-pac.js';
export { nextFolio } from './folios.js';
export { createGlobalInvoicing, GLOBAL_INVOICE_JOB } from './global-invoice.js';
export {
  CANCEL_MOTIVES,
  type CancelMotive,
  createInvoiceCancellation,
  type InvoiceCancellation,
} from './invoice-cancellation.js';
export { createInvoiceIssuer, type InvoiceIssuer } from './invoice-issuer.js';
export { createInvoiceMailer } from './invoice-mail.js';
export { invoicingRoutes } from './invoicing.routes.js';
export { createInvoicingService } from './invoicing.service.js';
export { loadIssuer } from './issuer.js';

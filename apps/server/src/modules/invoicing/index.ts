export { createPac } from './create-pac.js';
export { createInvoiceIssuer, type InvoiceIssuer } from './invoice-issuer.js';
export { createInvoiceMailer } from './invoice-mail.js';
export { invoicingRoutes } from './invoicing.routes.js';
export { createInvoicingService } from './invoicing.service.js';
export { loadIssuer } from './issuer.js';

import type { ApiResponse } from '@cajachica/sdk';
import { api } from '../../api/client';
import type { Me, Role } from '../../api/types';

// The contract's own types (packages/sdk, generated from the server's OpenAPI document), not a copy.
export type InvoiceList = ApiResponse<'/api/v1/invoices', 'get'>;
export type Invoice = InvoiceList['data'][number];
export type InvoiceKind = Invoice['kind'];
export type InvoiceStatus = Invoice['status'];
export type InvoiceFile = 'xml' | 'pdf';

/** The roles the server lets read the platform's CFDIs (`invoices.read` in permissions.ts). */
const INVOICE_READERS: readonly Role[] = ['owner', 'admin', 'accountant', 'auditor'];

export function canReadInvoices(me: Me): boolean {
  return me.roles.some((role) => INVOICE_READERS.includes(role));
}

export const listInvoices = () => api.get<InvoiceList>('/invoices');

/** A plain link downloads the file: the session cookie goes with it and the server names the file. */
export const invoiceFileUrl = (id: string, file: InvoiceFile) =>
  `/api/v1/invoices/${encodeURIComponent(id)}/${file}`;

/** Its XML and PDF exist once the PAC stamped it; a later cancellation keeps them (the books need them). */
export const hasFiles = (invoice: Invoice) => invoice.uuid !== null;

export const invoiceKeys = {
  all: ['invoices'] as const,
  list: (organizationId: string) => ['invoices', organizationId, 'list'] as const,
};

import { useQuery } from '@tanstack/react-query';
import { invoiceKeys, listInvoices } from './invoices.api';

/** While the PAC stamps one, look again now and then: it turns "Timbrada" without a reload. */
const STAMPING_POLL_MS = 5_000;

/** The organization's CFDIs, newest first (owner, admin, accountant and auditor: 403 to others). */
export function useInvoices(organizationId: string) {
  return useQuery({
    queryKey: invoiceKeys.list(organizationId),
    queryFn: listInvoices,
    refetchInterval: (query) =>
      query.state.data?.data.some((invoice) => invoice.status === 'pending') ? STAMPING_POLL_MS : false,
  });
}

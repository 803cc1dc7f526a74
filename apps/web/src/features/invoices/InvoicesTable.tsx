import { Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../app/format';
import { CatalogTable } from '../settings/CatalogTable';
import { formatShortDateTime } from '../subscription/subscription-format';
import { InvoiceActions } from './InvoiceActions';
import { InvoiceStatusCell } from './InvoiceStatusCell';
import { invoiceNumber, shortUuid } from './invoice-format';
import type { Invoice } from './invoices.api';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** The folio fiscal, shortened to fit; the whole of it on hover and for screen readers. */
function FolioFiscal({ uuid }: { uuid: string | null }) {
  const { t } = useTranslation();
  if (uuid === null) {
    return (
      <Text size="sm" c="dimmed" style={NO_WRAP}>
        {t('invoices.noUuid')}
      </Text>
    );
  }
  return (
    <Text size="sm" ff="monospace" title={uuid} style={NO_WRAP}>
      <span aria-hidden>{shortUuid(uuid)}</span>
      <VisuallyHidden>{uuid}</VisuallyHidden>
    </Text>
  );
}

/** The CFDIs as a table on wide screens and as cards on a phone, downloads at each row's end. */
export function InvoicesTable({ invoices }: { invoices: Invoice[] }) {
  const { t, i18n } = useTranslation();
  return (
    <CatalogTable<Invoice>
      rows={invoices}
      label={t('invoices.tableLabel')}
      columns={[
        {
          label: t('invoices.date'),
          // Billing dates are Mexico City's, as on the CFDI and the payment history.
          render: (invoice) => (
            <Text size="sm" style={NO_WRAP}>
              {formatShortDateTime(invoice.stampedAt ?? invoice.createdAt, i18n.language)}
            </Text>
          ),
        },
        {
          label: t('invoices.number'),
          render: (invoice) => (
            <Text size="sm" fw={500} style={NO_WRAP}>
              {invoiceNumber(invoice)}
            </Text>
          ),
        },
        {
          label: t('invoices.kind'),
          render: (invoice) => <Text size="sm">{t(`invoices.kindName.${invoice.kind}`)}</Text>,
        },
        {
          label: t('invoices.uuid'),
          render: (invoice) => <FolioFiscal uuid={invoice.uuid} />,
        },
        {
          label: t('invoices.total'),
          align: 'right',
          render: (invoice) => (
            <Text size="sm" style={NO_WRAP}>
              {formatMoney(invoice.total, i18n.language)}
            </Text>
          ),
        },
        {
          label: t('invoices.status'),
          render: (invoice) => <InvoiceStatusCell invoice={invoice} />,
        },
      ]}
      actions={(invoice) => <InvoiceActions invoice={invoice} />}
    />
  );
}

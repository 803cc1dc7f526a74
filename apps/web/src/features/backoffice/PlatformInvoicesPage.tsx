import { Badge, Button, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../app/format';
import { CatalogTable } from '../settings/CatalogTable';
import { PageHeader } from '../settings/PageHeader';
import { formatShortDateTime } from '../subscription/subscription-format';
import {
  backofficeKeys,
  type GlobalInvoice,
  type InvoiceStatus,
  listInvoices,
  type PlatformInvoice,
} from './backoffice.api';
import { InvoiceCancelModal } from './InvoiceCancelModal';
import { ListState } from './ListState';

const STATUS_COLORS: Record<InvoiceStatus, string> = {
  pending: 'blue',
  stamped: 'green',
  rejected: 'red',
  global: 'gray',
  cancel_pending: 'orange',
  canceled: 'gray',
};

/** `/operador/facturas`: the CFDIs issued to customers, why any is not stamped, and the facturas globales. */
export function PlatformInvoicesPage() {
  const { t, i18n } = useTranslation();
  const invoices = useQuery({ queryKey: backofficeKeys.invoices, queryFn: listInvoices });
  const [canceling, setCanceling] = useState<PlatformInvoice | null>(null);
  const rows = invoices.data?.data ?? [];
  const globals = invoices.data?.globals ?? [];
  const money = (amount: string) => formatMoney(amount, i18n.language);
  const label = t('backoffice.invoices.title');
  const status = (value: InvoiceStatus) => (
    <Badge color={STATUS_COLORS[value]} variant="light" tt="none">
      {t(`backoffice.invoices.statuses.${value}`)}
    </Badge>
  );
  const uuid = (value: string | null) => (
    <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
      {value ?? '—'}
    </Text>
  );

  return (
    <Stack gap="lg">
      <PageHeader title={label} subtitle={t('backoffice.invoices.subtitle')} />
      <ListState list={invoices} count={rows.length} empty={t('backoffice.invoices.empty')} />
      {rows.length > 0 && (
        <CatalogTable<PlatformInvoice>
          rows={rows}
          label={label}
          columns={[
            {
              label: t('backoffice.invoices.customer'),
              render: (invoice) => (
                <div>
                  <Text size="sm">{invoice.organizationName}</Text>
                  <Text size="xs" c="dimmed">
                    {invoice.receptorRfc} · {invoice.receptorName}
                  </Text>
                </div>
              ),
            },
            {
              label: t('backoffice.invoices.document'),
              render: (invoice) => (
                <div>
                  <Text size="sm">
                    {t(`backoffice.invoices.kind.${invoice.kind}`)} {invoice.serie}-{invoice.folio}
                  </Text>
                  {invoice.pac === 'sandbox' && (
                    <Text size="xs" c="orange">
                      {t('backoffice.invoices.sandbox')}
                    </Text>
                  )}
                </div>
              ),
            },
            { label: t('backoffice.invoices.uuid'), render: (invoice) => uuid(invoice.uuid) },
            {
              label: t('backoffice.invoices.total'),
              align: 'right',
              render: (invoice) => <Text size="sm">{money(invoice.total)}</Text>,
            },
            {
              label: t('backoffice.invoices.status'),
              render: (invoice) => (
                <Stack gap={4}>
                  {status(invoice.status)}
                  {invoice.errorMessage && invoice.status !== 'stamped' && (
                    <Text size="xs" c="red">
                      {invoice.errorMessage} ({t('backoffice.invoices.attempts', { count: invoice.attempts })}
                      )
                    </Text>
                  )}
                </Stack>
              ),
            },
            {
              label: t('backoffice.invoices.date'),
              render: (invoice) => (
                <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                  {formatShortDateTime(invoice.stampedAt ?? invoice.createdAt, i18n.language)}
                </Text>
              ),
            },
          ]}
          actions={(invoice) =>
            invoice.status === 'stamped' ? (
              <Button size="compact-sm" variant="light" color="red" onClick={() => setCanceling(invoice)}>
                {t('backoffice.invoices.cancel')}
              </Button>
            ) : null
          }
        />
      )}
      {canceling && <InvoiceCancelModal invoice={canceling} onClose={() => setCanceling(null)} />}
      <Title order={2} size="h4">
        {t('backoffice.invoices.globalsTitle')}
      </Title>
      {invoices.isSuccess && globals.length === 0 && (
        <Text c="dimmed">{t('backoffice.invoices.globalsEmpty')}</Text>
      )}
      {globals.length > 0 && (
        <CatalogTable<GlobalInvoice>
          rows={globals}
          label={t('backoffice.invoices.globalsTitle')}
          columns={[
            { label: t('backoffice.invoices.period'), render: (row) => <Text size="sm">{row.period}</Text> },
            {
              label: t('backoffice.invoices.document'),
              render: (row) => (
                <Text size="sm">
                  {row.serie}-{row.folio}
                </Text>
              ),
            },
            { label: t('backoffice.invoices.uuid'), render: (row) => uuid(row.uuid) },
            {
              label: t('backoffice.invoices.payments'),
              align: 'right',
              render: (row) => <Text size="sm">{row.payments}</Text>,
            },
            {
              label: t('backoffice.invoices.total'),
              align: 'right',
              render: (row) => <Text size="sm">{money(row.total)}</Text>,
            },
            {
              label: t('backoffice.invoices.status'),
              render: (row) => (
                <Stack gap={4}>
                  {status(row.status)}
                  {row.errorMessage && row.status !== 'stamped' && (
                    <Text size="xs" c="red">
                      {row.errorMessage}
                    </Text>
                  )}
                </Stack>
              ),
            },
          ]}
        />
      )}
    </Stack>
  );
}

import { Anchor, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { InvoiceDownloads } from './InvoiceDownloads';
import { hasFiles, type Invoice } from './invoices.api';

const FISCAL_DATA_PATH = '/app/datos-fiscales';
/** Keeps the explanations readable in the table's last column instead of stretching it. */
const NOTE_WIDTH = 300;

function Note({ children, link }: { children: ReactNode; link?: string }) {
  return (
    <Stack gap={4} align="flex-start" maw={NOTE_WIDTH}>
      {children}
      {link && (
        <Anchor component={Link} to={FISCAL_DATA_PATH} size="sm" fw={500}>
          {link}
        </Anchor>
      )}
    </Stack>
  );
}

/**
 * What the customer can do with the invoice: download it, or, until it can be, why not and where to
 * fix it. It is the row's last column, and the full width of its card on a phone, where there is room.
 */
export function InvoiceActions({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  if (hasFiles(invoice)) return <InvoiceDownloads invoice={invoice} />;
  switch (invoice.status) {
    case 'rejected':
      return (
        <Note link={t('invoices.fixFiscalData')}>
          <Text size="sm" c="red.8">
            {invoice.error?.message ?? t('invoices.rejectedNote')}
          </Text>
        </Note>
      );
    case 'global':
      return (
        <Note link={t('invoices.captureFiscalData')}>
          <Text size="sm" c="dimmed">
            {t('invoices.globalNote')}
          </Text>
        </Note>
      );
    case 'pending':
      return (
        <Note>
          <Text size="sm" c="dimmed">
            {t('invoices.pendingNote')}
          </Text>
        </Note>
      );
    default:
      return (
        <Text size="sm" c="dimmed">
          {t('invoices.noFiles')}
        </Text>
      );
  }
}

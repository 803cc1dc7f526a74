import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { invoiceNumber } from './invoice-format';
import { type Invoice, invoiceFileUrl } from './invoices.api';

const FILES = ['xml', 'pdf'] as const;

/** Download links (as the reports' exports): the browser saves what the server streams, under its name. */
export function InvoiceDownloads({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  const number = invoiceNumber(invoice);
  return (
    <Group gap="xs" wrap="nowrap">
      {FILES.map((file) => (
        <Button
          key={file}
          component="a"
          href={invoiceFileUrl(invoice.id, file)}
          download
          variant="default"
          size="xs"
          // The visible "XML" alone does not say which invoice: the name does, and contains the visible word.
          aria-label={t(`invoices.download.${file}Label`, { number })}
        >
          {t(`invoices.download.${file}`)}
        </Button>
      ))}
    </Group>
  );
}

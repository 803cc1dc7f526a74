import { Badge, type BadgeProps, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from './invoice-format';
import type { Invoice } from './invoices.api';

/**
 * Long Spanish labels ("Rechazada — corrige…") wrap inside the badge on a phone's narrow card instead of
 * being cut; squarer corners keep a two-line badge from looking like a stretched pill.
 */
const WRAPPING: BadgeProps = {
  tt: 'none',
  h: 'auto',
  py: 2,
  radius: 'sm',
  styles: { label: { whiteSpace: 'normal' } },
};
/** On wide screens the column keeps room for the longest label on one line (wrapping would let it shrink). */
const COLUMN_WIDTH = { base: 0, sm: 250 };

/** The invoice's state, and whether the PAC's stamp was a test one. */
export function InvoiceStatusCell({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} align="flex-start" miw={COLUMN_WIDTH}>
      <Badge color={STATUS_COLORS[invoice.status]} variant="light" {...WRAPPING}>
        {t(`invoices.statusName.${invoice.status}`)}
      </Badge>
      {invoice.sandbox && (
        <Badge color="orange" variant="outline" size="sm" {...WRAPPING}>
          {t('invoices.sandbox')}
        </Badge>
      )}
    </Stack>
  );
}

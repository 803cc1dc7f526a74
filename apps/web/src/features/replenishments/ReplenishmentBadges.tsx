import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../app/format';
import type { ReplenishmentStatus, Voucher } from './replenishments.api';

const badge = { tt: 'none' as const, styles: { label: { overflow: 'visible' } } };

const STATUS_COLORS: Record<ReplenishmentStatus, string> = {
  requested: 'blue',
  approved: 'teal',
  paid: 'violet',
  canceled: 'gray',
};

export function ReplenishmentStatusBadge({ status }: { status: ReplenishmentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge {...badge} variant="light" color={STATUS_COLORS[status]}>
      {t(`replenishments.status.${status}`)}
    </Badge>
  );
}

/** Requested by the product itself when the fund's cash reached its threshold. */
export function AutomaticBadge() {
  const { t } = useTranslation();
  return (
    <Badge {...badge} variant="outline" color="gray">
      {t('replenishments.automatic')}
    </Badge>
  );
}

export function SatCancelledBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <Badge {...badge} variant="light" color="red" c="red.9">
      {t('replenishments.satCancelledCount', { count })}
    </Badge>
  );
}

/** What a voucher is, in a few words: the expense's concept or the kind of counted difference. */
export function voucherTitle(voucher: Voucher, t: TFunction): string {
  if (voucher.expense) return voucher.expense.concept;
  return t(`replenishments.voucher.${voucher.cashCount?.kind ?? 'shortage'}`);
}

/** Amounts in the replenishment's list: an overage shows with its sign (it subtracts). */
export const voucherAmount = (voucher: Voucher, language: string) =>
  formatMoney(voucher.amount, language, { signed: voucher.amount.startsWith('-') });

import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../app/format';
import { fromCentavos } from '../../app/money';
import type { CashCountResult } from './cash-counts.api';

export const RESULT_COLOR: Record<CashCountResult, string> = {
  exact: 'teal.8',
  shortage: 'red.8',
  overage: 'orange.8',
};

export const resultOf = (difference: bigint): CashCountResult =>
  difference === 0n ? 'exact' : difference < 0n ? 'shortage' : 'overage';

interface Props {
  counted: bigint | null;
  expected: bigint;
  /** One line for the bar pinned to the bottom of a phone's screen. */
  compact?: boolean;
}

/** Counted, expected from the ledger and the difference (faltante in red, sobrante in orange), live. */
export function CountSummary({ counted, expected, compact = false }: Props) {
  const { t, i18n } = useTranslation();
  const money = (centavos: bigint) => formatMoney(fromCentavos(centavos), i18n.language);
  const difference = counted === null ? null : counted - expected;
  const result = difference === null ? null : resultOf(difference);
  const differenceText =
    difference === null || result === null
      ? '—'
      : result === 'exact'
        ? t('cashCounts.result.exact')
        : `${t(`cashCounts.result.${result}`)} ${money(difference < 0n ? -difference : difference)}`;
  const differenceLine = (
    <Text
      fw={700}
      fz={compact ? 'md' : 'xl'}
      c={result ? RESULT_COLOR[result] : 'dimmed'}
      aria-live={compact ? undefined : 'polite'}
    >
      {differenceText}
    </Text>
  );

  if (compact) {
    return (
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fz="md" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {t('cashCounts.counted')}: <b>{counted === null ? '—' : money(counted)}</b>
        </Text>
        {differenceLine}
      </Group>
    );
  }
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={6} style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Row label={t('cashCounts.counted')} value={counted === null ? '—' : money(counted)} strong />
        <Row label={t('cashCounts.expected')} value={money(expected)} />
        <Group
          justify="space-between"
          wrap="nowrap"
          pt={4}
          style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Text c="dimmed">{t('cashCounts.difference')}</Text>
          {differenceLine}
        </Group>
      </Stack>
    </Paper>
  );
}

function Row({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text c="dimmed">{label}</Text>
      <Text fw={strong ? 700 : 500} fz={strong ? 'xl' : 'md'}>
        {value}
      </Text>
    </Group>
  );
}

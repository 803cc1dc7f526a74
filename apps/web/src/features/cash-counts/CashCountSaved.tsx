import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Fund } from '../../api/types';
import { formatMoney } from '../../app/format';
import { FundBalances } from '../funds/FundBalances';
import type { CashCount } from './cash-counts.api';

const ALERT_COLOR = { exact: 'teal', shortage: 'red', overage: 'orange' } as const;

/** What the count recorded, and the fund's balances as they stand after it. */
export function CashCountSaved({
  count,
  fund,
  onAnother,
}: {
  count: CashCount;
  fund: Fund;
  onAnother: () => void;
}) {
  const { t, i18n } = useTranslation();
  const money = (amount: string) => formatMoney(amount, i18n.language);
  const amount = money(count.difference.replace(/^-/, ''));
  return (
    <Stack gap="md">
      <Alert
        color={ALERT_COLOR[count.result]}
        variant="light"
        role="status"
        title={t(`cashCounts.saved.title.${count.result}`, { amount })}
      >
        <Stack gap={4}>
          <Text size="sm">
            {t('cashCounts.saved.numbers', {
              counted: money(count.countedCash),
              expected: money(count.expectedCash),
            })}
          </Text>
          <Text size="sm">
            {t(`cashCounts.saved.${count.result}`, { amount, counted: money(count.countedCash) })}
          </Text>
          {count.witness && (
            <Text size="sm">{t('cashCounts.confirm.witness', { name: count.witness.name })}</Text>
          )}
        </Stack>
      </Alert>
      <FundBalances fund={fund} />
      <Group>
        <Button component={Link} to={`/app/fondos/${fund.id}`} variant="default">
          {t('cashCounts.saved.backToFund')}
        </Button>
        <Button variant="subtle" onClick={onAnother}>
          {t('cashCounts.saved.another')}
        </Button>
      </Group>
    </Stack>
  );
}

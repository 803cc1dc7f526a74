import { Alert, Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMoney } from '../../app/format';
import type { AdvanceDetail } from './advances.api';

/** The advance against its expenses: handed out, approved, waiting for a decision, what is left. */
export function AdvanceTotals({ advance }: { advance: AdvanceDetail }) {
  const { t, i18n } = useTranslation();
  const money = (amount: string) => formatMoney(amount, i18n.language);
  // Once settled, what is left is what the employee returned (or was paid, when negative).
  const difference = advance.settlement?.difference;
  const last = difference
    ? difference.startsWith('-')
      ? { label: t('advances.totals.paid'), value: difference.slice(1) }
      : { label: t('advances.totals.returned'), value: difference }
    : { label: t('advances.totals.remaining'), value: advance.totals.remaining };
  const cards = [
    { label: t('advances.amount'), value: advance.amount },
    { label: t('advances.totals.approved'), value: advance.totals.approved },
    { label: t('advances.totals.pending'), value: advance.totals.pendingDecision },
    last,
  ];
  return (
    <section aria-label={t('advances.totals.label')}>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {cards.map((card) => (
          <Card key={card.label} withBorder padding="md">
            <Text size="sm" c="dimmed">
              {card.label}
            </Text>
            <Text fz={22} fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {money(card.value)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <SettlementNote advance={advance} money={money} when={(iso) => formatDateTime(iso, i18n.language)} />
    </section>
  );
}

/** Once settled: what was proved and where the difference went. */
function SettlementNote({
  advance,
  money,
  when,
}: {
  advance: AdvanceDetail;
  money: (amount: string) => string;
  when: (iso: string) => string;
}) {
  const { t } = useTranslation();
  const settlement = advance.settlement;
  if (!settlement) return null;
  const difference = settlement.difference;
  const negative = difference.startsWith('-');
  const amount = money(negative ? difference.slice(1) : difference);
  const cash = settlement.method === 'fund_cash';
  const key =
    difference === '0.00'
      ? 'even'
      : negative
        ? cash
          ? 'paidCash'
          : 'paidTransfer'
        : cash
          ? 'returnedCash'
          : 'returnedTransfer';
  return (
    <Alert
      color="teal"
      variant="light"
      mt="sm"
      title={t('advances.settled.title', { date: when(settlement.settledAt) })}
    >
      {t('advances.settled.expenses', { amount: money(settlement.expenses) })}{' '}
      {t(`advances.settled.${key}`, { amount, fund: advance.fund?.name ?? '', name: advance.employee.name })}
      {settlement.reference && ` ${t('advances.settled.reference', { reference: settlement.reference })}`}
    </Alert>
  );
}

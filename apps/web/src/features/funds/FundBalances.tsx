import { Alert, Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Fund } from '../../api/types';
import { formatMoney } from '../../app/format';
import { fromCentavos, toCentavos } from '../../app/money';

/**
 * The imprest invariant, laid out as the sum it is:
 * efectivo + comprobantes por reponer + anticipos = monto autorizado.
 */
export function FundBalances({ fund }: { fund: Fund }) {
  const { t, i18n } = useTranslation();
  const money = (amount: string) => formatMoney(amount, i18n.language);
  const parts = [fund.cash, fund.pendingVouchers, fund.openAdvances].map(toCentavos);
  const authorized = toCentavos(fund.authorizedAmount);
  const sum = parts.every((part) => part !== null)
    ? parts.reduce<bigint>((total, part) => total + (part ?? 0n), 0n)
    : null;
  const difference = sum !== null && authorized !== null ? authorized - sum : null;

  const cards = [
    { sign: '', label: t('funds.cash'), hint: t('funds.cashHint'), value: fund.cash },
    {
      sign: '+',
      label: t('funds.pendingVouchers'),
      hint: t('funds.pendingHint'),
      value: fund.pendingVouchers,
    },
    { sign: '+', label: t('funds.advances'), hint: t('funds.advancesHint'), value: fund.openAdvances },
    {
      sign: '=',
      label: t('funds.authorized'),
      hint: t('funds.authorizedHint'),
      value: fund.authorizedAmount,
    },
  ];

  return (
    <section aria-label={t('funds.balances')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        {cards.map((card, index) => {
          const total = index === cards.length - 1;
          return (
            <Card
              key={card.label}
              withBorder
              padding="md"
              bg={total ? 'teal.0' : undefined}
              style={total ? { borderColor: 'var(--mantine-color-teal-4)' } : undefined}
            >
              <Text size="sm" c="dimmed" mih={{ md: 42 }}>
                {card.sign !== '' && (
                  <Text span fw={700} c="teal.8" mr={6} aria-hidden>
                    {card.sign}
                  </Text>
                )}
                {card.label}
              </Text>
              <Text fz={24} fw={total ? 700 : 600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {money(card.value)}
              </Text>
              <Text size="xs" c="dimmed">
                {card.hint}
              </Text>
            </Card>
          );
        })}
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={6}>
        {t('funds.equation')}
      </Text>
      {difference !== null && difference !== 0n && (
        <Alert color="red" variant="light" mt="sm" role="alert">
          {t('funds.invariantBroken', { difference: money(fromCentavos(difference)) })}
        </Alert>
      )}
    </section>
  );
}

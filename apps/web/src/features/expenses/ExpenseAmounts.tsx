import { Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Expense } from '../../api/types';
import { formatMoney } from '../../app/format';

const isZero = (amount: string) => !/[1-9]/.test(amount);

/** Subtotal − descuento + traslados − retenciones = total, each line only when it is not zero. */
export function ExpenseAmounts({ expense }: { expense: Expense }) {
  const { t, i18n } = useTranslation();
  const money = (amount: string) => formatMoney(amount, i18n.language);
  const foreign = expense.currency !== 'MXN';
  const { taxes } = expense;
  const lines: { label: string; amount: string; sign: string }[] = [
    { label: t('expenses.amounts.subtotal'), amount: expense.subtotal, sign: '' },
    { label: t('expenses.amounts.discount'), amount: expense.discount, sign: '−' },
    { label: t('expenses.amounts.ivaTransferred'), amount: taxes.ivaTransferred, sign: '+' },
    { label: t('expenses.amounts.iepsTransferred'), amount: taxes.iepsTransferred, sign: '+' },
    { label: t('expenses.amounts.localTransferred'), amount: taxes.localTransferred, sign: '+' },
    { label: t('expenses.amounts.isrWithheld'), amount: taxes.isrWithheld, sign: '−' },
    { label: t('expenses.amounts.ivaWithheld'), amount: taxes.ivaWithheld, sign: '−' },
    { label: t('expenses.amounts.localWithheld'), amount: taxes.localWithheld, sign: '−' },
  ].filter((line, index) => index === 0 || !isZero(line.amount));

  const row = (label: string, value: string, strong = false) => (
    <Group key={label} justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm" fw={strong ? 700 : undefined} c={strong ? undefined : 'dimmed'}>
        {label}
      </Text>
      <Text fw={strong ? 700 : 500} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Group>
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="expense-amounts">
      <Stack gap={6}>
        <Title order={2} size="h4" id="expense-amounts">
          {foreign
            ? t('expenses.amounts.titleCurrency', { currency: expense.currency })
            : t('expenses.amounts.title')}
        </Title>
        {lines.map((line) => row(`${line.sign ? `${line.sign} ` : ''}${line.label}`, money(line.amount)))}
        <Divider />
        {row(t('expenses.amounts.total'), money(expense.total), true)}
        {foreign && (
          <>
            {expense.exchangeRate && row(t('expenses.amounts.exchangeRate'), expense.exchangeRate)}
            {row(t('expenses.amounts.totalMxn'), formatMoney(expense.totalMxn, i18n.language), true)}
          </>
        )}
      </Stack>
    </Paper>
  );
}

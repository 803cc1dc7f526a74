import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Expense } from '../../api/types';
import { formatDateTime } from '../../app/format';
import { ErrorAlert } from '../../app/problem';
import { InvoicePendingBadge, SatBadge } from './ExpenseBadges';
import { expensesKeys, recheckSat } from './expenses.api';

function Field({ label, value, mono = false }: { label: string; value: string | null; mono?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" ff={mono ? 'monospace' : undefined} style={{ overflowWrap: 'anywhere' }}>
        {value || '—'}
      </Text>
    </div>
  );
}

/** The CFDI's data and its status at SAT, with a button to ask SAT again. */
export function ExpenseCfdi({ expense, organizationId }: { expense: Expense; organizationId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const recheck = useMutation({
    mutationFn: () => recheckSat(expense.id),
    onSuccess: async (updated) => {
      queryClient.setQueryData(expensesKeys.detail(organizationId, expense.id), updated);
      await queryClient.invalidateQueries({ queryKey: expensesKeys.all });
    },
  });
  const cfdi = expense.cfdi;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="expense-cfdi">
      <Stack gap="sm">
        <Title order={2} size="h4" id="expense-cfdi">
          {t('expenses.cfdi.title')}
        </Title>
        {!cfdi ? (
          <Stack gap="xs" align="flex-start">
            {expense.invoicePending && <InvoicePendingBadge />}
            <Text size="sm" c="dimmed">
              {t('expenses.cfdi.none')}
            </Text>
          </Stack>
        ) : (
          <>
            <Field label={t('expenses.cfdi.uuid')} value={cfdi.uuid} mono />
            <Group grow align="flex-start">
              <Field label={t('expenses.cfdi.version')} value={cfdi.version} />
              <Field label={t('expenses.cfdi.type')} value={cfdi.type} />
            </Group>
            <Field
              label={t('expenses.cfdi.issuedAt')}
              value={cfdi.issuedAt ? formatDateTime(cfdi.issuedAt, i18n.language) : null}
            />
            <Group grow align="flex-start">
              <Field label={t('expenses.cfdi.use')} value={cfdi.use} />
              <Field label={t('expenses.cfdi.receiverRfc')} value={cfdi.receiverRfc} mono />
            </Group>
            <Group grow align="flex-start">
              <Field label={t('expenses.cfdi.paymentForm')} value={cfdi.paymentForm} />
              <Field label={t('expenses.cfdi.paymentMethod')} value={cfdi.paymentMethod} />
            </Group>
            <div>
              <Text size="xs" c="dimmed" mb={4}>
                {t('expenses.cfdi.sat')}
              </Text>
              <Group gap="xs">
                <SatBadge expense={expense} />
                {expense.sat.checkedAt && (
                  <Text size="xs" c="dimmed">
                    {t('expenses.cfdi.checkedAt', {
                      date: formatDateTime(expense.sat.checkedAt, i18n.language),
                    })}
                  </Text>
                )}
              </Group>
            </div>
            <Button
              variant="light"
              size="xs"
              onClick={() => recheck.mutate()}
              loading={recheck.isPending}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('expenses.cfdi.recheck')}
            </Button>
            <ErrorAlert error={recheck.error} />
          </>
        )}
      </Stack>
    </Paper>
  );
}

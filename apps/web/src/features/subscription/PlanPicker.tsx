import { Badge, Button, Group, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../app/format';
import { ErrorAlert } from '../../app/problem';
import {
  ALL_METHODS,
  type Checkout,
  type PaymentMethod,
  type PlanId,
  type Subscription,
} from './subscription.api';
import { useCheckout } from './subscription.hooks';

interface Props {
  subscription: Subscription;
  /** A payment is waiting already: the section offers to replace it. */
  hasPending: boolean;
  onCheckout: (result: Checkout) => void;
}

/** The two plans as cards (price + IVA = total, the annual saving), the payment methods and "Pagar". */
export function PlanPicker({ subscription, hasPending, onCheckout }: Props) {
  const { t, i18n } = useTranslation();
  const money = (amount: string) => formatMoney(amount, i18n.language);
  const available = subscription.paymentMethods;
  const [planId, setPlanId] = useState<PlanId>(subscription.plan ?? 'monthly');
  const [method, setMethod] = useState<PaymentMethod | null>(
    available.includes('spei') ? 'spei' : (available[0] ?? null),
  );
  const pay = useCheckout();
  const plan = subscription.plans.find((candidate) => candidate.id === planId);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="subscription-plans">
      <Stack>
        <div>
          <Title order={2} size="h4" id="subscription-plans">
            {t(hasPending ? 'subscription.choose.titleChange' : 'subscription.choose.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('subscription.choose.hint')}
            {subscription.status === 'trialing' && ` ${t('subscription.choose.hintTrial')}`}
          </Text>
        </div>

        <Radio.Group
          value={planId}
          onChange={(value) => setPlanId(value as PlanId)}
          label={t('subscription.choose.planGroup')}
          name="plan"
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
            {subscription.plans.map((option) => (
              <Radio.Card key={option.id} value={option.id} p="md">
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator mt={4} />
                  <Stack gap={4} miw={0}>
                    <Group gap="xs" wrap="wrap">
                      <Text fw={700}>{t(`subscription.planName.${option.id}`)}</Text>
                      {option.saving && (
                        <Badge color="teal" variant="light" tt="none">
                          {t('subscription.choose.saving', { amount: money(option.saving) })}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xl" fw={700}>
                      {money(option.total)}{' '}
                      <Text span size="sm" fw={400} c="dimmed">
                        {t(
                          option.interval === 'year'
                            ? 'subscription.choose.perYear'
                            : 'subscription.choose.perMonth',
                        )}
                      </Text>
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('subscription.choose.priceLine', {
                        price: money(option.price),
                        iva: money(option.iva),
                      })}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>

        <Radio.Group
          value={method}
          onChange={(value) => setMethod(value as PaymentMethod)}
          label={t('subscription.choose.methodGroup')}
          name="method"
        >
          <Stack gap="sm" mt="xs">
            {ALL_METHODS.map((option) => {
              const isAvailable = available.includes(option);
              return (
                <Radio
                  key={option}
                  value={option}
                  disabled={!isAvailable}
                  label={t(`subscription.method.${option}`)}
                  description={t(
                    isAvailable ? `subscription.methodHint.${option}` : 'subscription.methodHint.unavailable',
                  )}
                />
              );
            })}
          </Stack>
        </Radio.Group>

        {plan && method && (
          <Text fw={600}>
            {t('subscription.choose.summary', {
              total: money(plan.total),
              plan: t(`subscription.planName.${plan.id}`),
              method: t(`subscription.method.${method}`),
            })}
          </Text>
        )}
        <ErrorAlert error={pay.error} />
        <Group>
          <Button
            disabled={!plan || !method}
            loading={pay.isPending}
            onClick={() => {
              if (plan && method) pay.mutate({ plan: plan.id, method }, { onSuccess: onCheckout });
            }}
          >
            {t('subscription.choose.pay')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

import { Alert, Badge, Button, CopyButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../app/format';
import { ErrorAlert, notifySuccess } from '../../app/problem';
import type { PaymentInstructions as Instructions, SubscriptionPayment } from './subscription.api';
import { useSimulatePayment } from './subscription.hooks';
import { formatClabe, formatLongDateTime, groupReference } from './subscription-format';

interface Props {
  payment: SubscriptionPayment;
  /** The server's warnings of the checkout (e.g. a cash payment that is not deductible). */
  warnings: readonly string[];
  isSandbox: boolean;
  onConfirmed: () => void;
}

const hasInstructions = (value: SubscriptionPayment['instructions']): value is Instructions =>
  'method' in value;

/** What the customer needs to pay a pending payment: SPEI's CLABE, OXXO's reference, or the card note. */
export function PaymentInstructions({ payment, warnings, isSandbox, onConfirmed }: Props) {
  const { t, i18n } = useTranslation();
  const money = (amount: string) => formatMoney(amount, i18n.language);
  const simulate = useSimulatePayment();
  const instructions = hasInstructions(payment.instructions) ? payment.instructions : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="payment-instructions" bg="gray.0">
      <Stack>
        <Group justify="space-between" align="flex-start" gap="xs">
          <div>
            <Title order={2} size="h4" id="payment-instructions" tabIndex={-1}>
              {t('subscription.instructions.title')}
            </Title>
            <Text fw={600}>
              {t('subscription.instructions.amount', {
                total: money(payment.total),
                base: money(payment.base),
                iva: money(payment.iva),
                plan: t(`subscription.planName.${payment.plan}`),
              })}
            </Text>
          </div>
          <Badge color="orange" variant="light" tt="none">
            {t('subscription.instructions.pending')}
          </Badge>
        </Group>

        {warnings.length > 0 && (
          <Alert color="yellow" variant="light">
            {warnings.length === 1 ? (
              warnings[0]
            ) : (
              <List size="sm">
                {warnings.map((warning) => (
                  <List.Item key={warning}>{warning}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}

        {instructions?.method === 'spei' && (
          <Stack gap="sm">
            {payment.amountReceived !== '0.00' && (
              <Alert color="blue" variant="light">
                {t('subscription.instructions.partiallyReceived', {
                  received: money(payment.amountReceived),
                  total: money(payment.total),
                  remaining: money(payment.amountRemaining),
                })}
              </Alert>
            )}
            <CopyableValue
              label={t('subscription.instructions.clabe')}
              value={instructions.clabe}
              display={formatClabe(instructions.clabe)}
              copyLabel={t('subscription.instructions.copyClabe')}
              large
            />
            <Field label={t('subscription.instructions.bank')} value={instructions.bank} />
            <Field label={t('subscription.instructions.beneficiary')} value={instructions.beneficiary} />
            <CopyableValue
              label={t('subscription.instructions.reference')}
              value={instructions.reference}
              display={instructions.reference}
              copyLabel={t('subscription.instructions.copyReference')}
            />
            <Text size="sm" c="dimmed">
              {t('subscription.instructions.speiHint')}
            </Text>
          </Stack>
        )}

        {instructions?.method === 'oxxo' && (
          <Stack gap="sm">
            <CopyableValue
              label={t('subscription.instructions.oxxoReference')}
              value={instructions.reference}
              display={groupReference(instructions.reference)}
              copyLabel={t('subscription.instructions.copyReference')}
              large
            />
            <Text fw={600}>
              {t('subscription.instructions.oxxoExpires', {
                date: formatLongDateTime(instructions.expiresAt, i18n.language),
              })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('subscription.instructions.oxxoHint')}
            </Text>
            {instructions.voucherUrl && (
              <Button
                component="a"
                href={instructions.voucherUrl}
                target="_blank"
                rel="noopener noreferrer"
                variant="light"
                w="fit-content"
              >
                {t('subscription.instructions.oxxoVoucher')}
              </Button>
            )}
          </Stack>
        )}

        {instructions?.method === 'card' &&
          (instructions.checkoutUrl ? (
            <Stack gap="xs" align="flex-start">
              <Button component="a" href={instructions.checkoutUrl}>
                {t('subscription.instructions.cardPay')}
              </Button>
              <Text size="sm" c="dimmed">
                {t('subscription.instructions.cardHint')}
              </Text>
            </Stack>
          ) : (
            <Text>
              {t(
                isSandbox ? 'subscription.instructions.cardSandbox' : 'subscription.instructions.cardPending',
              )}
            </Text>
          ))}

        {isSandbox && (
          <Stack gap={4} align="flex-start">
            <Button
              color="orange"
              variant="outline"
              loading={simulate.isPending}
              onClick={() =>
                // The promise, not mutate's callbacks: the refreshed page unmounts this panel (no payment pending).
                simulate.mutateAsync(payment.id).then(
                  () => {
                    notifySuccess(t('subscription.instructions.simulated'));
                    onConfirmed();
                  },
                  () => undefined, // shown by the ErrorAlert below
                )
              }
            >
              {t('subscription.instructions.simulate')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('subscription.instructions.simulateHint')}
            </Text>
            <ErrorAlert error={simulate.error} />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </div>
  );
}

/** A value to type into a bank's form or show a cashier: large, monospaced, with a copy button. */
function CopyableValue({
  label,
  value,
  display,
  copyLabel,
  large = false,
}: {
  label: string;
  value: string;
  display: string;
  /** The copy button's accessible name, e.g. "Copiar CLABE" (its visible text is just "Copiar"). */
  copyLabel: string;
  large?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Group gap="sm" wrap="wrap" align="center">
        <Text
          ff="monospace"
          // A CLABE on one line on a phone too: 22 characters fit 390 px at 20 px.
          fz={large ? { base: 20, sm: 26 } : 'lg'}
          fw={700}
          style={{ letterSpacing: '0.04em', overflowWrap: 'anywhere' }}
        >
          {display}
        </Text>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Button
              size="compact-sm"
              variant={copied ? 'filled' : 'light'}
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label={copied ? t('subscription.instructions.copied') : copyLabel}
            >
              {copied ? t('subscription.instructions.copied') : t('subscription.instructions.copyShort')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </div>
  );
}

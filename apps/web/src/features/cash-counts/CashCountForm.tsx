import { Button, Grid, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Fund, Me } from '../../api/types';
import { formatMoney } from '../../app/format';
import { fromCentavos } from '../../app/money';
import { FormErrorAlert } from '../../app/problem';
import { CountSummary, resultOf } from './CountSummary';
import type { CashCount } from './cash-counts.api';
import { DenominationInputs } from './DenominationInputs';
import { useCashCountForm } from './useCashCountForm';
import { useWitnessOptions, WitnessSelect } from './WitnessSelect';

interface Props {
  fund: Fund;
  me: Me;
  onSaved: (count: CashCount) => void;
}

/** The count itself: pieces by denomination, the live difference, witness and notes, then a confirmation. */
export function CashCountForm({ fund, me, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const [confirming, confirm] = useDisclosure(false);
  const { form, save, counted, expected, difference } = useCashCountForm(fund, {
    saved: (count) => {
      confirm.close();
      onSaved(count);
    },
    // Field errors are shown on the form, behind the confirmation.
    failed: confirm.close,
  });
  const witnesses = useWitnessOptions(fund, me);
  const money = (centavos: bigint) => formatMoney(fromCentavos(centavos), i18n.language);

  const submit = form.onSubmit(() => confirm.open());
  const result = difference === null ? 'exact' : resultOf(difference);
  const witnessId = form.getValues().witnessId;
  const witnessName = witnesses.options.find((option) => option.value === witnessId)?.label;

  return (
    <form onSubmit={submit} noValidate>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="md">
            <DenominationInputs form={form} />
            {/* On a phone the summary is below the fields: this bar keeps the difference in sight while typing
                (hidden from screen readers: the summary announces the same). */}
            <Paper
              hiddenFrom="md"
              withBorder
              shadow="md"
              p="sm"
              pos="sticky"
              bottom={0}
              style={{ zIndex: 5 }}
              aria-hidden
            >
              <CountSummary counted={counted} expected={expected} compact />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Stack gap="md" pos={{ base: 'static', md: 'sticky' }} top={76}>
            <CountSummary counted={counted} expected={expected} />
            <WitnessSelect form={form} witnesses={witnesses} />
            <Textarea
              label={t('cashCounts.notes')}
              placeholder={t('cashCounts.notesPlaceholder')}
              maxLength={500}
              autosize
              minRows={2}
              {...form.getInputProps('notes')}
            />
            <FormErrorAlert error={save.error} />
            <Button type="submit" size="lg" disabled={counted === null}>
              {t('cashCounts.submit')}
            </Button>
          </Stack>
        </Grid.Col>
      </Grid>

      <Modal opened={confirming} onClose={confirm.close} title={t('cashCounts.confirm.title')}>
        <Stack>
          {counted !== null && difference !== null && (
            <Text>
              {t(`cashCounts.confirm.${result}`, {
                amount: money(difference < 0n ? -difference : difference),
                counted: money(counted),
              })}
            </Text>
          )}
          {witnessName && <Text size="sm">{t('cashCounts.confirm.witness', { name: witnessName })}</Text>}
          <Text size="sm" c="dimmed">
            {t('cashCounts.confirm.final')}
          </Text>
          <Button.Group>
            <Button variant="default" onClick={confirm.close} fullWidth>
              {t('common.cancel')}
            </Button>
            <Button
              fullWidth
              loading={save.isPending}
              color={result === 'shortage' ? 'red' : undefined}
              onClick={() => save.mutate(form.getValues())}
            >
              {t('cashCounts.confirm.submit')}
            </Button>
          </Button.Group>
        </Stack>
      </Modal>
    </form>
  );
}

import {
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { canManageFunds } from '../../api/session';
import type { Me } from '../../api/types';
import { formatMoney } from '../../app/format';
import { MoneyInput } from '../../app/MoneyInput';
import { applyFieldErrors, FormErrorAlert, notifySuccess } from '../../app/problem';
import { fundsKeys } from '../funds/funds.api';
import { useMemberDirectory, useUsableFunds } from '../funds/funds.hooks';
import {
  ADVANCE_FIELD_ALIASES,
  emptyAdvance,
  type NewAdvanceValues,
  newAdvanceValidators,
  toAdvanceInput,
} from './advance-form';
import { type AdvanceMethod, advancesKeys, createAdvance, type TripScope } from './advances.api';

/**
 * "Nuevo anticipo": to whom, how much, in cash from a fund or by transfer (transfers only for
 * managers), the date to prove it by and, for viáticos, the trip. Full screen on a phone.
 */
export function NewAdvanceModal({ opened, onClose, me }: { opened: boolean; onClose: () => void; me: Me }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const isPhone = useMediaQuery('(max-width: 36em)');
  const usable = useUsableFunds(me);
  const mayTransfer = canManageFunds(me);
  // Names come from the directory every member reads: a custodian hands out advances too.
  const members = useMemberDirectory(me.organization.id, opened);
  const form = useForm<NewAdvanceValues>({
    initialValues: emptyAdvance('fund_cash', null),
    validate: newAdvanceValidators(t),
  });
  // Funds load after the form is built: with a single fund to choose from, choose it.
  const onlyFundId = usable.length === 1 ? (usable[0]?.id ?? null) : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the modal opens or funds arrive
  useEffect(() => {
    if (opened && onlyFundId && !form.getValues().fundId) form.setFieldValue('fundId', onlyFundId);
  }, [opened, onlyFundId]);

  const create = useMutation({
    mutationFn: (values: NewAdvanceValues) => createAdvance(toAdvanceInput(values)),
    onSuccess: (advance) => {
      notifySuccess(t('advances.form.created', { folio: advance.folio, name: advance.employee.name }));
      close();
      queryClient.setQueryData(advancesKeys.detail(me.organization.id, advance.id), advance);
      navigate(`/app/anticipos/${advance.id}`);
      void queryClient.invalidateQueries({ queryKey: advancesKeys.all });
      void queryClient.invalidateQueries({ queryKey: fundsKeys.all });
    },
    onError: (error) => applyFieldErrors(form, error, ADVANCE_FIELD_ALIASES),
  });

  function close() {
    form.reset();
    create.reset();
    onClose();
  }

  const cash = form.values.method === 'fund_cash';
  const memberOptions = (members.data ?? []).map((member) => ({ value: member.id, label: member.name }));
  const fundOptions = usable.map((fund) => ({
    value: fund.id,
    label: t('advances.form.fundOption', { name: fund.name, cash: formatMoney(fund.cash, i18n.language) }),
  }));
  return (
    <Modal opened={opened} onClose={close} title={t('advances.form.title')} fullScreen={isPhone} size="lg">
      <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
        <Stack gap="sm">
          <FormErrorAlert error={create.error} />
          <Select
            label={t('advances.form.employee')}
            placeholder={members.isPending ? t('common.loading') : t('advances.form.chooseEmployee')}
            data={memberOptions}
            searchable
            required
            allowDeselect={false}
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('employeeId')}
          />
          <TextInput
            label={t('advances.form.purpose')}
            placeholder={t('advances.form.purposePlaceholder')}
            required
            maxLength={200}
            {...form.getInputProps('purpose')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <MoneyInput label={t('advances.form.amount')} required {...form.getInputProps('amount')} />
            <TextInput
              type="date"
              label={t('advances.form.dueDate')}
              description={t('advances.form.dueDateHint')}
              required
              {...form.getInputProps('dueDate')}
            />
          </SimpleGrid>
          {mayTransfer && (
            <SegmentedControl
              fullWidth
              value={form.values.method}
              onChange={(value) => form.setFieldValue('method', value as AdvanceMethod)}
              data={[
                { value: 'fund_cash', label: t('advances.form.methodCash') },
                { value: 'transfer', label: t('advances.form.methodTransfer') },
              ]}
              aria-label={t('advances.form.method')}
            />
          )}
          {cash ? (
            <Select
              label={t('advances.form.fund')}
              placeholder={
                fundOptions.length === 0 ? t('advances.form.noFunds') : t('advances.form.chooseFund')
              }
              data={fundOptions}
              required
              allowDeselect={false}
              disabled={fundOptions.length === 0}
              {...form.getInputProps('fundId')}
            />
          ) : (
            <TextInput
              label={t('advances.form.transferReference')}
              description={t('advances.form.transferHint')}
              required
              maxLength={100}
              {...form.getInputProps('transferReference')}
            />
          )}
          <Checkbox
            label={t('advances.form.isTrip')}
            {...form.getInputProps('isTrip', { type: 'checkbox' })}
          />
          {form.values.isTrip && (
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <Select
                label={t('advances.form.tripScope')}
                data={[
                  { value: 'national', label: t('advances.trip.national') },
                  { value: 'abroad', label: t('advances.trip.abroad') },
                ]}
                allowDeselect={false}
                {...form.getInputProps('tripScope')}
                onChange={(value) => value && form.setFieldValue('tripScope', value as TripScope)}
              />
              <TextInput
                type="date"
                label={t('advances.form.tripStart')}
                required
                {...form.getInputProps('tripStart')}
              />
              <TextInput
                type="date"
                label={t('advances.form.tripEnd')}
                required
                {...form.getInputProps('tripEnd')}
              />
            </SimpleGrid>
          )}
          {form.values.isTrip && (
            <Text size="xs" c="dimmed">
              {t('advances.form.tripHint')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('advances.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

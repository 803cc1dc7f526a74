import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Me } from '../../api/types';
import { amountValidators, MoneyInput } from '../../app/MoneyInput';
import { applyFieldErrors, FormErrorAlert, notifySuccess } from '../../app/problem';
import { validators } from '../../app/validation';
import { createFund, fundsKeys } from './funds.api';
import { useActiveMembers } from './funds.hooks';

interface Values {
  name: string;
  custodianId: string;
  authorizedAmount: string;
  replenishmentThreshold: string;
}

const EMPTY: Values = { name: '', custodianId: '', authorizedAmount: '', replenishmentThreshold: '' };

/** "Abrir caja": name, custodian (an active member), authorized amount and optional threshold. */
export function OpenFundModal({ opened, onClose, me }: { opened: boolean; onClose: () => void; me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const isPhone = useMediaQuery('(max-width: 36em)');
  const members = useActiveMembers(me.organization.id, opened);
  const amount = amountValidators(t);
  const form = useForm<Values>({
    initialValues: EMPTY,
    validate: {
      name: validators(t).required,
      custodianId: (value) => (value === '' ? t('funds.form.chooseCustodian') : null),
      authorizedAmount: amount.positive,
      replenishmentThreshold: amount.nonNegative(true),
    },
  });

  // The person opening the fund is the likeliest custodian: preselect them.
  const selfMemberId = members.data?.find((member) => member.user.id === me.user.id)?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only fills an empty choice once members load
  useEffect(() => {
    if (opened && selfMemberId && form.getValues().custodianId === '') {
      form.setFieldValue('custodianId', selfMemberId);
    }
  }, [opened, selfMemberId]);

  const open = useMutation({
    mutationFn: (values: Values) =>
      createFund({
        name: values.name.trim(),
        custodianId: values.custodianId,
        authorizedAmount: values.authorizedAmount.trim(),
        ...(values.replenishmentThreshold.trim() !== ''
          ? { replenishmentThreshold: values.replenishmentThreshold.trim() }
          : {}),
      }),
    onSuccess: (fund) => {
      notifySuccess(t('funds.form.opened', { name: fund.name }));
      close();
      queryClient.setQueryData(fundsKeys.detail(me.organization.id, fund.id), fund);
      navigate(`/app/fondos/${fund.id}`);
      void queryClient.invalidateQueries({ queryKey: fundsKeys.all });
    },
    onError: (error) => applyFieldErrors(form, error),
  });

  function close() {
    form.reset();
    open.reset();
    onClose();
  }

  const memberOptions = (members.data ?? []).map((member) => ({
    value: member.id,
    label: `${member.user.name} (${member.user.email})`,
  }));

  return (
    <Modal opened={opened} onClose={close} title={t('funds.form.title')} fullScreen={isPhone}>
      <form onSubmit={form.onSubmit((values) => open.mutate(values))} noValidate>
        <Stack>
          <FormErrorAlert error={open.error} />
          <TextInput
            label={t('funds.form.name')}
            placeholder={t('funds.form.namePlaceholder')}
            required
            maxLength={120}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Select
            label={t('funds.form.custodian')}
            description={t('funds.form.custodianHint')}
            placeholder={members.isPending ? t('common.loading') : t('funds.form.chooseCustodian')}
            data={memberOptions}
            searchable
            required
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('custodianId')}
            error={form.errors.custodianId ?? (members.isError ? t('funds.form.membersFailed') : undefined)}
          />
          <MoneyInput
            label={t('funds.form.authorized')}
            required
            {...form.getInputProps('authorizedAmount')}
          />
          <MoneyInput
            label={t('funds.form.threshold')}
            description={t('funds.form.thresholdHint')}
            {...form.getInputProps('replenishmentThreshold')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={open.isPending}>
              {t('funds.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

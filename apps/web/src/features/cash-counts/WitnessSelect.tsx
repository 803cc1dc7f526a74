import { Select } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Fund, Me } from '../../api/types';
import { useMemberDirectory } from '../funds/funds.hooks';
import type { CountFormValues } from './useCashCountForm';

/** Who may witness: active members other than the custodian (from the directory every member reads). */
export function useWitnessOptions(fund: Fund, me: Me) {
  const members = useMemberDirectory(me.organization.id, true);
  const options = (members.data ?? [])
    .filter((member) => member.id !== fund.custodian.id)
    .map((member) => ({ value: member.id, label: member.name }));
  return { options, isPending: members.isPending, isError: members.isError };
}

export type WitnessOptions = ReturnType<typeof useWitnessOptions>;

/** The witness select, or, for a role that cannot list members, how to get a witnessed count instead. */
export function WitnessSelect({
  form,
  witnesses,
}: {
  form: UseFormReturnType<CountFormValues>;
  witnesses: WitnessOptions;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('cashCounts.witness')}
      description={t('cashCounts.witnessHint')}
      placeholder={witnesses.isPending ? t('common.loading') : t('cashCounts.witnessPlaceholder')}
      data={witnesses.options}
      searchable
      clearable
      nothingFoundMessage={t('common.nothingFound')}
      {...form.getInputProps('witnessId')}
      error={form.errors.witnessId ?? (witnesses.isError ? t('funds.form.membersFailed') : undefined)}
    />
  );
}

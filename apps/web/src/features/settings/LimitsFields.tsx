import { SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../app/MoneyInput';
import type { LimitsValues } from './limits-form';

interface Props {
  form: UseFormReturnType<LimitsValues>;
  /** What an empty amount means here (no limit, or the organization's). */
  emptyHint: string;
  /** Side by side on a wide page; one under the other in a modal. */
  columns: 1 | 2;
}

/** The two amounts of an expense-limits policy. */
export function LimitsFields({ form, emptyHint, columns }: Props) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: columns }}>
      <MoneyInput
        label={t('settings.limits.maxPerExpense')}
        description={`${t('settings.limits.maxPerExpenseHint')} ${emptyHint}`}
        {...form.getInputProps('maxPerExpense')}
      />
      <MoneyInput
        label={t('settings.limits.cfdiRequiredAbove')}
        description={`${t('settings.limits.cfdiRequiredAboveHint')} ${emptyHint}`}
        {...form.getInputProps('cfdiRequiredAbove')}
      />
    </SimpleGrid>
  );
}

import type { FormValidateInput } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { ExpenseLimitsPolicy, PolicyInput } from '../../api/types';
import { amountValidators } from '../../app/MoneyInput';

/** `categoryId` is '' for the organization's own limits. */
export type LimitsValues = { categoryId: string; maxPerExpense: string; cfdiRequiredAbove: string };

export const limitsValues = (policy: ExpenseLimitsPolicy | null): LimitsValues => ({
  categoryId: policy?.categoryId ?? '',
  maxPerExpense: policy?.maxPerExpense ?? '',
  cfdiRequiredAbove: policy?.cfdiRequiredAbove ?? '',
});

/** An empty amount is sent as null: no limit (for a category, the organization's applies). */
export const limitsInput = (values: LimitsValues): PolicyInput => ({
  kind: 'expense_limits',
  categoryId: values.categoryId || null,
  maxPerExpense: values.maxPerExpense.trim() || null,
  cfdiRequiredAbove: values.cfdiRequiredAbove.trim() || null,
});

/** Both amounts optional and, when given, above zero (as the server checks); a category needs one. */
export function limitsRules(t: TFunction, forCategory: boolean): FormValidateInput<LimitsValues> {
  const { positive } = amountValidators(t);
  const optionalPositive = (value: string) => (value.trim() === '' ? null : positive(value));
  return {
    categoryId: (value) => (forCategory && value === '' ? t('settings.categoryLimits.chooseCategory') : null),
    maxPerExpense: (value, values) =>
      forCategory && value.trim() === '' && values.cfdiRequiredAbove.trim() === ''
        ? t('settings.categoryLimits.needOne')
        : optionalPositive(value),
    cfdiRequiredAbove: optionalPositive,
  };
}

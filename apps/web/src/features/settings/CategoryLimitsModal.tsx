import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExpenseLimitsPolicy } from '../../api/types';
import { FormModal } from './FormModal';
import { LimitsFields } from './LimitsFields';
import { limitsInput, limitsRules, limitsValues } from './limits-form';
import { usePolicyForm } from './usePolicyForm';

interface Props {
  /** The category's limits to change, or `null` to give a category its own. */
  policy: ExpenseLimitsPolicy | null;
  opened: boolean;
  onClose: () => void;
  organizationId: string;
  /** Active categories without limits of their own (the server refuses inactive ones). */
  categoryOptions: { value: string; label: string }[];
  categoryName: (id: string | null) => string;
}

/** A category's own "máximo por gasto" and "CFDI obligatorio" amounts, used instead of the organization's. */
export function CategoryLimitsModal({ policy, opened, onClose, organizationId, ...categories }: Props) {
  const { t } = useTranslation();
  const { form, saver } = usePolicyForm({
    organizationId,
    initialValues: limitsValues(policy),
    validate: limitsRules(t, true),
    toInput: limitsInput,
    savedMessage: (_, values) =>
      t('settings.categoryLimits.saved', { name: categories.categoryName(values.categoryId) }),
    onSaved: onClose,
  });
  // The category of existing limits is fixed (and may be inactive, so not among the options).
  const options = policy
    ? [{ value: policy.categoryId ?? '', label: categories.categoryName(policy.categoryId) }]
    : categories.categoryOptions;

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={
        policy
          ? t('settings.categoryLimits.editTitle', { name: categories.categoryName(policy.categoryId) })
          : t('settings.categoryLimits.newTitle')
      }
      saver={saver}
      submitLabel={t('settings.limits.submit')}
    >
      <Select
        label={t('settings.categoryLimits.category')}
        placeholder={t('settings.categoryLimits.chooseCategory')}
        data={options}
        required
        searchable
        disabled={policy !== null}
        nothingFoundMessage={t('common.nothingFound')}
        data-autofocus
        {...form.getInputProps('categoryId')}
        value={form.values.categoryId || null}
        onChange={(value) => form.setFieldValue('categoryId', value ?? '')}
      />
      <LimitsFields form={form} emptyHint={t('settings.limits.emptyCategory')} columns={1} />
    </FormModal>
  );
}

import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FundChangesPolicy } from '../../api/types';
import { formatMoney } from '../../app/format';
import { amountValidators, MoneyInput } from '../../app/MoneyInput';
import { SettingsForm } from './SettingsForm';
import { usePolicyForm } from './usePolicyForm';

interface Props {
  /** The rule in force, or `null` when one manager may change any fund. */
  policy: FundChangesPolicy | null;
  organizationId: string;
  disabled: boolean;
}

/** The amount above which increasing, decreasing or closing a fund waits for a second manager. */
export function FundChangesForm({ policy, organizationId, disabled }: Props) {
  const { t, i18n } = useTranslation();
  const money = (amount: string) => formatMoney(amount, i18n.language);
  const { form, saver } = usePolicyForm({
    organizationId,
    initialValues: { secondApprovalAbove: policy?.secondApprovalAbove ?? '' },
    validate: { secondApprovalAbove: amountValidators(t).nonNegative(true) },
    // Empty removes the rule (the server answers 204).
    toInput: ({ secondApprovalAbove }) => ({
      kind: 'fund_changes',
      secondApprovalAbove: secondApprovalAbove.trim() || null,
    }),
    savedMessage: (saved) =>
      saved?.kind === 'fund_changes'
        ? t('settings.fundChanges.saved', { amount: money(saved.secondApprovalAbove) })
        : t('settings.fundChanges.removed'),
  });
  return (
    <SettingsForm saver={saver} submitLabel={t('settings.fundChanges.submit')} disabled={disabled}>
      <Alert color={policy ? 'teal' : 'gray'} variant="light">
        {policy
          ? t('settings.fundChanges.current', { amount: money(policy.secondApprovalAbove) })
          : t('settings.fundChanges.none')}
      </Alert>
      <MoneyInput
        label={t('settings.fundChanges.amount')}
        description={t('settings.fundChanges.amountHint')}
        maw={{ sm: 420 }}
        {...form.getInputProps('secondApprovalAbove')}
      />
    </SettingsForm>
  );
}

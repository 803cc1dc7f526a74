import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExpenseLimitsPolicy } from '../../api/types';
import { formatDateTime } from '../../app/format';
import { LimitsFields } from './LimitsFields';
import { limitsInput, limitsRules, limitsValues } from './limits-form';
import { SettingsForm } from './SettingsForm';
import { usePolicyForm } from './usePolicyForm';

interface Props {
  /** The organization's current limits, if it ever set them. */
  policy: ExpenseLimitsPolicy | null;
  organizationId: string;
  disabled: boolean;
}

/** The organization-wide "máximo por gasto" and "CFDI obligatorio" amounts. */
export function OrganizationLimitsForm({ policy, organizationId, disabled }: Props) {
  const { t, i18n } = useTranslation();
  const { form, saver } = usePolicyForm({
    organizationId,
    initialValues: limitsValues(policy),
    validate: limitsRules(t, false),
    toInput: limitsInput,
    savedMessage: () => t('settings.limits.saved'),
  });
  return (
    <SettingsForm saver={saver} submitLabel={t('settings.limits.submit')} disabled={disabled}>
      <LimitsFields form={form} emptyHint={t('settings.limits.emptyOrganization')} columns={2} />
      {policy && (
        <Text size="xs" c="dimmed">
          {t('settings.updatedAt', { date: formatDateTime(policy.updatedAt, i18n.language) })}
        </Text>
      )}
    </SettingsForm>
  );
}

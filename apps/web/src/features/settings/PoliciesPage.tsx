import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { canManagePolicies, useSession } from '../../api/session';
import { CategoryLimitsSection } from './CategoryLimitsSection';
import { FundChangesForm } from './FundChangesForm';
import { OrganizationLimitsForm } from './OrganizationLimitsForm';
import { PageHeader } from './PageHeader';
import { SettingsSection } from './SettingsSection';
import { usePolicies } from './settings.hooks';

/** `/app/politicas`: expense limits (which flag, never refuse) and the four-eyes rule for funds. */
export function PoliciesPage() {
  const { t } = useTranslation();
  const me = useSession();
  const organizationId = me.organization.id;
  const canManage = canManagePolicies(me);
  const policies = usePolicies(organizationId);
  // Each form starts from the saved policy: a new save (or another organization) starts it again.
  const formKey = (policy: { updatedAt: string } | null) =>
    `${organizationId}-${policy?.updatedAt ?? 'none'}`;

  return (
    <Stack gap="xl" maw={960}>
      <PageHeader title={t('settings.policies.title')} subtitle={t('settings.policies.subtitle')} />
      {!canManage && (
        <Alert color="gray" variant="light">
          {t('settings.policies.readOnly')}
        </Alert>
      )}
      <SettingsSection
        id="expense-limits-title"
        title={t('settings.limits.title')}
        description={t('settings.limits.hint')}
        query={policies.query}
      >
        <Alert color="blue" variant="light" title={t('settings.limits.noticeTitle')}>
          {t('settings.limits.notice')}
        </Alert>
        <OrganizationLimitsForm
          key={formKey(policies.general)}
          policy={policies.general}
          organizationId={organizationId}
          disabled={!canManage}
        />
      </SettingsSection>
      <CategoryLimitsSection
        key={organizationId}
        organizationId={organizationId}
        limits={policies.byCategory}
        general={policies.general}
        query={policies.query}
        canManage={canManage}
      />
      <SettingsSection
        id="fund-changes-title"
        title={t('settings.fundChanges.title')}
        description={t('settings.fundChanges.hint')}
        query={policies.query}
      >
        <FundChangesForm
          key={formKey(policies.fundChanges)}
          policy={policies.fundChanges}
          organizationId={organizationId}
          disabled={!canManage}
        />
      </SettingsSection>
    </Stack>
  );
}

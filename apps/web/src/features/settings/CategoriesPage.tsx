import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { canManageCategories, useSession } from '../../api/session';
import { CategoriesSection } from './CategoriesSection';
import { CostCentersSection } from './CostCentersSection';
import { PageHeader } from './PageHeader';

/** `/app/categorias`: how the organization classifies its expenses; administrators change it. */
export function CategoriesPage() {
  const { t } = useTranslation();
  const me = useSession();
  const organizationId = me.organization.id;
  const canManage = canManageCategories(me);
  return (
    <Stack gap="xl">
      <PageHeader
        title={t('settings.categoriesPage.title')}
        subtitle={t('settings.categoriesPage.subtitle')}
      />
      <CategoriesSection
        key={`categories-${organizationId}`}
        organizationId={organizationId}
        canManage={canManage}
      />
      <CostCentersSection
        key={`cost-centers-${organizationId}`}
        organizationId={organizationId}
        canManage={canManage}
      />
    </Stack>
  );
}

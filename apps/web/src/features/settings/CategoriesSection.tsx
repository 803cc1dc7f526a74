import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../api/types';
import { CatalogSection } from './CatalogSection';
import type { Column } from './CatalogTable';
import { CategoryModal } from './CategoryModal';
import { listCategories, settingsKeys, updateCategory } from './settings.api';

/** The organization's expense categories, each with its SAT account and the usos del CFDI it expects. */
export function CategoriesSection({
  organizationId,
  canManage,
}: {
  organizationId: string;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const queryKey = settingsKeys.categories(organizationId);
  const categories = useQuery({ queryKey, queryFn: listCategories });
  const columns: Column<Category>[] = [
    {
      label: t('settings.categories.satAccount'),
      render: (category) => (
        <>
          <Text size="sm" ff="monospace">
            {category.satAccountCode}
          </Text>
          {category.accountCode && (
            <Text size="xs" c="dimmed">
              {t('settings.categories.accountCodeOf', { code: category.accountCode })}
            </Text>
          )}
        </>
      ),
    },
    {
      label: t('settings.categories.cfdiUses'),
      render: (category) => <Text size="sm">{category.cfdiUses.join(', ')}</Text>,
    },
    {
      label: t('settings.categories.fuel'),
      render: (category) => <Text size="sm">{t(category.isFuel ? 'settings.yes' : 'settings.no')}</Text>,
    },
  ];

  return (
    <CatalogSection
      kind="categories"
      query={categories}
      queryKey={queryKey}
      columns={columns}
      canManage={canManage}
      setActive={(category, active) => updateCategory(category.id, { active })}
      modal={(editor) => (
        <CategoryModal
          key={editor.key}
          category={editor.entry}
          opened={editor.opened}
          onClose={editor.close}
          organizationId={organizationId}
        />
      )}
    />
  );
}

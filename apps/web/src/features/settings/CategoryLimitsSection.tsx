import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExpenseLimitsPolicy } from '../../api/types';
import { formatMoney } from '../../app/format';
import { useCategories } from '../expenses/expenses.hooks';
import { ActionButton } from './ActionButton';
import { CatalogTable, type Column } from './CatalogTable';
import { CategoryLimitsModal } from './CategoryLimitsModal';
import { RowActions } from './RowActions';
import { SettingsSection } from './SettingsSection';
import { setPolicy, settingsKeys } from './settings.api';
import { useEditor } from './useEditor';

interface Props {
  organizationId: string;
  /** The categories' own limits (each with at least one amount). */
  limits: ExpenseLimitsPolicy[];
  /** The organization's limits, which apply where a category's amount is empty. */
  general: ExpenseLimitsPolicy | null;
  query: { isPending: boolean; error: unknown };
  canManage: boolean;
}

/** Categories with limits of their own; an empty amount falls back to the organization's. */
export function CategoryLimitsSection({ organizationId, limits, general, query, canManage }: Props) {
  const { t, i18n } = useTranslation();
  const categories = useCategories(organizationId);
  const editor = useEditor<ExpenseLimitsPolicy>();
  const queryKey = settingsKeys.policies(organizationId);
  const nameOf = (id: string | null) => categories.nameOf(id) ?? '—';
  const money = (value: string | null | undefined) =>
    value ? formatMoney(value, i18n.language) : t('settings.categoryLimits.noLimit');
  const amount = (policy: ExpenseLimitsPolicy, field: 'maxPerExpense' | 'cfdiRequiredAbove') =>
    policy[field] === null
      ? t('settings.categoryLimits.inherit', { amount: money(general?.[field]) })
      : money(policy[field]);
  const columns: [Column<ExpenseLimitsPolicy>, ...Column<ExpenseLimitsPolicy>[]] = [
    {
      label: t('settings.categoryLimits.category'),
      render: (policy) => (
        <Text fw={500} size="sm">
          {nameOf(policy.categoryId)}
        </Text>
      ),
    },
    {
      label: t('settings.limits.maxPerExpense'),
      render: (policy) => <Text size="sm">{amount(policy, 'maxPerExpense')}</Text>,
      align: 'right',
    },
    {
      label: t('settings.limits.cfdiRequiredAbove'),
      render: (policy) => <Text size="sm">{amount(policy, 'cfdiRequiredAbove')}</Text>,
      align: 'right',
    },
  ];
  const taken = new Set(limits.map((policy) => policy.categoryId));

  const remove = (policy: ExpenseLimitsPolicy) => (
    <ActionButton
      label={t('settings.categoryLimits.remove')}
      ariaLabel={t('settings.categoryLimits.removeNamed', { name: nameOf(policy.categoryId) })}
      color="red"
      run={() =>
        setPolicy({
          kind: 'expense_limits',
          categoryId: policy.categoryId,
          maxPerExpense: null,
          cfdiRequiredAbove: null,
        })
      }
      done={t('settings.categoryLimits.removed', { name: nameOf(policy.categoryId) })}
      queryKey={queryKey}
    />
  );

  return (
    <SettingsSection
      id="category-limits-title"
      title={t('settings.categoryLimits.title')}
      description={t('settings.categoryLimits.hint')}
      action={
        canManage && (
          <Button variant="light" onClick={() => editor.open()}>
            {t('settings.categoryLimits.add')}
          </Button>
        )
      }
      query={query}
    >
      {limits.length === 0 ? (
        <Text c="dimmed">{t('settings.categoryLimits.empty')}</Text>
      ) : (
        <CatalogTable
          rows={limits}
          label={t('settings.categoryLimits.title')}
          columns={columns}
          actions={
            canManage
              ? (policy) => (
                  <RowActions name={nameOf(policy.categoryId)} onEdit={() => editor.open(policy)}>
                    {remove(policy)}
                  </RowActions>
                )
              : undefined
          }
        />
      )}
      {canManage && (
        <CategoryLimitsModal
          key={editor.key}
          policy={editor.entry}
          opened={editor.opened}
          onClose={editor.close}
          organizationId={organizationId}
          categoryOptions={categories.options.filter((option) => !taken.has(option.value))}
          categoryName={nameOf}
        />
      )}
    </SettingsSection>
  );
}

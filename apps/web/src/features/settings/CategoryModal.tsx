import { Checkbox, MultiSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../api/types';
import { fiscalDataKeys, getFiscalCatalog } from '../fiscal-data/fiscal-data.api';
import { CatalogEntryModal } from './CatalogEntryModal';
import { categoryInput, categoryRules, categoryValues } from './catalog-form';
import { createCategory, settingsKeys, updateCategory } from './settings.api';
import { useCatalogForm } from './useCatalogForm';

interface Props {
  /** The category to edit, or `null` for a new one. */
  category: Category | null;
  opened: boolean;
  onClose: () => void;
  organizationId: string;
}

/** "Nueva categoría" / "Editar": name, code, SAT account, the organization's account, usos del CFDI, fuel. */
export function CategoryModal({ category, opened, onClose, organizationId }: Props) {
  const { t } = useTranslation();
  const catalog = useQuery({
    queryKey: fiscalDataKeys.catalog,
    queryFn: getFiscalCatalog,
    staleTime: Infinity,
    enabled: opened,
  });
  const { form, saver } = useCatalogForm({
    entry: category,
    initialValues: categoryValues(category),
    validate: categoryRules(t),
    toInput: categoryInput,
    create: createCategory,
    update: updateCategory,
    queryKey: settingsKeys.categories(organizationId),
    kind: 'categories',
    onClose,
  });
  const usoOptions = (catalog.data?.usosCfdi ?? []).map((uso) => ({
    value: uso.key,
    label: `${uso.key} · ${uso.name}`,
  }));

  return (
    <CatalogEntryModal
      editing={category?.name ?? null}
      opened={opened}
      onClose={onClose}
      saver={saver}
      field={form.getInputProps}
      kind="categories"
    >
      <TextInput
        label={t('settings.categories.form.satAccount')}
        description={t('settings.categories.form.satAccountHint')}
        placeholder="601.55"
        required
        maxLength={6}
        inputMode="decimal"
        {...form.getInputProps('satAccountCode')}
      />
      <TextInput
        label={t('settings.categories.form.accountCode')}
        description={t('settings.categories.form.accountCodeHint')}
        maxLength={40}
        {...form.getInputProps('accountCode')}
      />
      <MultiSelect
        label={t('settings.categories.form.cfdiUses')}
        description={t('settings.categories.form.cfdiUsesHint')}
        placeholder={catalog.isPending ? t('common.loading') : undefined}
        data={usoOptions}
        searchable
        required
        maxValues={30}
        nothingFoundMessage={t('common.nothingFound')}
        {...form.getInputProps('cfdiUses')}
        error={
          form.errors.cfdiUses ?? (catalog.isError ? t('settings.categories.form.catalogFailed') : undefined)
        }
      />
      <Checkbox
        label={t('settings.categories.form.isFuel')}
        description={t('settings.categories.form.isFuelHint')}
        {...form.getInputProps('isFuel', { type: 'checkbox' })}
      />
    </CatalogEntryModal>
  );
}

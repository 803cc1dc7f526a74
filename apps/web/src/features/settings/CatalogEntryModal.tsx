import { TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeInput } from './CodeInput';
import type { CatalogKind } from './catalog-form';
import { FormModal } from './FormModal';
import type { Saver } from './useSaveForm';

interface Props {
  /** The name of the entry being edited, or `null` for a new one. */
  editing: string | null;
  opened: boolean;
  onClose: () => void;
  saver: Saver;
  /** The form's `getInputProps`, for its `name` and `code` fields. */
  field: (name: 'name' | 'code') => GetInputPropsReturnType;
  /** Which catalog: its texts are `settings.<kind>.form.*`. */
  kind: CatalogKind;
  /** The entry's other fields, after its name and code. */
  children?: ReactNode;
}

/** Creating or editing a catalog entry (category, cost center): its name and code, then its own fields. */
export function CatalogEntryModal({ editing, opened, onClose, saver, field, kind, children }: Props) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={
        editing === null
          ? t(`settings.${kind}.form.newTitle`)
          : t('settings.form.editTitle', { name: editing })
      }
      saver={saver}
      submitLabel={t(editing === null ? `settings.${kind}.form.create` : 'settings.form.saveChanges')}
    >
      <TextInput
        label={t(`settings.${kind}.form.name`)}
        placeholder={t(`settings.${kind}.form.namePlaceholder`)}
        required
        maxLength={200}
        data-autofocus
        {...field('name')}
      />
      <CodeInput placeholder={t(`settings.${kind}.form.codePlaceholder`)} {...field('code')} />
      {children}
    </FormModal>
  );
}

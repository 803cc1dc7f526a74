import type { FormValidateInput } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../app/problem';
import type { CatalogKind } from './catalog-form';
import { useSaveForm } from './useSaveForm';

interface Options<Entry, Values, Input> {
  /** The entry being edited, or `null` to create one. */
  entry: Entry | null;
  initialValues: Values;
  validate: FormValidateInput<Values>;
  toInput: (values: Values) => Input;
  create: (input: Input) => Promise<Entry>;
  update: (id: string, input: Input) => Promise<Entry>;
  /** What to refresh once saved. */
  queryKey: readonly unknown[];
  /** Which catalog: says "Creaste…" with `settings.<kind>.form.created`. */
  kind: CatalogKind;
  onClose: () => void;
}

/** The form of a catalog entry (category, cost center): creates or updates it, says so, closes. */
export function useCatalogForm<
  Entry extends { id: string; name: string },
  Values extends Record<string, unknown>,
  Input,
>({
  entry,
  initialValues,
  validate,
  toInput,
  create,
  update,
  queryKey,
  kind,
  onClose,
}: Options<Entry, Values, Input>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useSaveForm({
    initialValues,
    validate,
    save: (values: Values) => (entry ? update(entry.id, toInput(values)) : create(toInput(values))),
    onSaved: async (saved: Entry) => {
      notifySuccess(
        t(entry === null ? `settings.${kind}.form.created` : 'settings.form.updated', { name: saved.name }),
      );
      await queryClient.invalidateQueries({ queryKey });
      onClose();
    },
  });
}

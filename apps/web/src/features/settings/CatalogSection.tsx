import { Button, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../api/types';
import { ActiveBadge } from './ActiveBadge';
import { ActiveToggle } from './ActiveToggle';
import { CatalogTable, type Column } from './CatalogTable';
import type { CatalogKind } from './catalog-form';
import { NameAndCode } from './NameAndCode';
import { RowActions } from './RowActions';
import { SettingsSection } from './SettingsSection';
import { useEditor } from './useEditor';

type Entry = { id: string; code: string; name: string; active: boolean };

interface Props<Row extends Entry> {
  /** Which catalog: its texts are `settings.<kind>.*` (title, hint, new, empty, name, active, inactive). */
  kind: CatalogKind;
  query: { data?: Page<Row>; isPending: boolean; error: unknown };
  queryKey: readonly unknown[];
  /** The columns between the name and the status. */
  columns: Column<Row>[];
  /** Managers create, edit, deactivate and reactivate; everyone else only reads. */
  canManage: boolean;
  setActive: (row: Row, active: boolean) => Promise<unknown>;
  /** The create/edit modal for the editor's entry (keyed by `editor.key`). */
  modal: (editor: ReturnType<typeof useEditor<Row>>) => ReactNode;
}

/**
 * A catalog (categories, cost centers): its entries, active first, each named by name and code and
 * ending with its status; managers get "Nuevo…", edit and deactivate.
 */
export function CatalogSection<Row extends Entry>({
  query,
  queryKey,
  kind,
  columns,
  canManage,
  setActive,
  modal,
}: Props<Row>) {
  const { t } = useTranslation();
  const editor = useEditor<Row>();
  const all = query.data?.data ?? [];
  const rows = [...all.filter((row) => row.active), ...all.filter((row) => !row.active)];
  return (
    <SettingsSection
      id={`${kind}-title`}
      title={t(`settings.${kind}.title`)}
      description={t(`settings.${kind}.hint`)}
      action={canManage && <Button onClick={() => editor.open()}>{t(`settings.${kind}.new`)}</Button>}
      query={query}
    >
      {rows.length === 0 ? (
        <Text c="dimmed">{t(`settings.${kind}.empty`)}</Text>
      ) : (
        <CatalogTable
          rows={rows}
          label={t(`settings.${kind}.title`)}
          columns={[
            {
              label: t(`settings.${kind}.name`),
              render: (row) => <NameAndCode name={row.name} code={row.code} />,
            },
            ...columns,
            {
              label: t('settings.status'),
              render: (row) => (
                <ActiveBadge
                  active={row.active}
                  label={t(row.active ? `settings.${kind}.active` : `settings.${kind}.inactive`)}
                />
              ),
            },
          ]}
          actions={
            canManage
              ? (row) => (
                  <RowActions name={row.name} onEdit={() => editor.open(row)}>
                    <ActiveToggle
                      entry={row}
                      setActive={(active) => setActive(row, active)}
                      queryKey={queryKey}
                    />
                  </RowActions>
                )
              : undefined
          }
        />
      )}
      {canManage && modal(editor)}
    </SettingsSection>
  );
}

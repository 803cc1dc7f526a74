import { Card, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<Row> {
  label: string;
  render: (row: Row) => ReactNode;
  align?: 'right';
}

interface Props<Row extends { id: string }> {
  rows: Row[];
  /** Names the table (and the phone's list) for screen readers. */
  label: string;
  /** The first column names the row: it is the title of the row's card on a phone. */
  columns: [Column<Row>, ...Column<Row>[]];
  actions?: (row: Row) => ReactNode;
}

/** Rows as a table on wide screens and as cards on a phone, each card the row's fields in two columns. */
export function CatalogTable<Row extends { id: string }>({ rows, label, columns, actions }: Props<Row>) {
  const { t } = useTranslation();
  const [title, ...fields] = columns;
  return (
    <>
      <Table.ScrollContainer minWidth={640} visibleFrom="sm">
        <Table striped highlightOnHover verticalSpacing="sm" aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.label} ta={column.align}>
                  {column.label}
                </Table.Th>
              ))}
              {actions && <Table.Th>{t('settings.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                {columns.map((column) => (
                  <Table.Td key={column.label} ta={column.align}>
                    {column.render(row)}
                  </Table.Td>
                ))}
                {actions && <Table.Td>{actions(row)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack
        hiddenFrom="sm"
        gap="sm"
        component="ul"
        p={0}
        m={0}
        aria-label={label}
        style={{ listStyle: 'none' }}
      >
        {rows.map((row) => (
          <Card component="li" key={row.id} withBorder padding="md">
            <Stack gap="xs">
              <div>{title.render(row)}</div>
              <SimpleGrid cols={2} spacing="xs">
                {fields.map((field) => (
                  <div key={field.label}>
                    <Text size="xs" c="dimmed">
                      {field.label}
                    </Text>
                    {field.render(row)}
                  </div>
                ))}
              </SimpleGrid>
              {actions?.(row)}
            </Stack>
          </Card>
        ))}
      </Stack>
    </>
  );
}

import { ActionIcon, Badge, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isZip, type PickedFile } from './useCfdiImport';

function size(bytes: number, locale: string): string {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024
    ? `${format.format(bytes / 1024)} KB`
    : `${format.format(bytes / 1024 / 1024)} MB`;
}

/** The files about to be imported, each removable. */
export function SelectedFiles({
  files,
  onRemove,
  disabled,
}: {
  files: PickedFile[];
  onRemove: (key: number) => void;
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (files.length === 0) return null;
  return (
    <Paper withBorder p="xs">
      <Text size="sm" fw={500} px="xs" pb="xs">
        {t('expenses.import.selected', { count: files.length })}
      </Text>
      <ScrollArea.Autosize mah={240}>
        <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {files.map(({ key, file }) => (
            <Group component="li" key={key} justify="space-between" wrap="nowrap" px="xs">
              <Group gap="xs" wrap="nowrap" miw={0}>
                <Badge size="xs" variant="light" color={isZip(file) ? 'blue' : 'gray'}>
                  {isZip(file) ? 'ZIP' : 'XML'}
                </Badge>
                <Text size="sm" truncate="end">
                  {file.name}
                </Text>
              </Group>
              <Group gap="xs" wrap="nowrap">
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {size(file.size, i18n.language)}
                </Text>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="sm"
                  disabled={disabled}
                  onClick={() => onRemove(key)}
                  aria-label={t('expenses.import.remove', { name: file.name })}
                >
                  ×
                </ActionIcon>
              </Group>
            </Group>
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}

import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportFilters } from '../../api/types';
import { EXPORT_FORMATS, exportUrl } from './reports.api';

/** Download links: the browser saves the file the server streams, under the server's Spanish name. */
export function ExportButtons({ filters }: { filters: ReportFilters }) {
  const { t } = useTranslation();
  return (
    <div>
      <Group gap="xs" align="center">
        <Text size="sm" fw={500}>
          {t('reports.export.label')}
        </Text>
        {EXPORT_FORMATS.map((format) => (
          <Button
            key={format}
            component="a"
            href={exportUrl(filters, format)}
            download
            variant="default"
            size="xs"
          >
            {t(`reports.export.${format}`)}
          </Button>
        ))}
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('reports.export.hint')}
      </Text>
    </div>
  );
}

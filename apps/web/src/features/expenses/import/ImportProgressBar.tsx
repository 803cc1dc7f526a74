import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from './useCfdiImport';

/**
 * Files processed of the total (solid), and the request in flight as it uploads (striped); a ZIP
 * also shows its own upload, then "checking" while the server reads it.
 */
export function ImportProgressBar({ progress, running }: { progress: ImportProgress; running: boolean }) {
  const { t } = useTranslation();
  const { done, total, upload } = progress;
  const share = (files: number) => (total === 0 ? 0 : (files / total) * 100);
  const uploaded = upload && upload.total > 0 ? upload.loaded / upload.total : 0;
  const percent = Math.round(uploaded * 100);
  return (
    <Stack gap={6}>
      <Text size="sm" id="import-progress-label" aria-live="polite">
        {t('expenses.import.progress', { done, count: total })}
      </Text>
      <Progress.Root size="lg">
        <Progress.Section value={share(done)} color="teal" aria-labelledby="import-progress-label" />
        {running && upload && (
          <Progress.Section
            value={share(upload.files * uploaded)}
            color="teal.3"
            striped
            animated
            aria-hidden
          />
        )}
      </Progress.Root>
      {running && upload?.zip && (
        <>
          <Text size="xs" c="dimmed" id="zip-progress-label">
            {percent < 100
              ? t('expenses.import.uploadingZip', { name: upload.name, percent })
              : t('expenses.import.processingZip', { name: upload.name })}
          </Text>
          <Progress value={percent} size="sm" color="blue" aria-labelledby="zip-progress-label" />
        </>
      )}
    </Stack>
  );
}

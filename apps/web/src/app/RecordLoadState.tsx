import { Alert, Center, Loader, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { ErrorAlert } from './problem';

/**
 * What a record's page shows until it has the record: a loader while it loads; when it failed, the
 * way back and either "not found" (404: another organization's, or gone) or the error itself.
 * Pages render it while their query has no data: `if (!query.isSuccess) return <RecordLoadState …/>`.
 */
export function RecordLoadState({
  query,
  back,
  notFound,
}: {
  query: UseQueryResult<unknown>;
  back: ReactNode;
  notFound: string;
}) {
  const { t } = useTranslation();
  if (!query.isError) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  return (
    <Stack maw={640}>
      {back}
      {isApiError(query.error) && query.error.status === 404 ? (
        <Alert color="gray" variant="light">
          {notFound}
        </Alert>
      ) : (
        <ErrorAlert error={query.error} />
      )}
    </Stack>
  );
}

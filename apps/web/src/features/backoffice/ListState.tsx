import { Button, Center, Loader, Text } from '@mantine/core';
import type { UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/problem';

type AnyList = Pick<UseQueryResult | UseInfiniteQueryResult, 'isPending' | 'isSuccess' | 'error'>;

/** A list's loading, failure and "nothing here" states; the rows are drawn by the page. */
export function ListState({ list, count, empty }: { list: AnyList; count: number; empty: string }) {
  const { t } = useTranslation();
  if (list.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (list.error) return <ErrorAlert error={list.error} />;
  return list.isSuccess && count === 0 ? <Text c="dimmed">{empty}</Text> : null;
}

/** "Cargar más" while the server has another page. */
export function LoadMore({ list }: { list: UseInfiniteQueryResult }) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <Button
      variant="default"
      onClick={() => list.fetchNextPage()}
      loading={list.isFetchingNextPage}
      style={{ alignSelf: 'center' }}
    >
      {t('common.loadMore')}
    </Button>
  );
}

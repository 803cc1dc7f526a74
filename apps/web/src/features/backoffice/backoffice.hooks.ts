import { type QueryKey, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { backofficeKeys, getOperatorSession, type Page } from './backoffice.api';

/** The signed-in operator: `null` when signed out, `undefined` while loading. */
export function useOperatorSession() {
  return useQuery({ queryKey: backofficeKeys.session, queryFn: getOperatorSession, staleTime: 60_000 });
}

/** A back-office list a page at a time ("Cargar más"), its rows flattened. */
export function usePagedList<Row>(queryKey: QueryKey, load: (cursor?: string) => Promise<Page<Row>>) {
  const list = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => load(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  return { list, rows: list.data?.pages.flatMap((page) => page.data) ?? [] };
}

import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import { mayOperateFund } from '../../api/session';
import type { Fund, Me, Member, Page } from '../../api/types';
import { fundsKeys, getFund, listFunds } from './funds.api';

/** The funds the person may see, a page at a time ("Cargar más"). */
export function useFundsList(organizationId: string) {
  return useInfiniteQuery({
    queryKey: fundsKeys.list(organizationId),
    queryFn: ({ pageParam }) => listFunds(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Funds for a select or a name lookup: the first 100 are plenty for petty cash. */
export function useFundOptions(organizationId: string) {
  const funds = useQuery({
    queryKey: [...fundsKeys.all, organizationId, 'options'],
    queryFn: () => listFunds(),
    staleTime: 30_000,
  });
  const all: Fund[] = funds.data?.data ?? [];
  return {
    funds: all,
    open: all.filter((fund) => fund.status === 'open'),
    nameOf: (id: string | null) => (id ? (all.find((fund) => fund.id === id)?.name ?? null) : null),
    isPending: funds.isPending,
  };
}

/** Open funds the person may spend from or import into (see `mayOperateFund`). */
export function useUsableFunds(me: Me): Fund[] {
  return useFundOptions(me.organization.id).open.filter((fund) => mayOperateFund(me, fund));
}

export function useFund(organizationId: string, id: string) {
  return useQuery({ queryKey: fundsKeys.detail(organizationId, id), queryFn: () => getFund(id) });
}

/** Every active member, to name a fund's custodian (GET /members, page after page). */
async function listActiveMembers(): Promise<Member[]> {
  const members: Member[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const result = await api.get<Page<Member>>(`/members${query({ limit: 200, cursor })}`);
    members.push(...result.data.filter((member) => member.active));
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return members;
}

export function useActiveMembers(organizationId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['members', organizationId, 'active'],
    queryFn: listActiveMembers,
    enabled,
  });
}

/**
 * Names of the active members, which anyone in the organization may read (GET /members/directory):
 * for choosing a cash count's witness or an advance's employee without the full member list.
 */
export function useMemberDirectory(organizationId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['members', organizationId, 'directory'],
    queryFn: async () => (await api.get<{ data: { id: string; name: string }[] }>('/members/directory')).data,
    enabled,
    staleTime: 60_000,
  });
}

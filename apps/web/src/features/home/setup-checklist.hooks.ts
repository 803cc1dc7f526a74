import { useLocalStorage } from '@mantine/hooks';
import { type UseQueryResult, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { fiscalDataKeys, getFiscalData } from '../fiscal-data/fiscal-data.api';
import { useFundsList } from '../funds/funds.hooks';
import { listMembers, membersKeys } from '../members/members.api';
import type { Subscription } from '../subscription/subscription.api';
import { useSubscription } from '../subscription/subscription.hooks';

export type SetupStepId = 'fiscalData' | 'fund' | 'team' | 'plan';
/** `checking` while its query loads; `unknown` when it failed (the rest of the list still shows). */
export type SetupStepState = 'done' | 'todo' | 'checking' | 'unknown';

export interface SetupStep {
  id: SetupStepId;
  to: string;
  state: SetupStepState;
}

/** Just the parts of a query the state needs, so a list query and a plain one fit alike. */
type Checked = Pick<UseQueryResult, 'isPending' | 'isError'>;

function stateOf(query: Checked, done: () => boolean): SetupStepState {
  if (query.isPending) return 'checking';
  if (query.isError) return 'unknown';
  return done() ? 'done' : 'todo';
}

/** Paid, or paid for the next period: the trial alone does not count as having chosen a plan. */
function hasPaidPlan(subscription: Subscription): boolean {
  return subscription.status === 'active' || subscription.plan !== null || subscription.nextPlan !== null;
}

/**
 * The owner's first steps, each from the query its own page already uses (same keys), so saving the
 * fiscal data or opening a fund there is already reflected here, without a request of its own.
 */
export function useSetupSteps(organizationId: string): SetupStep[] {
  const fiscalData = useQuery({ queryKey: fiscalDataKeys.data(organizationId), queryFn: getFiscalData });
  const funds = useFundsList(organizationId);
  // The same query as the members table (key and pages), so both share one cached list.
  const members = useInfiniteQuery({
    queryKey: membersKeys.members(organizationId),
    queryFn: ({ pageParam }) => listMembers(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const subscription = useSubscription(organizationId);

  return [
    {
      id: 'fiscalData',
      to: '/app/datos-fiscales',
      // `null` is the server's FISCAL_DATA_NOT_SET (404): not captured yet.
      state: stateOf(fiscalData, () => fiscalData.data != null),
    },
    {
      id: 'fund',
      to: '/app/fondos',
      state: stateOf(funds, () => (funds.data?.pages[0]?.data.length ?? 0) > 0),
    },
    {
      id: 'team',
      to: '/app/miembros',
      // The owner is the first member; a deactivated one is no longer part of the team.
      state: stateOf(members, () => {
        const active = members.data?.pages.flatMap((page) => page.data).filter((member) => member.active);
        return (active?.length ?? 0) > 1;
      }),
    },
    {
      id: 'plan',
      to: '/app/suscripcion',
      state: stateOf(subscription, () => (subscription.data ? hasPaidPlan(subscription.data) : false)),
    },
  ];
}

/** "Ocultar" lasts in this browser, per organization: another organization still shows its own list. */
export function useChecklistHidden(organizationId: string): [boolean, () => void] {
  const [hidden, setHidden] = useLocalStorage<boolean>({
    key: `cajachica:setup-checklist-hidden:${organizationId}`,
    defaultValue: false,
    // Read at once: otherwise the card would flash before the stored "hidden" is read.
    getInitialValueInEffect: false,
  });
  return [hidden, () => setHidden(true)];
}

// The subscription's lifecycle (BILLING.md "Subscription lifecycle"), as one pure function: the
// service persists what it answers, jobs fire the timed events, and every transition is audited
// and emitted. Nothing else changes a subscription's status.

export const SUBSCRIPTION_STATUSES = [
  'trialing',
  'awaiting_payment',
  'active',
  'past_due',
  'unpaid',
  'cancel_scheduled',
  'canceling',
  'expired',
  'canceled',
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export type PlanInterval = 'month' | 'year';

export interface SubscriptionState {
  status: SubscriptionStatus;
  /** The plan of the period in course; null during the trial. */
  interval: PlanInterval | null;
  /**
   * A period paid that has not started yet: paid during the trial (it starts when the trial ends)
   * or a renewal paid early (it starts when the period in course ends; a plan change takes effect
   * then, BILLING.md "Plan changes").
   */
  next: PlanInterval | null;
}

export type SubscriptionEvent =
  /** The free month is over (sign-up + 1 calendar month). */
  | { type: 'trial_ended' }
  /** The provider or the operator confirmed a payment of a period of `interval`. */
  | { type: 'payment_confirmed'; interval: PlanInterval }
  /** The paid period ended (monthly: its month; annual: its year). */
  | { type: 'period_ended' }
  /** The grace period after a missed payment is over. */
  | { type: 'grace_over' }
  /** The customer stops (FAQ "suspender"): monthly → no next charge; annual → refund of unused months. */
  | { type: 'suspend' }
  /** The customer takes a monthly suspension back before the period ends. */
  | { type: 'undo_suspend' }
  /** An annual plan being canceled reached the end of its month slice in course. */
  | { type: 'access_ended' };

/** What the service must do besides storing the new state. */
export type SubscriptionEffect =
  | 'send_payment_instructions'
  | 'start_paid_period'
  | 'refund_unused_months'
  | 'refund_unstarted_period';

export type TransitionResult =
  | { ok: true; state: SubscriptionState; effects: SubscriptionEffect[] }
  | { ok: false; reason: 'not_allowed' };

const to = (
  state: SubscriptionState,
  change: Partial<SubscriptionState>,
  effects: SubscriptionEffect[] = [],
) => ({ ok: true, state: { ...state, ...change }, effects }) as const;
const refused = { ok: false, reason: 'not_allowed' } as const;

/** Where nothing can be created or changed: read and export only (issue 6 item 6). */
export function isReadOnly(status: SubscriptionStatus): boolean {
  return status === 'unpaid' || status === 'expired' || status === 'canceled';
}

/** The next state of a subscription on an event, or a refusal (the event makes no sense now). */
export function transition(state: SubscriptionState, event: SubscriptionEvent): TransitionResult {
  const { status, next } = state;
  switch (event.type) {
    case 'trial_ended':
      if (status !== 'trialing') return refused;
      // Paid during the trial: the paid period starts now; the free month was never shortened.
      if (next) return to(state, { status: 'active', interval: next, next: null }, ['start_paid_period']);
      return to(state, { status: 'awaiting_payment' }, ['send_payment_instructions']);

    case 'payment_confirmed':
      switch (status) {
        case 'trialing':
        // Shown as paid, starting at the trial's end; still trialing until then.
        case 'active':
        case 'cancel_scheduled':
          // A renewal paid before the period ends (a stop that was scheduled no longer applies).
          if (next) return refused;
          return to(state, { status: status === 'trialing' ? 'trialing' : 'active', next: event.interval });
        case 'canceling':
          // Suspended during the trial and paid again: the free month still runs to its end.
          if (state.interval === null) return to(state, { status: 'trialing', next: event.interval });
          return to(state, { status: 'active', interval: event.interval, next: null }, ['start_paid_period']);
        case 'awaiting_payment':
        case 'past_due':
        case 'unpaid':
        case 'expired':
        case 'canceled':
          // Reactivation: a new paid period starts at once.
          return to(state, { status: 'active', interval: event.interval, next: null }, ['start_paid_period']);
      }
      return refused;

    case 'period_ended':
      if (status === 'active') {
        if (next) return to(state, { interval: next, next: null }, ['start_paid_period']);
        return to(state, { status: 'past_due' }, ['send_payment_instructions']);
      }
      if (status === 'cancel_scheduled') return to(state, { status: 'canceled' });
      return refused;

    case 'grace_over':
      if (status === 'awaiting_payment') return to(state, { status: 'expired' });
      if (status === 'past_due') return to(state, { status: 'unpaid' });
      return refused;

    case 'suspend': {
      // A period paid ahead never starts: it goes back whole.
      const unstarted: SubscriptionEffect[] = next ? ['refund_unstarted_period'] : [];
      if (status === 'trialing') {
        // Nothing paid: the trial simply runs out, there is nothing to stop.
        if (!next) return refused;
        return to(state, { status: 'canceling', next: null }, unstarted);
      }
      if (status !== 'active') return refused;
      if (state.interval === 'year') {
        return to(state, { status: 'canceling', next: null }, ['refund_unused_months', ...unstarted]);
      }
      return to(state, { status: 'cancel_scheduled', next: null }, unstarted);
    }

    case 'undo_suspend':
      if (status !== 'cancel_scheduled') return refused;
      return to(state, { status: 'active' });

    case 'access_ended':
      if (status !== 'canceling') return refused;
      return to(state, { status: 'canceled' });
  }
}

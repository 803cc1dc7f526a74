import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isReadOnly,
  SUBSCRIPTION_STATUSES,
  type SubscriptionEvent,
  type SubscriptionState,
  transition,
} from './subscription-machine.js';

const TRIAL: SubscriptionState = { status: 'trialing', interval: null, next: null };

/** Runs events from a state; each must be allowed. Returns the states and effects along the way. */
function run(state: SubscriptionState, events: SubscriptionEvent[]) {
  const steps: { status: string; effects: string[] }[] = [];
  let current = state;
  for (const event of events) {
    const result = transition(current, event);
    if (!result.ok) throw new Error(`${event.type} refused in ${current.status}`);
    current = result.state;
    steps.push({ status: current.status, effects: result.effects });
  }
  return { state: current, steps };
}

describe('subscription lifecycle (BILLING.md)', () => {
  it('runs trial → instructions → paid monthly → renewal unpaid → past due → unpaid → paid → active', () => {
    const { steps } = run(TRIAL, [
      { type: 'trial_ended' },
      { type: 'payment_confirmed', interval: 'month' },
      { type: 'period_ended' },
      { type: 'grace_over' },
      { type: 'payment_confirmed', interval: 'month' },
    ]);
    expect(steps).toEqual([
      { status: 'awaiting_payment', effects: ['send_payment_instructions'] },
      { status: 'active', effects: ['start_paid_period'] },
      { status: 'past_due', effects: ['send_payment_instructions'] },
      { status: 'unpaid', effects: [] },
      { status: 'active', effects: ['start_paid_period'] },
    ]);
  });

  it('keeps the free month when the plan is paid during the trial: trialing, paid, active at its end', () => {
    const paid = run(TRIAL, [{ type: 'payment_confirmed', interval: 'year' }]);
    expect(paid.state).toEqual({ status: 'trialing', interval: null, next: 'year' });
    expect(run(paid.state, [{ type: 'trial_ended' }]).steps).toEqual([
      { status: 'active', effects: ['start_paid_period'] },
    ]);
  });

  it('suspends a plan paid during the trial with the whole period refunded, then cancels at the trial end', () => {
    const { steps } = run(TRIAL, [
      { type: 'payment_confirmed', interval: 'year' },
      { type: 'suspend' },
      { type: 'access_ended' },
    ]);
    expect(steps.slice(1)).toEqual([
      { status: 'canceling', effects: ['refund_unstarted_period'] },
      { status: 'canceled', effects: [] },
    ]);
  });

  it('keeps the free month when a plan suspended during the trial is paid again', () => {
    const { state } = run(TRIAL, [
      { type: 'payment_confirmed', interval: 'year' },
      { type: 'suspend' },
      { type: 'payment_confirmed', interval: 'month' },
    ]);
    expect(state).toEqual({ status: 'trialing', interval: null, next: 'month' });
  });

  it('suspends an annual plan with the unused months refunded at once, canceled at the slice end', () => {
    const active: SubscriptionState = { status: 'active', interval: 'year', next: null };
    expect(run(active, [{ type: 'suspend' }, { type: 'access_ended' }]).steps).toEqual([
      { status: 'canceling', effects: ['refund_unused_months'] },
      { status: 'canceled', effects: [] },
    ]);
  });

  it('schedules the end of a monthly plan without refund; undo is possible until the period ends', () => {
    const active: SubscriptionState = { status: 'active', interval: 'month', next: null };
    expect(run(active, [{ type: 'suspend' }, { type: 'undo_suspend' }]).state.status).toBe('active');
    expect(run(active, [{ type: 'suspend' }, { type: 'period_ended' }]).steps).toEqual([
      { status: 'cancel_scheduled', effects: [] },
      { status: 'canceled', effects: [] },
    ]);
  });

  it('changes plan when the paid period ends: monthly paid ahead as annual, then the year starts', () => {
    const active: SubscriptionState = { status: 'active', interval: 'month', next: null };
    const { state } = run(active, [
      { type: 'payment_confirmed', interval: 'year' },
      { type: 'period_ended' },
    ]);
    expect(state).toEqual({ status: 'active', interval: 'year', next: null });
  });

  it('expires a trial nobody paid when the grace is over; a payment later reactivates it', () => {
    const { steps } = run(TRIAL, [
      { type: 'trial_ended' },
      { type: 'grace_over' },
      { type: 'payment_confirmed', interval: 'month' },
    ]);
    expect(steps.map((s) => s.status)).toEqual(['awaiting_payment', 'expired', 'active']);
  });

  it('refuses what makes no sense: suspending twice, undoing nothing, a second payment ahead', () => {
    const canceling = run({ status: 'active', interval: 'year', next: null }, [{ type: 'suspend' }]).state;
    expect(transition(canceling, { type: 'suspend' })).toEqual({ ok: false, reason: 'not_allowed' });
    expect(transition(TRIAL, { type: 'suspend' }).ok).toBe(false);
    expect(transition({ status: 'active', interval: 'month', next: null }, { type: 'undo_suspend' }).ok).toBe(
      false,
    );
    const paidAhead = run(TRIAL, [{ type: 'payment_confirmed', interval: 'month' }]).state;
    expect(transition(paidAhead, { type: 'payment_confirmed', interval: 'month' }).ok).toBe(false);
  });

  it('is read-only exactly when unpaid, expired or canceled', () => {
    expect(SUBSCRIPTION_STATUSES.filter(isReadOnly)).toEqual(['unpaid', 'expired', 'canceled']);
  });
});

const eventArbitrary: fc.Arbitrary<SubscriptionEvent> = fc.oneof(
  fc.constantFrom<SubscriptionEvent>(
    { type: 'trial_ended' },
    { type: 'period_ended' },
    { type: 'grace_over' },
    { type: 'suspend' },
    { type: 'undo_suspend' },
    { type: 'access_ended' },
  ),
  fc
    .constantFrom('month', 'year')
    .map((interval) => ({ type: 'payment_confirmed', interval }) as SubscriptionEvent),
);

describe('subscription machine, any sequence of events', () => {
  it('never reaches an impossible state, and refuses without changing anything', () => {
    fc.assert(
      fc.property(fc.array(eventArbitrary, { maxLength: 40 }), (events) => {
        let state = TRIAL;
        for (const event of events) {
          const result = transition(state, event);
          if (!result.ok) continue;
          const after = result.state;
          // A paid period in course has a plan; a period paid ahead waits only in trialing or active.
          if (['active', 'past_due', 'unpaid', 'cancel_scheduled'].includes(after.status)) {
            expect(after.interval).not.toBeNull();
          }
          if (after.next !== null) expect(['trialing', 'active']).toContain(after.status);
          // Suspending is the only way to a refund, and an annual term is refunded once.
          if (result.effects.includes('refund_unused_months')) {
            expect(event.type).toBe('suspend');
            expect(state.interval).toBe('year');
          }
          // The free month has no paid period in course, whatever was paid and refunded.
          if (after.status === 'trialing') expect(after.interval).toBeNull();
          state = after;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

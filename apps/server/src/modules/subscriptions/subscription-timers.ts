import { eq, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db, Tx } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs.js';
import { type Mailer, type OutgoingMail, sendEach } from '../../platform/mail/mailer.js';
import { paymentDueMail, trialEndingMail } from '../../platform/mail/templates.js';
import { addCalendarDays, MEXICO_TIME_ZONE, mexicoCityDate } from '../../platform/mexico-time.js';
import { formatPesos } from '../../platform/money.js';
import { withSystem, withTenant } from '../../platform/tenancy.js';
import { activeMemberContactsWithRoles, organizationName } from '../organizations/index.js';
import { addCalendarMonths, type CalendarDay } from './billing-calendar.js';
import { lockSubscription } from './payments.js';
import { planViews } from './plans.js';
import { type SubscriptionEvent, transition } from './subscription-machine.js';
import { subscriptions } from './subscriptions.schema.js';

export const SUBSCRIPTION_TIMERS_JOB = 'subscription-timers';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Renewal instructions this many days before a paid period ends (BILLING.md). */
const RENEWAL_NOTICE_DAYS = { month: 5, year: 15 } as const;
/** What the audit log records as the origin of a change the timers made. */
const TIMER_ORIGIN = { ip: '', userAgent: undefined, requestId: `job:${SUBSCRIPTION_TIMERS_JOB}` };

/** What the timers read of a subscription (all app_system may read: statuses and dates, migration 0031). */
type TimerFields = Pick<
  typeof subscriptions.$inferSelect,
  | 'organizationId'
  | 'status'
  | 'interval'
  | 'nextInterval'
  | 'trialEndsAt'
  | 'graceEndsAt'
  | 'currentPeriodEnd'
  | 'accessEndsOn'
  | 'lastNotice'
>;
export type Timer = { kind: 'event'; event: SubscriptionEvent } | { kind: 'notice'; notice: string };

/**
 * What is due for a subscription at an instant (BILLING.md's timers), or null: a lifecycle event
 * (trial over, grace over, period over, access over) before any notice; notices are the trial
 * reminders at 7 and 3 days and the renewal instructions, each sent once.
 */
export function dueTimer(row: TimerFields, at: Date): Timer | null {
  const today = mexicoCityDate(at);
  const event = (type: SubscriptionEvent['type']) => ({ kind: 'event', event: { type } }) as Timer;
  switch (row.status) {
    case 'trialing': {
      if (row.trialEndsAt <= at) return event('trial_ended');
      if (row.nextInterval) return null; // paid already: nothing to remind
      const daysLeft = Math.ceil((row.trialEndsAt.getTime() - at.getTime()) / DAY_MS);
      if (daysLeft <= 3 && row.lastNotice !== 'trial-3') return { kind: 'notice', notice: 'trial-3' };
      if (daysLeft <= 7 && !['trial-7', 'trial-3'].includes(row.lastNotice ?? '')) {
        return { kind: 'notice', notice: 'trial-7' };
      }
      return null;
    }
    case 'awaiting_payment':
    case 'past_due':
      return row.graceEndsAt && row.graceEndsAt <= at ? event('grace_over') : null;
    case 'active': {
      const end = row.currentPeriodEnd as CalendarDay;
      if (end <= today) return event('period_ended');
      const notice = `renewal-${end}`;
      const noticeFrom = addCalendarDays(end, -RENEWAL_NOTICE_DAYS[row.interval ?? 'month']);
      if (!row.nextInterval && today >= noticeFrom && row.lastNotice !== notice)
        return { kind: 'notice', notice };
      return null;
    }
    case 'cancel_scheduled':
      return (row.currentPeriodEnd as CalendarDay) <= today ? event('period_ended') : null;
    case 'canceling':
      return row.accessEndsOn && row.accessEndsOn <= today ? event('access_ended') : null;
    default:
      return null;
  }
}

export function createSubscriptionTimers(deps: {
  db: Db;
  mailer: Mailer;
  jobs: Pick<JobQueue, 'register' | 'schedule'>;
  config: Pick<Config, 'appUrl' | 'billing'>;
  now?: () => Date;
  log: { error(object: unknown, message: string): void };
}) {
  const now = deps.now ?? (() => new Date());
  const url = `${deps.config.appUrl}/app/suscripcion`;
  const longDate = (day: CalendarDay) =>
    new Intl.DateTimeFormat('es-MX', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${day}T12:00:00Z`),
    );

  async function mailOwners(
    tx: Tx,
    organizationId: string,
    build: (to: string, name: string, org: string, plans: string) => OutgoingMail,
  ) {
    const plans = (await planViews(tx, deps.config.billing.ivaRate))
      .map((plan) => `${plan.id === 'monthly' ? 'mensual' : 'anual'} ${formatPesos(plan.total)} con IVA`)
      .join(' o ');
    const org = await organizationName(tx, organizationId);
    const owners = await activeMemberContactsWithRoles(tx, organizationId, ['owner']);
    return owners.map((owner) => build(owner.email, owner.name, org, plans));
  }

  /** Applies one due timer to one organization's subscription; returns the emails to send, or null when nothing was due. */
  async function step(organizationId: string, at: Date): Promise<OutgoingMail[] | null> {
    return withTenant(deps.db, { organizationId }, async (tx) => {
      const row = await lockSubscription(tx, organizationId);
      const timer = dueTimer(row, at);
      if (!timer) return null;
      if (timer.kind === 'notice') {
        await tx
          .update(subscriptions)
          .set({ lastNotice: timer.notice })
          .where(eq(subscriptions.organizationId, organizationId));
        if (timer.notice.startsWith('trial')) {
          const endsOn = longDate(mexicoCityDate(row.trialEndsAt));
          const daysLeft = Math.ceil((row.trialEndsAt.getTime() - at.getTime()) / DAY_MS);
          return mailOwners(tx, organizationId, (to, name, org, plans) =>
            trialEndingMail(to, name, org, { daysLeft, endsOn, plans }, url),
          );
        }
        return mailOwners(tx, organizationId, (to, name, org, plans) =>
          paymentDueMail(
            to,
            name,
            org,
            { reason: 'renewal', dueBy: longDate(row.currentPeriodEnd as CalendarDay), plans },
            url,
          ),
        );
      }
      const result = transition(
        { status: row.status, interval: row.interval, next: row.nextInterval },
        timer.event,
      );
      if (!result.ok) throw new Error(`timer ${timer.event.type} refused in ${row.status}`);
      const change: Partial<typeof subscriptions.$inferInsert> = {
        status: result.state.status,
        interval: result.state.interval,
        nextInterval: result.state.next,
      };
      if (result.effects.includes('start_paid_period')) {
        // The paid-ahead period starts where the trial or the previous period ended: no day lost.
        const start =
          row.status === 'trialing' ? mexicoCityDate(row.trialEndsAt) : (row.currentPeriodEnd as CalendarDay);
        Object.assign(change, {
          currentPeriodStart: start,
          currentPeriodEnd: addCalendarMonths(start, result.state.interval === 'year' ? 12 : 1),
          currentPaymentId: row.nextPaymentId,
          nextPaymentId: null,
        });
      }
      let graceEndsAt: Date | null = null;
      if (result.effects.includes('send_payment_instructions')) {
        graceEndsAt = new Date(at.getTime() + deps.config.billing.graceDays * DAY_MS);
        change.graceEndsAt = graceEndsAt;
      }
      await tx
        .update(subscriptions)
        .set({ ...change, updatedAt: sql`now()` })
        .where(eq(subscriptions.organizationId, organizationId));
      await recordAudit(tx, { organizationId, userId: null }, TIMER_ORIGIN, {
        action: `subscription.${result.state.status}`,
        targetType: 'subscription',
        targetId: row.id,
        before: { status: row.status },
        after: { status: result.state.status, event: timer.event.type },
      });
      if (!graceEndsAt) return [];
      const dueBy = longDate(mexicoCityDate(graceEndsAt));
      const reason = row.status === 'trialing' ? 'trial_ended' : 'past_due';
      return mailOwners(tx, organizationId, (to, name, org, plans) =>
        paymentDueMail(to, name, org, { reason, dueBy, plans }, url),
      );
    });
  }

  /** Runs every timer that is due; returns how many subscriptions changed or were notified. */
  async function runDueTimers(at: Date = now()): Promise<number> {
    // As the platform: only statuses and dates, to find who is due; then each as its tenant.
    const rows = await withSystem(deps.db, (tx) =>
      tx
        .select({
          organizationId: subscriptions.organizationId,
          status: subscriptions.status,
          interval: subscriptions.interval,
          nextInterval: subscriptions.nextInterval,
          trialEndsAt: subscriptions.trialEndsAt,
          graceEndsAt: subscriptions.graceEndsAt,
          currentPeriodEnd: subscriptions.currentPeriodEnd,
          accessEndsOn: subscriptions.accessEndsOn,
          lastNotice: subscriptions.lastNotice,
        })
        .from(subscriptions),
    );
    let acted = 0;
    for (const row of rows) {
      if (!dueTimer(row, at)) continue;
      // One timer after another (a trial long over may also have its grace over), a few at most.
      for (let i = 0; i < 4; i++) {
        const mails = await step(row.organizationId, at);
        if (mails === null) break;
        acted++;
        await sendEach(deps.mailer, mails, deps.log, 'subscription notice');
      }
    }
    return acted;
  }

  deps.jobs.register(SUBSCRIPTION_TIMERS_JOB, async () => void (await runDueTimers()), { retryLimit: 2 });
  deps.jobs.schedule(SUBSCRIPTION_TIMERS_JOB, '0 * * * *', MEXICO_TIME_ZONE);

  return { runDueTimers, dueTimer };
}

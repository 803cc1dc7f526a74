import { eq } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db, Tx } from '../../platform/db/database.js';
import { withTenant } from '../../platform/tenancy.js';
import { addMonthsInMexico } from './billing-calendar.js';
import { planViews } from './plans.js';
import { isReadOnly } from './subscription-machine.js';
import { type PlanId, subscriptions } from './subscriptions.schema.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A new organization's free month: sign-up + 1 calendar month (Mexico City), in the sign-up transaction. */
export async function startTrial(tx: Tx, organizationId: string, signedUpAt: Date): Promise<void> {
  await tx.insert(subscriptions).values({
    organizationId,
    status: 'trialing',
    trialEndsAt: addMonthsInMexico(signedUpAt, 1),
  });
}

function planOf(interval: 'month' | 'year' | null): PlanId | null {
  if (interval === null) return null;
  return interval === 'month' ? 'monthly' : 'annual';
}

export function createSubscriptionsService(deps: { db: Db; config: Config; now?: () => Date }) {
  const { db, config } = deps;
  const now = deps.now ?? (() => new Date());

  return {
    /** The organization's subscription as every member may see it (the read-only banner needs it). */
    async current(actor: Actor) {
      return withTenant(db, { organizationId: actor.organizationId, userId: actor.userId }, async (tx) => {
        const [row] = await tx
          .select()
          .from(subscriptions)
          .where(eq(subscriptions.organizationId, actor.organizationId));
        if (!row) throw new Error(`organization ${actor.organizationId} has no subscription`);
        const left = row.trialEndsAt.getTime() - now().getTime();
        return {
          status: row.status,
          readOnly: isReadOnly(row.status),
          plan: planOf(row.interval),
          nextPlan: planOf(row.nextInterval),
          trialEndsAt: row.trialEndsAt,
          // Whole days, rounded up: "1 día" until the very end.
          trialDaysLeft: row.status === 'trialing' ? Math.max(0, Math.ceil(left / DAY_MS)) : null,
          currentPeriodStart: row.currentPeriodStart,
          currentPeriodEnd: row.currentPeriodEnd,
          accessEndsOn: row.accessEndsOn,
          plans: await planViews(tx, config.billing.ivaRate),
        };
      });
    },
  };
}

export type SubscriptionsService = ReturnType<typeof createSubscriptionsService>;

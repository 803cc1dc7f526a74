import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database.js';
import { loginThrottle } from './accounts.schema.js';

export interface ThrottlePolicy {
  maxFailures: number;
  lockMinutes: number;
}

/** Seconds until the account may try again, or 0 when it is not locked. */
export async function secondsLocked(tx: Tx, email: string, now: Date): Promise<number> {
  const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, email));
  if (!row?.lockedUntil) return 0;
  return Math.max(0, Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000));
}

/** Counts a failure inside a sliding window; reaching the limit locks the account for lockMinutes. */
export async function recordLoginFailure(
  tx: Tx,
  email: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<boolean> {
  const windowStart = new Date(now.getTime() - policy.lockMinutes * 60_000);
  const lockUntil = new Date(now.getTime() + policy.lockMinutes * 60_000);
  const [row] = await tx
    .insert(loginThrottle)
    .values({ key: email, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`CASE WHEN ${loginThrottle.windowStartedAt} < ${windowStart} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${loginThrottle.windowStartedAt} < ${windowStart} THEN ${now} ELSE ${loginThrottle.windowStartedAt} END`,
      },
    })
    .returning();
  if (row && row.failures >= policy.maxFailures) {
    await tx.update(loginThrottle).set({ lockedUntil: lockUntil }).where(eq(loginThrottle.key, email));
    return true;
  }
  return false;
}

export async function clearLoginFailures(tx: Tx, email: string): Promise<void> {
  await tx.delete(loginThrottle).where(eq(loginThrottle.key, email));
}

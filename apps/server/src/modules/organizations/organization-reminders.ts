import type { Db } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs.js';
import { type Mailer, type OutgoingMail, sendEach } from '../../platform/mail/mailer.js';
import { MEXICO_TIME_ZONE } from '../../platform/mexico-time.js';
import { withSystem } from '../../platform/tenancy.js';
import { organizations } from './organizations.schema.js';

/**
 * A reminder that visits every organization: a durable job on a cron schedule (Mexico City time)
 * lists the organizations as the platform, asks `remind` for each one's emails (it reads as that
 * organization's tenant) and sends them one by one, an undeliverable one logged and skipped.
 * Returns `sendDueReminders` (how many emails went out), which tests call with their own clock.
 */
export function scheduleOrganizationReminders(
  deps: {
    db: Db;
    mailer: Mailer;
    jobs: Pick<JobQueue, 'register' | 'schedule'>;
    now?: () => Date;
    log: { error(object: unknown, message: string): void };
  },
  reminder: {
    job: string;
    cron: string;
    /** What the log calls an email of this reminder when it cannot be delivered. */
    label: string;
    /** Whether the reminder runs at all at this instant (e.g. only some days before month end). */
    isDue?: (at: Date) => boolean;
    remind: (organizationId: string, at: Date) => Promise<OutgoingMail[]>;
  },
) {
  const now = deps.now ?? (() => new Date());

  async function sendDueReminders(at: Date = now()): Promise<number> {
    if (reminder.isDue && !reminder.isDue(at)) return 0;
    const ids = await withSystem(deps.db, (tx) => tx.select({ id: organizations.id }).from(organizations));
    let sent = 0;
    for (const { id } of ids) {
      sent += await sendEach(deps.mailer, await reminder.remind(id, at), deps.log, reminder.label);
    }
    return sent;
  }

  deps.jobs.register(reminder.job, async () => void (await sendDueReminders()), { retryLimit: 2 });
  deps.jobs.schedule(reminder.job, reminder.cron, MEXICO_TIME_ZONE);
  return { sendDueReminders };
}

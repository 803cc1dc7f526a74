import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs.js';
import type { Mailer, OutgoingMail } from '../../platform/mail/mailer.js';
import { advanceReminderMail } from '../../platform/mail/templates.js';
import { addCalendarDays, mexicoCityDate } from '../../platform/mexico-time.js';
import { formatPesos } from '../../platform/money.js';
import { withTenant } from '../../platform/tenancy.js';
import { memberContacts, organizationName, scheduleOrganizationReminders } from '../organizations/index.js';
import { advances } from './advances.schema.js';

export const ADVANCE_REMINDER_JOB = 'advance-reminders';
/** Employees are reminded from this many days before the due date, and every day once overdue. */
export const REMIND_DAYS_BEFORE_DUE = 2;

/**
 * Daily: every employee with an open advance due within two days, or overdue, gets one email
 * listing them; an advance is mentioned at most once a day (its last reminder is recorded).
 */
export function createAdvanceReminders(deps: {
  db: Db;
  mailer: Mailer;
  jobs: Pick<JobQueue, 'register' | 'schedule'>;
  config: Pick<Config, 'appUrl'>;
  now?: () => Date;
  log: { error(object: unknown, message: string): void };
}) {
  async function remindOrganization(organizationId: string, at: Date): Promise<OutgoingMail[]> {
    const today = mexicoCityDate(at);
    return withTenant(deps.db, { organizationId }, async (tx) => {
      const due = (
        await tx
          .select()
          .from(advances)
          .where(
            and(
              eq(advances.organizationId, organizationId),
              eq(advances.status, 'open'),
              lte(advances.dueDate, addCalendarDays(today, REMIND_DAYS_BEFORE_DUE)),
            ),
          )
          .orderBy(asc(advances.dueDate), asc(advances.folio))
      ).filter((row) => !row.lastReminderAt || mexicoCityDate(row.lastReminderAt) < today);
      if (due.length === 0) return [];
      await tx
        .update(advances)
        .set({ lastReminderAt: at })
        .where(
          and(
            eq(advances.organizationId, organizationId),
            inArray(
              advances.id,
              due.map((row) => row.id),
            ),
          ),
        );
      const contacts = await memberContacts(
        tx,
        organizationId,
        due.map((row) => row.employeeId),
      );
      const name = await organizationName(tx, organizationId);
      const byEmployee = new Map<string, typeof due>();
      for (const row of due) byEmployee.set(row.employeeId, [...(byEmployee.get(row.employeeId) ?? []), row]);
      return [...byEmployee].flatMap(([employeeId, rows]) => {
        const contact = contacts.get(employeeId);
        if (!contact) return [];
        const items = rows.map((row) => ({
          folio: row.folio,
          purpose: row.purpose,
          amount: formatPesos(row.amount),
          dueDate: row.dueDate,
          overdue: row.dueDate < today,
        }));
        return [
          advanceReminderMail(
            contact.email,
            contact.name,
            name,
            items,
            `${deps.config.appUrl}/app/anticipos`,
          ),
        ];
      });
    });
  }

  return scheduleOrganizationReminders(deps, {
    job: ADVANCE_REMINDER_JOB,
    cron: '0 9 * * *',
    label: 'advance reminder',
    remind: remindOrganization,
  });
}

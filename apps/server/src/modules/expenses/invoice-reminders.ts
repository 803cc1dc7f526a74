import { and, asc, eq, gte, lte, ne } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs.js';
import type { Mailer, OutgoingMail } from '../../platform/mail/mailer.js';
import { invoiceReminderMail } from '../../platform/mail/templates.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { formatPesos } from '../../platform/money.js';
import { withTenant } from '../../platform/tenancy.js';
import { memberContacts, organizationName, scheduleOrganizationReminders } from '../organizations/index.js';
import { expenses } from './expenses.schema.js';

export const INVOICE_REMINDER_JOB = 'expense-invoice-reminders';
/** Reminders go out this many days before the month closes (time to ask the merchant). */
export const REMINDER_DAYS_BEFORE_MONTH_END = 3;

/** Today's date in Mexico City, and the last day of its month (YYYY-MM-DD). */
export function mexicoCityMonth(at: Date) {
  const [year, month, day] = mexicoCityDate(at).split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    today: `${year}-${pad(month)}-${pad(day)}`,
    monthStart: `${year}-${pad(month)}-01`,
    monthEnd: `${year}-${pad(month)}-${pad(lastDay)}`,
    daysToMonthEnd: lastDay - day,
  };
}

/**
 * Before each month closes, every person with expenses of the month still waiting for their CFDI
 * ("factura pendiente") gets one email listing them. Runs daily; acts on the right day.
 */
export function createInvoiceReminders(deps: {
  db: Db;
  mailer: Mailer;
  jobs: Pick<JobQueue, 'register' | 'schedule'>;
  config: Pick<Config, 'appUrl'>;
  now?: () => Date;
  log: { error(object: unknown, message: string): void };
}) {
  async function remindOrganization(organizationId: string, at: Date): Promise<OutgoingMail[]> {
    const month = mexicoCityMonth(at);
    const { mails } = await withTenant(deps.db, { organizationId }, async (tx) => {
      const pending = await tx
        .select()
        .from(expenses)
        .where(
          and(
            eq(expenses.organizationId, organizationId),
            eq(expenses.invoicePending, true),
            ne(expenses.status, 'discarded'),
            gte(expenses.expenseDate, month.monthStart),
            lte(expenses.expenseDate, month.monthEnd),
          ),
        )
        .orderBy(asc(expenses.expenseDate));
      const contacts = await memberContacts(
        tx,
        organizationId,
        pending.map((row) => row.spenderId),
      );
      const name = await organizationName(tx, organizationId);
      const bySpender = new Map<string, typeof pending>();
      for (const row of pending) bySpender.set(row.spenderId, [...(bySpender.get(row.spenderId) ?? []), row]);
      return {
        mails: [...bySpender].flatMap(([spenderId, rows]) => {
          const contact = contacts.get(spenderId);
          if (!contact) return [];
          const items = rows.map((row) => ({
            date: row.expenseDate,
            concept: row.concept,
            total: formatPesos(row.totalMxn),
            supplier: row.supplierName,
          }));
          const url = `${deps.config.appUrl}/app/gastos?facturaPendiente=1`;
          return [invoiceReminderMail(contact.email, contact.name, name, items, month.monthEnd, url)];
        }),
      };
    });
    return mails;
  }

  return scheduleOrganizationReminders(deps, {
    job: INVOICE_REMINDER_JOB,
    cron: '0 10 * * *',
    label: 'invoice reminder',
    // Runs daily; acts on the day that is REMINDER_DAYS_BEFORE_MONTH_END before the month closes.
    isDue: (at) => mexicoCityMonth(at).daysToMonthEnd === REMINDER_DAYS_BEFORE_MONTH_END,
    remind: remindOrganization,
  });
}

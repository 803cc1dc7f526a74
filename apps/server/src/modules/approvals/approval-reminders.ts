import { and, asc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { type Role, rolesAllowedTo } from '../../platform/auth/permissions.js';
import type { Db, Tx } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs.js';
import type { Mailer, OutgoingMail } from '../../platform/mail/mailer.js';
import { approvalReminderMail } from '../../platform/mail/templates.js';
import { formatPesos } from '../../platform/money.js';
import { withTenant } from '../../platform/tenancy.js';
import { expenses } from '../expenses/expenses.schema.js';
import {
  activeMemberContactsWithRoles,
  memberContacts,
  memberNames,
  organizationName,
  scheduleOrganizationReminders,
} from '../organizations/index.js';
import { ANY_APPROVER } from './approval-rules.js';
import { expenseApprovalSteps } from './approvals.schema.js';

export const APPROVAL_REMINDER_JOB = 'approval-reminders';
/** A level waiting longer than this gets its approvers reminded (again, at most once per interval). */
const REMIND_AFTER_MS = 24 * 60 * 60 * 1000;
const MAX_ITEMS_PER_MAIL = 20;

type Contact = { id: string; name: string; email: string };

/** The people who may decide a pending step (the same rule as mayDecideStep). */
async function approversOf(
  tx: Tx,
  organizationId: string,
  step: { approverRole: string | null; approverId: string | null },
): Promise<Contact[]> {
  if (step.approverId) {
    const contact = (await memberContacts(tx, organizationId, [step.approverId])).get(step.approverId);
    return contact ? [{ id: step.approverId, ...contact }] : [];
  }
  const roles: readonly Role[] =
    step.approverRole === ANY_APPROVER
      ? rolesAllowedTo('expenses.approve')
      : step.approverRole === 'admin'
        ? ['admin', 'owner']
        : [step.approverRole as Role];
  return activeMemberContactsWithRoles(tx, organizationId, roles);
}

/**
 * Daily: every approver with expenses waiting more than a day for their level gets one email
 * listing them. Nobody is reminded of their own expense or of a level after one they decided.
 */
export function createApprovalReminders(deps: {
  db: Db;
  mailer: Mailer;
  jobs: Pick<JobQueue, 'register' | 'schedule'>;
  config: Pick<Config, 'appUrl'>;
  now?: () => Date;
  log: { error(object: unknown, message: string): void };
}) {
  async function remindOrganization(organizationId: string, at: Date): Promise<OutgoingMail[]> {
    return withTenant(deps.db, { organizationId }, async (tx) => {
      const cutoff = new Date(at.getTime() - REMIND_AFTER_MS);
      const due = await tx
        .select({ step: expenseApprovalSteps, expense: expenses })
        .from(expenseApprovalSteps)
        .innerJoin(
          expenses,
          and(
            eq(expenses.organizationId, expenseApprovalSteps.organizationId),
            eq(expenses.id, expenseApprovalSteps.expenseId),
          ),
        )
        .where(
          and(
            eq(expenseApprovalSteps.organizationId, organizationId),
            eq(expenseApprovalSteps.status, 'pending'),
            eq(expenses.status, 'submitted'),
            lt(expenses.submittedAt, cutoff),
            or(isNull(expenseApprovalSteps.lastReminderAt), lt(expenseApprovalSteps.lastReminderAt, cutoff)),
          ),
        )
        .orderBy(asc(expenses.submittedAt));
      if (due.length === 0) return [];
      const decidedEarlier = await tx
        .select({ expenseId: expenseApprovalSteps.expenseId, decidedBy: expenseApprovalSteps.decidedBy })
        .from(expenseApprovalSteps)
        .where(
          and(
            eq(expenseApprovalSteps.organizationId, organizationId),
            inArray(
              expenseApprovalSteps.expenseId,
              due.map((row) => row.expense.id),
            ),
          ),
        );
      const spenders = await memberNames(
        tx,
        organizationId,
        due.map((row) => row.expense.spenderId),
      );
      const byApprover = new Map<string, { contact: Contact; items: (typeof due)[number][] }>();
      for (const row of due) {
        const excluded = new Set([
          row.expense.spenderId,
          row.expense.createdBy,
          ...decidedEarlier.filter((d) => d.expenseId === row.expense.id).map((d) => d.decidedBy),
        ]);
        for (const contact of await approversOf(tx, organizationId, row.step)) {
          if (excluded.has(contact.id)) continue;
          const entry = byApprover.get(contact.id) ?? { contact, items: [] };
          entry.items.push(row);
          byApprover.set(contact.id, entry);
        }
      }
      await tx
        .update(expenseApprovalSteps)
        .set({ lastReminderAt: at })
        .where(
          and(
            eq(expenseApprovalSteps.organizationId, organizationId),
            inArray(
              expenseApprovalSteps.id,
              due.map((row) => row.step.id),
            ),
          ),
        );
      const orgName = await organizationName(tx, organizationId);
      const url = `${deps.config.appUrl}/app/aprobaciones`;
      return [...byApprover.values()].map(({ contact, items }) =>
        approvalReminderMail(
          contact.email,
          contact.name,
          orgName,
          items.slice(0, MAX_ITEMS_PER_MAIL).map(({ expense }) => ({
            date: expense.expenseDate,
            concept: expense.concept,
            spender: spenders.get(expense.spenderId) ?? '',
            total: formatPesos(expense.totalMxn),
          })),
          url,
        ),
      );
    });
  }

  return scheduleOrganizationReminders(deps, {
    job: APPROVAL_REMINDER_JOB,
    cron: '0 9 * * 1-5',
    label: 'approval reminder',
    remind: remindOrganization,
  });
}

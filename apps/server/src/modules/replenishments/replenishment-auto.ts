import { and, count, eq, lte } from 'drizzle-orm';
import type { Config } from '../../config.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { RequestOrigin } from '../../platform/auth/actor.js';
import { rolesAllowedTo } from '../../platform/auth/permissions.js';
import type { Db, Tx } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs.js';
import { type Mailer, type OutgoingMail, sendEach } from '../../platform/mail/mailer.js';
import { replenishmentRequestedMail } from '../../platform/mail/templates.js';
import { MEXICO_TIME_ZONE } from '../../platform/mexico-time.js';
import { formatPesos, money } from '../../platform/money.js';
import { withSystem, withTenant } from '../../platform/tenancy.js';
import { lockFund } from '../funds/fund-ledger.js';
import { funds } from '../funds/funds.schema.js';
import { activeMemberContactsWithRoles, memberContacts } from '../organizations/index.js';
import { organizations } from '../organizations/organizations.schema.js';
import { insertReplenishment, openReplenishmentOf, type ReplenishmentRow } from './replenishment-create.js';
import { defaultVouchers, eligibleVouchers } from './replenishment-vouchers.js';
import { replenishmentItems } from './replenishments.schema.js';

export const AUTO_SWEEP_JOB = 'replenishment-auto-sweep';
export const AUTO_FUND_JOB = 'replenishment-auto-request';

/** What the audit log records as the origin of a change the product made by itself. */
const AUTOMATIC_ORIGIN: RequestOrigin = {
  ip: '',
  userAgent: 'CajaChica (reposición automática)',
  requestId: `job:${AUTO_FUND_JOB}`,
};

/**
 * Inside the caller's transaction (e.g. right after an approval): when the fund's cash is at or
 * under its threshold, it has vouchers to replenish and nothing is already requested or approved
 * for it, files an automatic replenishment of them. Returns it, or null when none was needed.
 */
export async function requestReplenishmentIfNeeded(
  tx: Tx,
  organizationId: string,
  fundId: string,
  at: Date = new Date(),
): Promise<ReplenishmentRow | null> {
  const fund = await lockFund(tx, organizationId, fundId);
  if (fund?.status !== 'open') return null;
  if (money(fund.cash).greaterThan(fund.replenishmentThreshold)) return null;
  if (await openReplenishmentOf(tx, organizationId, fundId)) return null;
  const vouchers = defaultVouchers(await eligibleVouchers(tx, organizationId, fundId));
  if (vouchers.reduce((sum, voucher) => sum.plus(voucher.amount), money(0)).lessThanOrEqualTo(0)) return null;
  const row = await insertReplenishment(tx, {
    organizationId,
    fund,
    vouchers,
    automatic: true,
    requestedBy: null,
    at,
  });
  await recordAudit(tx, { organizationId, userId: null }, AUTOMATIC_ORIGIN, {
    action: 'replenishment.requested',
    targetType: 'replenishment',
    targetId: row.id,
    after: {
      folio: row.folio,
      fundId,
      total: row.total,
      automatic: true,
      vouchers: vouchers.map((v) => v.id),
    },
  });
  return row;
}

/** The emails announcing an automatic request: to the fund's custodian and the managers. */
async function announcementMails(tx: Tx, organizationId: string, row: ReplenishmentRow, appUrl: string) {
  const [fund] = await tx
    .select()
    .from(funds)
    .where(and(eq(funds.organizationId, organizationId), eq(funds.id, row.fundId)));
  if (!fund) return [];
  const managers = await activeMemberContactsWithRoles(tx, organizationId, rolesAllowedTo('funds.manage'));
  const custodian = (await memberContacts(tx, organizationId, [fund.custodianId])).get(fund.custodianId);
  const recipients = new Map(managers.map((member) => [member.email, member.name]));
  if (custodian) recipients.set(custodian.email, custodian.name);
  const [items] = await tx
    .select({ count: count() })
    .from(replenishmentItems)
    .where(
      and(
        eq(replenishmentItems.organizationId, organizationId),
        eq(replenishmentItems.replenishmentId, row.id),
      ),
    );
  const details = {
    fundName: fund.name,
    folio: row.folio,
    total: formatPesos(row.total),
    voucherCount: items?.count ?? 0,
    cash: formatPesos(fund.cash),
    threshold: formatPesos(fund.replenishmentThreshold),
  };
  const url = `${appUrl}/app/reposiciones/${row.id}`;
  return [...recipients].map(([email, name]) => replenishmentRequestedMail(email, name, details, url));
}

/**
 * The automatic requests: a daily sweep sends one job per fund at or under its threshold; each
 * job files the replenishment (if still needed) and writes to the custodian and the managers.
 */
export function createReplenishmentAutomation(deps: {
  db: Db;
  mailer: Mailer;
  jobs: Pick<JobQueue, 'register' | 'schedule' | 'send'>;
  config: Pick<Config, 'appUrl'>;
  now?: (() => Date) | undefined;
  log: { error(object: unknown, message: string): void };
}) {
  const now = deps.now ?? (() => new Date());

  const send = (mails: OutgoingMail[]) =>
    sendEach(deps.mailer, mails, deps.log, 'replenishment request mail');

  /** Files the fund's automatic replenishment if it is needed now; returns it (or null). */
  async function checkFund(organizationId: string, fundId: string): Promise<ReplenishmentRow | null> {
    const outcome = await withTenant(deps.db, { organizationId }, async (tx) => {
      const row = await requestReplenishmentIfNeeded(tx, organizationId, fundId, now());
      return row
        ? { row, mails: await announcementMails(tx, organizationId, row, deps.config.appUrl) }
        : null;
    });
    if (!outcome) return null;
    await send(outcome.mails);
    return outcome.row;
  }

  /** Queues a check of each open fund whose cash is at or under its threshold; returns how many. */
  async function sweep(): Promise<number> {
    const ids = await withSystem(deps.db, (tx) => tx.select({ id: organizations.id }).from(organizations));
    let queued = 0;
    for (const { id: organizationId } of ids) {
      const low = await withTenant(deps.db, { organizationId }, (tx) =>
        tx
          .select({ id: funds.id })
          .from(funds)
          .where(
            and(
              eq(funds.organizationId, organizationId),
              eq(funds.status, 'open'),
              lte(funds.cash, funds.replenishmentThreshold),
            ),
          ),
      );
      for (const fund of low) await enqueue(organizationId, fund.id);
      queued += low.length;
    }
    return queued;
  }

  /** After something that lowers cash or approves vouchers commits: check this fund in the background. */
  const enqueue = (organizationId: string, fundId: string) =>
    deps.jobs.send(AUTO_FUND_JOB, { organizationId, fundId }, { singletonKey: fundId });

  deps.jobs.register<{ organizationId: string; fundId: string }>(
    AUTO_FUND_JOB,
    async ({ organizationId, fundId }) => {
      await checkFund(organizationId, fundId);
    },
    { retryLimit: 3 },
  );
  deps.jobs.register(
    AUTO_SWEEP_JOB,
    async () => {
      await sweep();
    },
    { retryLimit: 2 },
  );
  deps.jobs.schedule(AUTO_SWEEP_JOB, '0 9 * * *', MEXICO_TIME_ZONE);

  return { checkFund, sweep, enqueue };
}

export type ReplenishmentAutomation = ReturnType<typeof createReplenishmentAutomation>;

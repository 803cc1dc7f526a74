import type { Config } from '../../config.js';
import type { Db } from '../../platform/db/database.js';
import type { JobQueue } from '../../platform/jobs.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { MEXICO_TIME_ZONE } from '../../platform/mexico-time.js';
import { withOperator } from '../../platform/tenancy.js';
import { ALERT_SOURCES, type AlertSource, type ReconciliationAlert } from './alert-sources.js';
import { reconciliationAlertsMail } from './reconciliation-mail.js';

export const RECONCILIATION_ALERTS_JOB = 'backoffice-reconciliation-alerts';

/**
 * The daily reconciliation (BILLING.md): every alert source run as app_operator, shown in the
 * back office on demand and mailed to the operator each morning at 08:00 Mexico City when there
 * is something to see and OPERATOR_EMAIL is set.
 */
export function createReconciliation(deps: {
  db: Db;
  mailer: Mailer;
  jobs: Pick<JobQueue, 'register' | 'schedule'>;
  config: Pick<Config, 'appUrl' | 'billing'>;
  now: () => Date;
  sources?: readonly AlertSource[];
}) {
  const sources = deps.sources ?? ALERT_SOURCES;

  /** Every source's alerts at this instant, source by source, oldest first within each. */
  async function collect(at: Date = deps.now()): Promise<ReconciliationAlert[]> {
    return withOperator(deps.db, async (tx) => {
      const alerts: ReconciliationAlert[] = [];
      for (const source of sources) {
        const found = await source.find(tx, at);
        alerts.push(...found.sort((a, b) => a.since.getTime() - b.since.getTime()));
      }
      return alerts;
    });
  }

  /** Mails today's alerts to the operator; answers how many were sent (0: nobody to tell, or nothing to say). */
  async function mailDailyAlerts(): Promise<number> {
    const to = deps.config.billing.operatorEmail;
    if (!to) return 0;
    const alerts = await collect();
    if (alerts.length === 0) return 0;
    // A failed send throws: the job retries it rather than losing the day's alerts.
    await deps.mailer.send(reconciliationAlertsMail(to, alerts, `${deps.config.appUrl}/operador/alertas`));
    return alerts.length;
  }

  deps.jobs.register(RECONCILIATION_ALERTS_JOB, async () => void (await mailDailyAlerts()), {
    retryLimit: 3,
  });
  deps.jobs.schedule(RECONCILIATION_ALERTS_JOB, '0 8 * * *', MEXICO_TIME_ZONE);

  return { collect, mailDailyAlerts };
}

export type Reconciliation = ReturnType<typeof createReconciliation>;

import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { openFund } from '../../../test/helpers/petty-cash-flow.js';
import {
  approvedCashExpense,
  type ReplenishmentTeam,
  replenishmentTeam,
} from '../../../test/helpers/replenishment-flow.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { createReplenishmentAutomation } from './replenishment-auto.js';

/** The fund's custodian and its owner, in the describe block's app. */
function useTeam(t: ReturnType<typeof useTestApp>) {
  const team = {} as ReplenishmentTeam;
  beforeAll(async () => {
    Object.assign(team, await replenishmentTeam(t));
  });
  return team;
}

describe.each(testDatabaseKinds())('automatic replenishment requests on %s', (kind) => {
  describe('checked by the automation', () => {
    // The app's own job worker waits an hour between polls, so only the automation made here files
    // requests: otherwise the job of one approval could run between the next expense's spending
    // and its approval, and file a request without it (as it should, but not what this test asks).
    const t = useTestApp(kind, { env: { JOBS_POLL_SECONDS: '3600' } });
    const team = useTeam(t);

    it('files one when cash falls to the threshold, writes to the custodian and the managers, only once', async () => {
      const { owner, custodian, custodianId } = team;
      const queued: { organizationId: string; fundId: string }[] = [];
      const automation = createReplenishmentAutomation({
        db: t.database.db,
        mailer: t.mailer,
        jobs: {
          register: () => {},
          schedule: () => {},
          send: async (_name, data) => {
            queued.push(data as (typeof queued)[number]);
          },
        },
        config: { appUrl: 'http://localhost:3000' },
        log: { error: () => {} },
      });
      const fund = await openFund(owner.client, {
        custodianId,
        authorizedAmount: '1000.00',
        replenishmentThreshold: '300.00',
      });
      await approvedCashExpense(custodian.client, owner.client, fund.id, '500.00');
      expect(await automation.checkFund(owner.organizationId, fund.id)).toBeNull();
      await automation.sweep();
      expect(queued.some((job) => job.fundId === fund.id)).toBe(false);

      await approvedCashExpense(custodian.client, owner.client, fund.id, '250.00');
      await automation.sweep();
      expect(queued).toContainEqual({ organizationId: owner.organizationId, fundId: fund.id });
      const created = await automation.checkFund(owner.organizationId, fund.id);
      expect(created).toMatchObject({
        automatic: true,
        requestedBy: null,
        total: '750.00',
        status: 'requested',
      });
      expect(await automation.checkFund(owner.organizationId, fund.id)).toBeNull();

      const view = (await owner.client.get(`/api/v1/replenishments/${created?.id}`)).json();
      expect(view).toMatchObject({ automatic: true, requestedBy: null, itemCount: 2, total: '750.00' });
      const mails = t.mailer.sent.filter(
        (mail) => mail.subject === `Reposición ${view.folio} solicitada para ${fund.name}`,
      );
      expect(mails.map((mail) => mail.to).sort()).toEqual([custodian.email, owner.email].sort());
      expect(mails[0]?.text).toContain(`/app/reposiciones/${view.id}`);
      expect(mails[0]?.text).toContain('$750.00');

      // Nobody asked for it: whoever may approve does (the owner included).
      expect((await owner.client.post(`/api/v1/replenishments/${view.id}/approve`)).statusCode).toBe(200);
    });
  });

  describe('in the background', () => {
    const t = useTestApp(kind);
    const team = useTeam(t);

    it('an approval that leaves the fund at its threshold files the request', async () => {
      const { owner, custodian, custodianId } = team;
      const fund = await openFund(owner.client, {
        custodianId,
        authorizedAmount: '1000.00',
        replenishmentThreshold: '400.00',
      });
      await approvedCashExpense(custodian.client, owner.client, fund.id, '600.00');
      // The approval queued a job; the app's own job worker files the request.
      const found = await waitFor(
        async () => (await owner.client.get(`/api/v1/replenishments?fundId=${fund.id}`)).json().data,
        (data: unknown[]) => data.length > 0,
      );
      expect(found).toMatchObject([{ automatic: true, total: '600.00' }]);
    });
  });
});

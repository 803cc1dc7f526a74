import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFund } from '../../../test/helpers/petty-cash-flow.js';
import {
  approvedCashExpense,
  type ReplenishmentTeam,
  replenishmentTeam,
} from '../../../test/helpers/replenishment-flow.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { waitFor } from '../../../test/helpers/wait-for.js';
import { createReplenishmentAutomation } from './replenishment-auto.js';

describe.each(testDatabaseKinds())('automatic replenishment requests on %s', (kind) => {
  let t: TestApp;
  let owner: ReplenishmentTeam['owner'];
  let custodian: ReplenishmentTeam['custodian'];
  let custodianId: string;

  beforeAll(async () => {
    t = await buildTestApp(kind);
    ({ owner, custodian, custodianId } = await replenishmentTeam(t));
  });
  afterAll(async () => t.close());

  it('files one when cash falls to the threshold, writes to the custodian and the managers, only once', async () => {
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
    // The app's own job worker, queued by the approval, may have filed it already: either way the
    // fund ends with one automatic request, and checking again files nothing.
    const created = await automation.checkFund(owner.organizationId, fund.id);
    if (created) expect(created).toMatchObject({ automatic: true, requestedBy: null, status: 'requested' });
    const filed = await waitFor(
      async () => (await owner.client.get(`/api/v1/replenishments?fundId=${fund.id}`)).json().data,
      (data: { id: string }[]) => data.length > 0,
    );
    expect(filed).toMatchObject([{ automatic: true, total: '750.00', status: 'requested' }]);
    expect(await automation.checkFund(owner.organizationId, fund.id)).toBeNull();

    const view = (await owner.client.get(`/api/v1/replenishments/${filed[0]?.id}`)).json();
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

  it('an approval that leaves the fund at its threshold files the request in the background', async () => {
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

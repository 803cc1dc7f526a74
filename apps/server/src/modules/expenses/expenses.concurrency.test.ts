import { beforeAll, describe, expect, it } from 'vitest';
import { receivedCfdi, TEST_RECEIVER } from '../../../test/fakes/cfdi-factory.js';
import { addMember } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { multipartBody } from '../../../test/helpers/multipart.js';
import { membershipIdOf, openFund } from '../../../test/helpers/petty-cash-flow.js';
import { rollupDrift } from '../../../test/helpers/rollup-drift.js';

// I3 under real concurrency: only PostgreSQL runs requests in parallel (PGlite has one connection).
const onPostgres = !!process.env.TEST_DATABASE_URL;
if (!onPostgres)
  console.log('[tests] concurrency test skipped: TEST_DATABASE_URL is not set (needs PostgreSQL).');

describe.skipIf(!onPostgres)('concurrent cash expenses on postgres', () => {
  const t = useTestApp('postgres', { owner: true });
  let custodian: Awaited<ReturnType<typeof addMember>>;
  let custodianId: string;

  beforeAll(async () => {
    custodian = await addMember(t, t.owner.client, ['custodian']);
    custodianId = await membershipIdOf(t.owner.client, custodian.userId);
  });

  it('imports the same CFDI in two parallel requests exactly once; the other files of both are kept', async () => {
    await t.owner.client.request('PUT', '/api/v1/organization/fiscal-data', TEST_RECEIVER);
    const shared = receivedCfdi({ valorUnitario: '10.00' });
    const upload = (own: string) => {
      const { payload, contentType } = multipartBody(
        Array.from({ length: 30 }, (_, i) => ({
          name: `${own}-${i}.xml`,
          content: receivedCfdi().xml,
        })).concat([{ name: `${own}-compartido.xml`, content: shared.xml }]),
      );
      return custodian.client.request('POST', '/api/v1/expenses/import', payload, {
        headers: { 'content-type': contentType },
      });
    };
    await custodian.client.fetchCsrf();
    const responses = await Promise.all([upload('a'), upload('b')]);
    const results = responses.flatMap(
      (r) => r.json<{ results: { file: string; status: string }[] }>().results,
    );
    const sharedResults = results.filter((r) => r.file.endsWith('compartido.xml')).map((r) => r.status);
    expect(sharedResults.sort()).toEqual(['created', 'duplicate']);
    expect(
      results.filter((r) => !r.file.endsWith('compartido.xml')).every((r) => r.status === 'created'),
    ).toBe(true);
    // The dashboard's rollups, upserted by both imports' triggers, equal the expenses that stayed.
    expect(await rollupDrift(t.database.db, t.owner.organizationId)).toEqual([]);
  });

  it('lets N parallel expenses that overdraw the fund succeed exactly ⌊cash/amount⌋ times', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '1000.00' });
    await custodian.client.fetchCsrf();
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        custodian.client.post('/api/v1/expenses', {
          fundId: fund.id,
          date: '2026-11-20',
          concept: `Gasto concurrente ${i}`,
          subtotal: '300.00',
          total: '300.00',
          paymentMethod: 'fund_cash',
        }),
      ),
    );
    const statuses = attempts.map((response) => response.statusCode).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    const refused = attempts.filter((response) => response.statusCode !== 201);
    expect(refused).toHaveLength(9);
    for (const response of refused) {
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
      expect(response.json().detail).toMatch(/^Fondos insuficientes/);
    }
    const after = (await t.owner.client.get(`/api/v1/funds/${fund.id}`)).json();
    expect(after).toMatchObject({ cash: '100.00', pendingVouchers: '900.00', authorizedAmount: '1000.00' });
    expect(await rollupDrift(t.database.db, t.owner.organizationId)).toEqual([]);
  });
});

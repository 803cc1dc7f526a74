import { beforeAll, describe, expect, it } from 'vitest';
import { receivedCfdi, TEST_RECEIVER } from '../../../test/fakes/cfdi-factory.js';
import { addMember, signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { multipartBody } from '../../../test/helpers/multipart.js';
import { membershipIdOf, openFund } from '../../../test/helpers/petty-cash-flow.js';
import type { TestClient } from '../../../test/helpers/test-client.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('foto del ticket')]);

async function attach(client: TestClient, expenseId: string, name: string, content: Buffer | string) {
  const { payload, contentType } = multipartBody([{ name, content }], {}, 'file');
  return client.request('POST', `/api/v1/expenses/${expenseId}/attachments`, payload, {
    headers: { 'content-type': contentType },
  });
}

describe.each(testDatabaseKinds())('expense attachments on %s', (kind) => {
  const t = useTestApp(kind, { owner: true });
  let custodian: Awaited<ReturnType<typeof addMember>>;
  let fundId: string;

  beforeAll(async () => {
    await t.owner.client.request('PUT', '/api/v1/organization/fiscal-data', TEST_RECEIVER);
    custodian = await addMember(t, t.owner.client, ['custodian']);
    const custodianId = await membershipIdOf(t.owner.client, custodian.userId);
    fundId = (await openFund(t.owner.client, { custodianId, authorizedAmount: '3000.00' })).id;
  });

  const pendingInvoiceExpense = async () =>
    (
      await custodian.client.post('/api/v1/expenses', {
        fundId,
        date: '2026-11-20',
        concept: 'Tijeras',
        subtotal: '100.00',
        taxes: { ivaTransferred: '16.00' },
        total: '116.00',
        paymentMethod: 'fund_cash',
      })
    ).json<{ id: string; invoicePending: boolean }>();

  it('keeps a ticket photo with the expense and serves it back', async () => {
    const expense = await pendingInvoiceExpense();
    expect((await attach(custodian.client, expense.id, 'ticket.jpg', JPEG)).statusCode).toBe(200);
    const list = (await custodian.client.get(`/api/v1/expenses/${expense.id}/attachments`)).json().data;
    expect(list).toMatchObject([{ kind: 'receipt', contentType: 'image/jpeg', fileName: 'ticket.jpg' }]);
    const download = await custodian.client.get(`/api/v1/expenses/${expense.id}/attachments/${list[0].id}`);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.rawPayload.equals(JPEG)).toBe(true);
  });

  it('upgrades a "factura pendiente" expense when its CFDI XML is attached later', async () => {
    const expense = await pendingInvoiceExpense();
    const cfdi = receivedCfdi({ valorUnitario: '100.00' });
    const upgraded = await attach(custodian.client, expense.id, 'factura.xml', cfdi.xml);
    expect(upgraded.statusCode).toBe(200);
    expect(upgraded.json()).toMatchObject({
      invoicePending: false,
      cfdi: { uuid: cfdi.uuid },
      supplier: { rfc: 'EKU9003173C9' },
      taxes: { ivaTransferred: '16.000000' },
    });
    expect(upgraded.json().findings.map((f: { code: string }) => f.code)).not.toContain('MISSING_CFDI');
  });

  it('refuses the CFDI of another amount, a file that is no ticket, and a stranger', async () => {
    const expense = await pendingInvoiceExpense();
    const other = await attach(
      custodian.client,
      expense.id,
      'otra.xml',
      receivedCfdi({ valorUnitario: '99.00' }).xml,
    );
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('CFDI_TOTAL_MISMATCH');
    const exe = await attach(custodian.client, expense.id, 'foto.jpg', Buffer.from('MZ\x90\x00'));
    expect(exe.statusCode).toBe(415);
    const stranger = await signUpVerifiedOwner(t, { organizationName: 'Ajena' });
    expect((await attach(stranger.client, expense.id, 'ticket.jpg', JPEG)).statusCode).toBe(404);
    expect((await stranger.client.get(`/api/v1/expenses/${expense.id}/attachments`)).statusCode).toBe(404);
  });
});

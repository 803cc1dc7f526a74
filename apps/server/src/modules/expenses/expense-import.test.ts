import { beforeAll, describe, expect, it } from 'vitest';
import { receivedCfdi, TEST_RECEIVER } from '../../../test/fakes/cfdi-factory.js';
import { addMember } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { multipartBody } from '../../../test/helpers/multipart.js';
import { membershipIdOf, openFund } from '../../../test/helpers/petty-cash-flow.js';
import type { TestClient } from '../../../test/helpers/test-client.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { zipOf } from '../../../test/helpers/zip.js';

interface ImportResult {
  file: string;
  status: string;
  existingExpenseId?: string;
  expense?: {
    id: string;
    totalMxn: string;
    paymentMethod: string;
    categoryId: string | null;
    findings: { code: string }[];
  };
  findings: { code: string; severity: string; message: string }[];
}

async function importFiles(
  client: TestClient,
  files: { name: string; content: string | Buffer }[],
  fundId?: string,
) {
  const { payload, contentType } = multipartBody(files, fundId ? { fundId } : {});
  const response = await client.request('POST', '/api/v1/expenses/import', payload, {
    headers: { 'content-type': contentType },
  });
  return {
    response,
    results: response.statusCode === 200 ? response.json<{ results: ImportResult[] }>().results : [],
  };
}

describe.each(testDatabaseKinds())('CFDI import on %s', (kind) => {
  const t = useTestApp(kind, { owner: true });
  let custodian: Awaited<ReturnType<typeof addMember>>;
  let custodianId: string;

  beforeAll(async () => {
    await t.owner.client.request('PUT', '/api/v1/organization/fiscal-data', TEST_RECEIVER);
    custodian = await addMember(t, t.owner.client, ['custodian']);
    custodianId = await membershipIdOf(t.owner.client, custodian.userId);
  });

  it('imports a ZIP into a fund: one cash voucher per valid CFDI, the others with their reasons', async () => {
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '2000.00' });
    const valid = [receivedCfdi({ valorUnitario: '100.00' }), receivedCfdi({ valorUnitario: '250.00' })];
    const unstamped = receivedCfdi({ stamped: false });
    const tampered = receivedCfdi({ valorUnitario: '50.00' }).xml.replace('Total="58.00"', 'Total="5800.00"');
    const zip = await zipOf([
      { name: 'a.xml', content: valid[0]?.xml ?? '' },
      { name: 'b.xml', content: valid[1]?.xml ?? '' },
      { name: 'sin-timbre.xml', content: unstamped.xml },
      { name: 'alterado.xml', content: tampered },
      { name: 'basura.xml', content: 'esto no es XML' },
      { name: 'notas.txt', content: 'ignored' },
    ]);
    const { response, results } = await importFiles(
      custodian.client,
      [{ name: 'facturas.zip', content: zip }],
      fund.id,
    );
    expect(response.statusCode).toBe(200);
    const byFile = Object.fromEntries(results.map((r) => [r.file, r]));
    expect(byFile['facturas.zip/a.xml']).toMatchObject({
      status: 'created',
      expense: { totalMxn: '116.00', paymentMethod: 'fund_cash' },
    });
    expect(byFile['facturas.zip/b.xml']).toMatchObject({
      status: 'created',
      expense: { totalMxn: '290.00' },
    });
    expect(byFile['facturas.zip/sin-timbre.xml']?.findings[0]).toMatchObject({
      code: 'CFDI_NOT_STAMPED',
      severity: 'error',
    });
    expect(byFile['facturas.zip/alterado.xml']?.status).toBe('rejected');
    expect(byFile['facturas.zip/alterado.xml']?.findings.map((f) => f.code)).toContain('SEAL_MISMATCH');
    expect(byFile['facturas.zip/basura.xml']?.status).toBe('rejected');
    expect(results).toHaveLength(5);
    const after = (await t.owner.client.get(`/api/v1/funds/${fund.id}`)).json();
    expect(after).toMatchObject({ cash: '1594.00', pendingVouchers: '406.00' });
    const audit = (await t.owner.client.get('/api/v1/audit-log?limit=200')).json().data;
    const created = audit.filter((r: { action: string; targetId: string }) => r.action === 'expense.created');
    expect(created.map((r: { targetId: string }) => r.targetId)).toContain(
      byFile['facturas.zip/a.xml']?.expense?.id,
    );
    // The paper category comes from the CFDI's product key (44121618 = tijeras).
    expect(byFile['facturas.zip/a.xml']?.expense?.categoryId).not.toBeNull();
  });

  it('answers duplicate for a CFDI already imported, naming the existing expense', async () => {
    const cfdi = receivedCfdi();
    const first = await importFiles(custodian.client, [{ name: 'f.xml', content: cfdi.xml }]);
    expect(first.results[0]).toMatchObject({ status: 'created', expense: { paymentMethod: 'employee' } });
    const again = await importFiles(custodian.client, [
      { name: 'f-otra-vez.xml', content: cfdi.xml },
      { name: 'f-minusculas.xml', content: cfdi.xml.replace(cfdi.uuid, cfdi.uuid.toLowerCase()) },
    ]);
    for (const result of again.results) {
      expect(result).toMatchObject({ status: 'duplicate', existingExpenseId: first.results[0]?.expense?.id });
    }
  });

  it('flags a CFDI addressed to another RFC, and one of another fiscal year, without refusing it', async () => {
    const { results } = await importFiles(custodian.client, [
      {
        name: 'otro-rfc.xml',
        content: receivedCfdi({ receiverRfc: 'AAA010101AAA', receiverName: 'OTRA' }).xml,
      },
      { name: '2025.xml', content: receivedCfdi({ fecha: '2025-12-20T10:00:00' }).xml },
    ]);
    expect(results.map((r) => r.status)).toEqual(['created', 'created']);
    expect(results[0]?.findings.map((f) => f.code)).toContain('RECEIVER_RFC_MISMATCH');
    expect(results[1]?.findings.map((f) => f.code)).toContain('CFDI_OTHER_FISCAL_YEAR');
  });

  it('converts a foreign-currency CFDI to pesos with its TipoCambio', async () => {
    const { results } = await importFiles(custodian.client, [
      {
        name: 'usd.xml',
        content: receivedCfdi({ moneda: 'USD', tipoCambio: '18.5000', valorUnitario: '10.00' }).xml,
      },
    ]);
    // 10.00 + 16 % = 11.60 USD × 18.5 = 214.60 MXN
    expect(results[0]).toMatchObject({ status: 'created', expense: { totalMxn: '214.60' } });
  });

  it('refuses a nota de crédito, a cash import beyond the fund, and a ZIP bomb', async () => {
    const nota = receivedCfdi({ tipoDeComprobante: 'E' });
    const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '100.00' });
    const { results } = await importFiles(
      custodian.client,
      [
        { name: 'nota.xml', content: nota.xml },
        { name: 'cara.xml', content: receivedCfdi({ valorUnitario: '500.00' }).xml },
        {
          name: 'bomba.zip',
          content: await zipOf([{ name: 'b.xml', content: Buffer.alloc(5 * 1024 * 1024, 0x20) }]),
        },
      ],
      fund.id,
    );
    const codes = Object.fromEntries(results.map((r) => [r.file, r.findings[0]?.code]));
    expect(codes).toEqual({
      'nota.xml': 'CFDI_TYPE_NOT_EXPENSE',
      'cara.xml': 'INSUFFICIENT_FUNDS',
      'bomba.zip': 'ZIP_BOMB',
    });
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect((await t.owner.client.get(`/api/v1/funds/${fund.id}`)).json().cash).toBe('100.00');
  });

  it('refuses a request without files, or into a fund the person cannot use', async () => {
    const none = await importFiles(custodian.client, []);
    expect(none.response.statusCode).toBe(400);
    expect(none.response.json().code).toBe('NO_FILES');
    const ownerFund = await openFund(t.owner.client, {
      custodianId: await membershipIdOf(t.owner.client, t.owner.userId),
    });
    const foreign = await importFiles(
      custodian.client,
      [{ name: 'x.xml', content: receivedCfdi().xml }],
      ownerFund.id,
    );
    expect(foreign.response.statusCode).toBe(404);
  });
});

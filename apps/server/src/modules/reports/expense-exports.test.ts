import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receivedCfdi, TEST_RECEIVER } from '../../../test/fakes/cfdi-factory.js';
import { addMember, signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { multipartBody } from '../../../test/helpers/multipart.js';
import { membershipIdOf, openFund } from '../../../test/helpers/petty-cash-flow.js';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import type { TestClient } from '../../../test/helpers/test-client.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { exportedExpenseBatches } from './exported-expenses.js';

const ticket = (change: Record<string, unknown>) => ({
  concept: 'Compra',
  paymentMethod: 'employee',
  date: '2026-11-10',
  subtotal: change.total ?? '100.00',
  total: '100.00',
  ...change,
});

/** CSV lines without the byte order mark, split on CRLF. */
const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

describe.each(testDatabaseKinds())('expense exports on %s', (kind) => {
  let t: TestApp;
  let owner: Awaited<ReturnType<typeof signUpVerifiedOwner>>;
  let cfdiUuid: string;

  const download = (client: TestClient, query: string) => client.get(`/api/v1/exports/expenses?${query}`);

  beforeAll(async () => {
    t = await buildTestApp(kind);
    owner = await signUpVerifiedOwner(t);
    await owner.client.request('PUT', '/api/v1/organization/fiscal-data', TEST_RECEIVER);
    const fund = await openFund(owner.client, {
      custodianId: await membershipIdOf(owner.client, owner.userId),
      authorizedAmount: '10000.00',
    });
    const cfdi = receivedCfdi({ valorUnitario: '2500.00', fecha: '2026-11-05T10:00:00' });
    cfdiUuid = cfdi.uuid;
    const { payload, contentType } = multipartBody([{ name: 'factura.xml', content: cfdi.xml }], {
      fundId: fund.id,
    });
    const imported = await owner.client.request('POST', '/api/v1/expenses/import', payload, {
      headers: { 'content-type': contentType },
    });
    expect(imported.json().results[0].status).toBe('created');
    await owner.client.post('/api/v1/expenses', ticket({ concept: 'Café, "de grano"', date: '2026-11-20' }));
    await owner.client.post(
      '/api/v1/expenses',
      ticket({ concept: '=HYPERLINK("http://x")', date: '2026-10-02' }),
    );
  });
  afterAll(async () => t.close());

  it('exports CSV with a Spanish file name, the CFDI UUID, supplier, totals, status and findings', async () => {
    const response = await download(owner.client, 'format=csv&from=2026-10-01&to=2026-11-30');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="gastos-2026-10-01-al-2026-11-30.csv"',
    );
    const [header, ...rows] = csvLines(response.body);
    expect(header).toContain('Fecha,Id del gasto,UUID del CFDI,RFC del proveedor,Proveedor,Concepto');
    expect(rows).toHaveLength(3);
    // Oldest first; a formula-like concept is written as text, quotes are doubled.
    expect(rows[0]).toMatch(/^2026-10-02,.*,"'=HYPERLINK\(""http:\/\/x""\)",/);
    expect(rows[1]).toContain(cfdiUuid);
    expect(rows[1]).toContain('EKU9003173C9,ESCUELA KEMPER URGATE');
    expect(rows[1]).toContain('2900.00');
    expect(rows[1]).toContain('CASH_OVER_LIMIT');
    expect(rows[1]).toContain('Borrador');
    expect(rows[2]).toContain('"Café, ""de grano"""');
  });

  it('answers an empty range with the header row only, not an error', async () => {
    const response = await download(owner.client, 'format=csv&from=2020-01-01&to=2020-01-31');
    expect(response.statusCode).toBe(200);
    expect(response.body.startsWith('\uFEFFFecha,')).toBe(true);
    expect(csvLines(response.body)).toHaveLength(1);
  });

  it('exports an XLSX that a spreadsheet reads back, amounts as numbers', async () => {
    const response = await download(owner.client, 'format=xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/filename="gastos-al-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Gastos');
    expect(sheet?.getRow(1).getCell(3).value).toBe('UUID del CFDI');
    expect(sheet?.rowCount).toBe(4);
    const row = sheet?.getRow(3);
    expect(row?.getCell(3).value).toBe(cfdiUuid);
    expect(row?.getCell(20).value).toBe(2900);
    const empty = await download(owner.client, 'format=xlsx&from=2020-01-01&to=2020-01-31');
    const emptyBook = new ExcelJS.Workbook();
    await emptyBook.xlsx.load(empty.rawPayload as unknown as ArrayBuffer);
    expect(emptyBook.getWorksheet('Gastos')?.rowCount).toBe(1);
  });

  it('exports a PDF', async () => {
    const response = await download(owner.client, 'format=pdf&from=2026-11-01');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/filename="gastos-2026-11-01-al-.*\.pdf"/);
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(response.rawPayload.subarray(-6).toString()).toContain('%%EOF');
  });

  it("never exports another organization's expenses; readers only", async () => {
    const other = await signUpVerifiedOwner(t, { organizationName: 'Otra' });
    await other.client.post(
      '/api/v1/expenses',
      ticket({ concept: 'Gasto ajeno', total: '77.00', subtotal: '77.00' }),
    );
    const theirs = csvLines((await download(other.client, 'format=csv')).body);
    expect(theirs).toHaveLength(2);
    expect(theirs[1]).toContain('Gasto ajeno');
    const ours = (await download(owner.client, 'format=csv')).body;
    expect(ours).not.toContain('Gasto ajeno');
    const employee = await addMember(t, owner.client, ['employee']);
    expect((await download(employee.client, 'format=csv')).statusCode).toBe(403);
    expect((await download(owner.client, 'format=docx')).statusCode).toBe(400);
  });

  it('reads every expense exactly once across keyset batches, oldest first', async () => {
    const scope = { organizationId: owner.organizationId, userId: owner.userId };
    const seen: string[] = [];
    for await (const batch of exportedExpenseBatches(t.database.db, scope, {}, 2)) {
      expect(batch.length).toBeLessThanOrEqual(2);
      seen.push(...batch.map((row) => `${row.date} ${row.id}`));
    }
    expect(seen).toHaveLength(3);
    expect([...seen].sort()).toEqual(seen);
  });
});

import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { receivedCfdi } from '../../../test/fakes/cfdi-factory.js';
import { addMember } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import {
  approvedCfdiExpenses,
  type PaidReplenishment,
  paidReplenishment,
  pettyCashOrganization,
} from '../../../test/helpers/paid-replenishment-flow.js';
import type { TestClient } from '../../../test/helpers/test-client.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';

/** Every cell's text of a sheet, row by row. */
async function sheetTexts(body: Buffer, name: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const texts: string[] = [];
  workbook.getWorksheet(name)?.eachRow((row) => {
    texts.push(
      (row.values as unknown[]).map((value) => (value === undefined ? '' : String(value))).join('|'),
    );
  });
  return texts;
}

describe.each(testDatabaseKinds())('replenishment report on %s', (kind) => {
  const t = useTestApp(kind);
  let owner: TestClient;
  let custodian: TestClient;
  let custodianName: string;
  let paid: PaidReplenishment;
  let requestedId: string;
  const uuids: string[] = [];

  beforeAll(async () => {
    const organization = await pettyCashOrganization(t, { fundName: 'Caja Sucursal Norte' });
    owner = organization.owner.client;
    custodian = organization.custodian.client;
    custodianName = 'Miembro de Prueba';
    // Cash over $2,000 is not deductible (LISR art. 27 fr. III): a finding the report must show.
    const cfdis = [
      receivedCfdi({ valorUnitario: '100.00' }),
      receivedCfdi({ valorUnitario: '2000.00', formaPago: '01' }),
    ];
    uuids.push(...cfdis.map((cfdi) => cfdi.uuid));
    await approvedCfdiExpenses(
      custodian,
      organization.fund.id,
      cfdis.map((cfdi) => cfdi.xml),
    );
    paid = await paidReplenishment(custodian, owner, organization.fund.id);
    await approvedCfdiExpenses(custodian, organization.fund.id, [
      receivedCfdi({ valorUnitario: '50.00' }).xml,
    ]);
    const requested = await custodian.post('/api/v1/replenishments', { fundId: organization.fund.id });
    requestedId = requested.json<{ id: string }>().id;
  });

  const report = (client: TestClient, id: string, format = 'pdf') =>
    client.get(`/api/v1/replenishments/${id}/report?format=${format}`);

  it('downloads the PDF report with its Spanish file name', async () => {
    const response = await report(owner, paid.id);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="reposicion-${paid.folio}.pdf"`,
    );
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // To look at it: REPORT_PDF=/tmp/reporte.pdf npx vitest run … then pdftoppm -png /tmp/reporte.pdf /tmp/reporte
    if (process.env.REPORT_PDF) writeFileSync(process.env.REPORT_PDF, response.rawPayload);
  });

  it('the XLSX report lists the vouchers with UUIDs and findings, totals by category, signatures and the póliza', async () => {
    const response = await report(owner, paid.id, 'xlsx');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="reposicion-${paid.folio}.xlsx"`,
    );
    const sheet = (await sheetTexts(response.rawPayload, 'Reposición')).join('\n');
    for (const uuid of uuids) expect(sheet).toContain(uuid);
    expect(sheet).toContain('Caja Sucursal Norte');
    expect(sheet).toContain('Papelería y artículos de oficina');
    expect(sheet).toMatch(/\|2\|Papelería y artículos de oficina\|+2436/);
    expect(sheet).toContain('(LISR art. 27, fr. III)');
    expect(sheet).toContain(`|${custodianName}|`);
    expect(sheet).toContain('Responsable de la caja||Aprobó||Pagó');
    const journal = (await sheetTexts(response.rawPayload, 'Póliza')).join('\n');
    expect(journal).toContain(`Póliza de egresos EG-${paid.folio}`);
    expect(journal).toContain(`601.55|Papelería y artículos de oficina`);
    expect(journal).toContain('Sumas iguales|2436|2436');
  });

  it("the fund's custodian gets the report of a replenishment not yet paid, with the póliza it will book", async () => {
    const response = await report(custodian, requestedId, 'xlsx');
    expect(response.statusCode).toBe(200);
    const journal = (await sheetTexts(response.rawPayload, 'Póliza')).join('\n');
    expect(journal).toContain('Se registra al pagar');
    expect(journal).toContain('Sumas iguales|58|58');
  });

  it("is not found for a custodian of another fund, and refuses a format it doesn't make", async () => {
    const stranger = await addMember(t, owner, ['custodian']);
    expect((await report(stranger.client, paid.id)).statusCode).toBe(404);
    const wrong = await report(owner, paid.id, 'docx');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toBeTruthy();
  });
});

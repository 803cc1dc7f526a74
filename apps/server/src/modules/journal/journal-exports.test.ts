import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { receivedCfdi } from '../../../test/fakes/cfdi-factory.js';
import { addMember, type signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import {
  approvedCfdiExpenses,
  type PaidReplenishment,
  paidReplenishment,
  pettyCashOrganization,
} from '../../../test/helpers/paid-replenishment-flow.js';
import { validatePolizasXml } from '../../../test/helpers/sat-polizas-xsd.js';
import type { TestClient } from '../../../test/helpers/test-client.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { money, sumMoney } from '../../platform/money.js';
import { DEFAULT_JOURNAL_ACCOUNTS } from './journal-accounts.js';
import { paidEntryBatches } from './journal-source.js';

/** RFC 4180 rows (quoted fields may hold commas and quotes). */
function csvRows(body: string): string[][] {
  return body
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1] ?? ''))
    .map((fields) =>
      fields.slice(0, -1).map((f) => (f.startsWith('"') ? f.slice(1, -1).replaceAll('""', '"') : f)),
    );
}

async function sheetRows(body: Buffer, sheetName?: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** This month in Mexico City, first to last day (the payments of the tests are today). */
function monthRange() {
  const [year, month] = mexicoCityDate(new Date()).split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return `from=${last.slice(0, 8)}01&to=${last}`;
}

describe.each(testDatabaseKinds())('journal exports on %s', (kind) => {
  const t = useTestApp(kind);
  let owner: Awaited<ReturnType<typeof signUpVerifiedOwner>>;
  let accountant: TestClient;
  let custodian: TestClient;
  let paid: PaidReplenishment;
  let second: PaidReplenishment;
  const uuids: string[] = [];
  let otherUuid: string;
  let otherReplenishmentId: string;

  beforeAll(async () => {
    const organization = await pettyCashOrganization(t, { fundName: 'Caja Matriz' });
    owner = organization.owner;
    custodian = organization.custodian.client;
    const fund = organization.fund;
    accountant = (await addMember(t, owner.client, ['accountant'])).client;
    const cfdis = [
      receivedCfdi({ valorUnitario: '100.00' }),
      receivedCfdi({ valorUnitario: '250.00' }),
      receivedCfdi({ valorUnitario: '10.00', moneda: 'USD', tipoCambio: '17.50' }),
    ];
    uuids.push(...cfdis.map((cfdi) => cfdi.uuid));
    await approvedCfdiExpenses(
      custodian,
      fund.id,
      cfdis.map((cfdi) => cfdi.xml),
    );
    // 116 + 290 + 203 spent leaves 4,391.00; 4,300.00 counted is a 91.00 shortage.
    const counted = await custodian.post(`/api/v1/funds/${fund.id}/cash-counts`, {
      counts: [
        { kind: 'bill', denomination: '1000', quantity: 4 },
        { kind: 'bill', denomination: '200', quantity: 1 },
        { kind: 'bill', denomination: '100', quantity: 1 },
      ],
    });
    expect(counted.json()).toMatchObject({ difference: '-91.00' });
    paid = await paidReplenishment(custodian, owner.client, fund.id);
    // A second paid replenishment: exports read them in batches by payment date and folio.
    await approvedCfdiExpenses(custodian, fund.id, [receivedCfdi({ valorUnitario: '20.00' }).xml]);
    second = await paidReplenishment(custodian, owner.client, fund.id);

    // Another organization with a paid replenishment of its own.
    const other = await pettyCashOrganization(t, { name: 'Otra Organización' });
    const otherCfdi = receivedCfdi({ valorUnitario: '40.00' });
    otherUuid = otherCfdi.uuid;
    await approvedCfdiExpenses(other.custodian.client, other.fund.id, [otherCfdi.xml]);
    otherReplenishmentId = (
      await paidReplenishment(other.custodian.client, other.owner.client, other.fund.id)
    ).id;
  });

  const download = (client: TestClient, query: string) => client.get(`/api/v1/exports/journal?${query}`);

  it("books the paid replenishment's póliza: balanced, by category, IVA, shortage and bank, with each UUID", async () => {
    expect(paid.total).toBe('700.00');
    const response = await download(accountant, `format=csv&${monthRange()}`);
    expect(response.statusCode).toBe(200);
    const [header, ...all] = csvRows(response.body);
    const lines = all.filter((line) => line[0] === `EG-${paid.folio}`);
    expect(header).toEqual([
      'Póliza',
      'Folio de reposición',
      'Fecha de pago',
      'Caja',
      'Cuenta',
      'Nombre de la cuenta',
      'Concepto',
      'Debe',
      'Haber',
      'UUID',
      'RFC',
      'Total del CFDI',
      'Moneda',
      'Referencia de pago',
    ]);
    const booked = lines.map((line) => ({
      account: line[4],
      debit: line[7] ?? '',
      credit: line[8] ?? '',
      uuid: line[9],
    }));
    expect(sumMoney(booked.map((line) => line.debit)).toFixed(2)).toBe('700.00');
    expect(sumMoney(booked.map((line) => line.credit)).toFixed(2)).toBe('700.00');
    expect(booked).toEqual(
      expect.arrayContaining([
        { account: '601.55', debit: '100.00', credit: '0.00', uuid: uuids[0] },
        { account: '118.01', debit: '16.00', credit: '0.00', uuid: uuids[0] },
        { account: '601.55', debit: '175.00', credit: '0.00', uuid: uuids[2] },
        { account: '118.01', debit: '28.00', credit: '0.00', uuid: uuids[2] },
        { account: '703.21', debit: '91.00', credit: '0.00', uuid: '' },
        { account: '102.01', debit: '0.00', credit: '700.00', uuid: '' },
      ]),
    );
    expect(new Set(all.map((line) => line[0]))).toEqual(new Set([`EG-${paid.folio}`, `EG-${second.folio}`]));
    expect(lines.find((line) => line[9] === uuids[2])?.slice(10, 13)).toEqual([
      'EKU9003173C9',
      '11.60',
      'USD',
    ]);
  });

  it.each([
    ['csv', 'text/csv; charset=utf-8', /^polizas-\d{4}-\d{2}-01-al-\d{4}-\d{2}-\d{2}\.csv$/],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', /^polizas-.*\.xlsx$/],
    [
      'contpaqi',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      /^polizas-contpaqi-.*\.xlsx$/,
    ],
    [
      'aspel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      /^polizas-aspel-coi-.*\.xlsx$/,
    ],
    [
      'sat-xml&tipoSolicitud=AF&numOrden=ABC1234567/26',
      'application/xml; charset=utf-8',
      /^MCI7306249Y1\d{6}PL\.xml$/,
    ],
  ])(
    'downloads format=%s with its content type and a Spanish file name',
    async (format, contentType, name) => {
      const response = await download(accountant, `format=${format}&${monthRange()}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(contentType);
      const fileName = /attachment; filename="([^"]+)"/.exec(
        String(response.headers['content-disposition']),
      )?.[1];
      expect(fileName).toMatch(name);
    },
  );

  it('the accountant downloads the journal XLSX with the CFDI UUIDs', async () => {
    const rows = await sheetRows((await download(accountant, 'format=xlsx')).rawPayload);
    expect(rows[0]?.slice(0, 3)).toEqual(['Póliza', 'Folio de reposición', 'Fecha de pago']);
    const column = rows.map((row) => row[9]);
    for (const uuid of uuids) expect(column).toContain(uuid);
    const debits = sumMoney(rows.slice(1).map((row) => String(row[7])));
    expect(debits.equals(sumMoney(rows.slice(1).map((row) => String(row[8]))))).toBe(true);
  });

  it('writes the CONTPAQi layout: legend, P, M1 with AM, and one AD per CFDI', async () => {
    const rows = await sheetRows((await download(accountant, 'format=contpaqi')).rawPayload);
    expect(rows[0]?.[0]).toBe('Póliza(P)');
    const records = rows.slice(4);
    expect(records[0]?.slice(0, 5)).toEqual(['P', expect.any(Date), 2, paid.folio, 1]);
    const movements = records.filter((row) => row[0] === 'M1' && row[2] === `REP${paid.folio}`);
    const credits = movements.filter((row) => row[3] === 1).map((row) => money(String(row[4])));
    expect(sumMoney(credits).toFixed(2)).toBe('700.00');
    expect(records.filter((row) => row[0] === 'AD').map((row) => row[1])).toEqual(
      expect.arrayContaining(uuids),
    );
  });

  it("writes the SAT's PolizasPeriodo 1.3 XML, valid against the SAT schema, with CompNal UUIDs", async () => {
    const response = await download(
      accountant,
      `format=sat-xml&tipoSolicitud=DE&numTramite=AB123456789012&${monthRange()}`,
    );
    const verdict = validatePolizasXml(response.body);
    expect(verdict.errors).toBe('');
    for (const uuid of uuids) expect(response.body).toContain(`UUID_CFDI="${uuid}"`);
    expect(response.body).toContain('TipoSolicitud="DE" NumTramite="AB123456789012"');
    expect(response.body).toContain('Moneda="USD" TipCamb="17.5"');
  });

  it('a range without payments gives the headers only; the SAT XML refuses an empty month', async () => {
    const range = 'from=2020-01-01&to=2020-01-31';
    expect(csvRows((await download(accountant, `format=csv&${range}`)).body)).toHaveLength(1);
    expect(await sheetRows((await download(accountant, `format=xlsx&${range}`)).rawPayload)).toHaveLength(1);
    const empty = await download(
      accountant,
      `format=sat-xml&tipoSolicitud=AF&numOrden=ABC1234567/26&${range}`,
    );
    expect(empty.statusCode).toBe(422);
    expect(empty.json()).toMatchObject({
      code: 'JOURNAL_MONTH_WITHOUT_POLIZAS',
      detail: expect.stringContaining('enero de 2020'),
    });
  });

  it.each([
    ['format=pdf', 'format'],
    ['format=sat-xml&from=2026-05-01&to=2026-06-30&tipoSolicitud=AF&numOrden=ABC1234567/26', 'from'],
    [`format=sat-xml&${'from=2026-06-01&to=2026-06-30'}`, 'tipoSolicitud'],
    ['format=sat-xml&from=2026-06-01&to=2026-06-30&tipoSolicitud=AF', 'numOrden'],
    ['format=sat-xml&from=2026-06-01&to=2026-06-30&tipoSolicitud=CO&numTramite=123', 'numTramite'],
    ['format=csv&from=2026-06-30&to=2026-06-01', 'to'],
  ])('refuses %s with a Spanish 400 naming %s', async (query, path) => {
    const response = await download(accountant, query);
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: `querystring.${path}` })]),
    );
  });

  it('reads the pólizas in keyset batches, by payment date and folio', async () => {
    const scope = { organizationId: owner.organizationId, userId: owner.userId };
    const batches: number[][] = [];
    for await (const entries of paidEntryBatches(t.database.db, scope, {}, DEFAULT_JOURNAL_ACCOUNTS, 1)) {
      batches.push(entries.map((entry) => entry.folio));
    }
    expect(batches).toEqual([[paid.folio], [second.folio]]);
    // A batch also ends before the replenishment that would take it past its vouchers.
    const byVouchers: number[][] = [];
    for await (const entries of paidEntryBatches(t.database.db, scope, {}, DEFAULT_JOURNAL_ACCOUNTS, 10, 1)) {
      byVouchers.push(entries.map((entry) => entry.folio));
    }
    expect(byVouchers).toEqual([[paid.folio], [second.folio]]);
  });

  it("never shows another organization's pólizas or reports", async () => {
    const body = (await download(accountant, 'format=csv')).body;
    expect(body).not.toContain(otherUuid);
    expect(body).toContain(uuids[0]);
    const report = await accountant.get(`/api/v1/replenishments/${otherReplenishmentId}/report`);
    expect(report.statusCode).toBe(404);
  });

  it.each([['custodian'], ['approver'], ['employee']])('a %s (no exports.read) gets 403', async (role) => {
    const member = await addMember(t, owner.client, [role]);
    expect((await download(member.client, 'format=csv')).statusCode).toBe(403);
  });
});

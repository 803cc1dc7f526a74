import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { receivedCfdi, TEST_RECEIVER } from '../../../test/fakes/cfdi-factory.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { multipartBody } from '../../../test/helpers/multipart.js';
import type { TestClient } from '../../../test/helpers/test-client.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { supplierListRefresher } from '../expenses/index.js';
import { createSat69bService, lookup69b } from './sat-69b.service.js';
import { scheduleSat69bDownload } from './sat-69b-download.js';

const SAMPLE = new URL(
  '../../../../../../shared/fixtures/69b/Listado_Completo_69-B.muestra.csv',
  import.meta.url,
);

/** The sample's two information lines and header, then these rows (RFC, name, situation). */
function listWith(rows: [string, string, string][]): Buffer {
  const head = readFileSync(SAMPLE).toString('latin1').split('\r\n').slice(0, 3);
  const body = rows.map(
    ([rfc, name, situation], i) => `${i + 1},${rfc},"${name}",${situation}${','.repeat(16)}`,
  );
  return Buffer.from([...head, ...body, ''].join('\r\n'), 'latin1');
}

async function* chunks(buffer: Buffer) {
  yield buffer;
}

async function importCfdi(client: TestClient, xml: string) {
  const { payload, contentType } = multipartBody([{ name: 'f.xml', content: xml }]);
  const response = await client.request('POST', '/api/v1/expenses/import', payload, {
    headers: { 'content-type': contentType },
  });
  const [result] = response.json<{ results: { expense: { id: string }; findings: { code: string }[] }[] }>()
    .results;
  return result ? { id: result.expense.id, findings: result.findings } : undefined;
}

const codesOf = async (client: TestClient, id: string) =>
  (await client.get(`/api/v1/expenses/${id}`)).json().findings.map((f: { code: string }) => f.code);

describe.each(testDatabaseKinds())('SAT 69-B list on %s', (kind) => {
  const t = useTestApp(kind, { owner: true });
  let service: ReturnType<typeof createSat69bService>;

  beforeAll(async () => {
    await t.owner.client.request('PUT', '/api/v1/organization/fiscal-data', TEST_RECEIVER);
    const db = t.database.db;
    service = createSat69bService({
      db,
      refreshOrganization: supplierListRefresher(db, lookup69b),
    });
  });

  it("imports SAT's file (cp1252, information lines) and reads every taxpayer", async () => {
    const result = await service.importList(chunks(readFileSync(SAMPLE)), 'muestra.csv');
    expect(result.taxpayers).toBeGreaterThanOrEqual(3);
    expect(result.invalidRows).toEqual([]);
    expect((await service.lastImport())?.source).toBe('muestra.csv');
  });

  it('flags existing expenses of a supplier that enters the list, and clears them when it leaves', async () => {
    await service.importList(
      chunks(listWith([['XIQB891116QE4', 'OTRA, S.A.', 'Definitivo']])),
      'sin-eku.csv',
    );
    const expense = await importCfdi(t.owner.client, receivedCfdi().xml);
    if (!expense) throw new Error('import failed');
    expect(expense.findings.map((f) => f.code)).not.toContain('SUPPLIER_69B_DEFINITIVO');

    const flagged = await service.importList(
      chunks(listWith([['EKU9003173C9', 'ESCUELA KEMPER URGATE', 'Definitivo']])),
      'con-eku.csv',
    );
    expect(flagged.expensesReflagged).toBeGreaterThanOrEqual(1);
    expect(await codesOf(t.owner.client, expense.id)).toContain('SUPPLIER_69B_DEFINITIVO');

    await service.importList(
      chunks(listWith([['EKU9003173C9', 'ESCUELA KEMPER URGATE', 'Desvirtuado']])),
      'd.csv',
    );
    expect(await codesOf(t.owner.client, expense.id)).not.toContain('SUPPLIER_69B_DEFINITIVO');
  });

  it('flags a listed supplier on intake', async () => {
    await service.importList(
      chunks(listWith([['EKU9003173C9', 'ESCUELA KEMPER URGATE', 'Presunto']])),
      'p.csv',
    );
    const expense = await importCfdi(t.owner.client, receivedCfdi().xml);
    expect(expense?.findings.map((f) => f.code)).toContain('SUPPLIER_69B_PRESUNTO');
  });

  it('downloads the list from the configured URL (a server on 127.0.0.1 standing in for SAT)', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end(listWith([['EKU9003173C9', 'ESCUELA KEMPER URGATE', 'Definitivo']]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/Listado_Completo_69-B.csv`;
    try {
      const job = scheduleSat69bDownload({
        url,
        sat69b: service,
        jobs: { register: () => {}, schedule: () => {} },
        log: { info: () => {} },
      });
      expect((await job.download()).taxpayers).toBe(1);
      expect((await service.lastImport())?.source).toBe(url);
    } finally {
      server.close();
    }
  });

  it('refuses a file that is not the list, keeping the current one', async () => {
    await expect(
      service.importList(chunks(Buffer.from('hola,mundo\n1,2\n')), 'otro.csv'),
    ).rejects.toMatchObject({
      code: 'SAT_69B_INVALID_FILE',
    });
    expect((await service.lastImport())?.source).toMatch(/Listado_Completo_69-B\.csv$/);
  });
});

/**
 * Imports N generated CFDIs (one ZIP, default 10,000) through the API of the built server on
 * PostgreSQL, with every check on and the SAT status service faked on 127.0.0.1. Prints the
 * import's time, files/s and the server's peak RSS. Goals: < 30 s, < 300 MB.
 * Needs `npm run build` and PostgreSQL (BENCH_DATABASE_URL, default the local server).
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { receivedCfdi, TEST_RECEIVER } from '../apps/server/test/fakes/cfdi-factory.js';
import { startFakeSatStatusServer } from '../apps/server/test/fakes/fake-sat-status-server.js';
import { zipOf } from '../apps/server/test/helpers/zip.js';
import { ApiClient } from '../e2e/helpers/api-client.js';
import { startServer } from '../e2e/helpers/server.js';

const COUNT = Number(process.env.COUNT ?? 10_000);
const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function rssPeakMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
}

async function main() {
  const dbName = `cajachica_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const databaseUrl = Object.assign(new URL(BASE_URL), { pathname: `/${dbName}` }).toString();
  console.log(`bench/import: generating ${COUNT.toLocaleString('en')} sealed and stamped CFDIs…`);
  const entries = Array.from({ length: COUNT }, (_, i) => ({
    name: `facturas/${i}.xml`,
    content: receivedCfdi({ valorUnitario: `${(i % 90) + 10}.00` }).xml,
  }));
  const zip = await zipOf(entries);

  const sat = await startFakeSatStatusServer();
  const server = await startServer(
    { DATABASE_URL: databaseUrl, SAT_STATUS_SERVICE: 'online', SAT_STATUS_URL: sat.url },
    { needsWebApp: false },
  );
  try {
    const client = new ApiClient(server.url);
    const email = `bench.${Date.now()}@example.mx`;
    await client.signUpOwner({
      email,
      password: 'contraseña-segura-1',
      name: 'Bench',
      organizationName: 'Bench',
    });
    await client.request('PUT', '/api/v1/organization/fiscal-data', TEST_RECEIVER);
    const me = await client.request('GET', '/api/v1/members');
    const fund = await client.request('POST', '/api/v1/funds', {
      name: 'Caja bench',
      custodianId: me.data[0].id,
      authorizedAmount: '2000000.00',
    });

    const form = new FormData();
    form.append('fundId', fund.id);
    form.append('files', new Blob([zip]), 'facturas.zip');
    const baselineMb = rssPeakMb(server.pid);
    const started = performance.now();
    const { results } = await client.request('POST', '/api/v1/expenses/import', form);
    const seconds = (performance.now() - started) / 1000;
    const created = results.filter((r: { status: string }) => r.status === 'created').length;
    const after = await client.request('GET', `/api/v1/funds/${fund.id}`);
    console.log(
      `ZIP ${(zip.length / 1048576).toFixed(1)} MB, ${COUNT} CFDIs: ${created} created, cash left ${after.cash}`,
    );
    console.log(`import time                ${seconds.toFixed(1)} s (goal < 30)`);
    console.log(`throughput                 ${(COUNT / seconds).toFixed(0)} files/s`);
    console.log(
      `server peak RSS            ${rssPeakMb(server.pid).toFixed(0)} MB (goal < 300; ${baselineMb.toFixed(0)} MB before the import)`,
    );
    if (created !== COUNT) throw new Error(`only ${created} of ${COUNT} created`);
  } finally {
    await server.stop();
    await sat.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

await main();

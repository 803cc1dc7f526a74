/**
 * Reports at scale on PostgreSQL: ORGS organizations (default 10,000) and EXPENSES expenses
 * (default 1,000,000), one organization much larger (every LARGE_SHARE-th expense, default 20:
 * 50,000). Measures, for the large organization:
 * - the dashboard summary through the service the API uses (same pg pool, same withTenant
 *   transaction) against `SELECT 1` run the same way; goal ≤ 5×;
 * - each export streamed by the built server over HTTP: rows/s and the server's peak RSS;
 *   goals ≥ 20,000 rows/s and < 300 MB. (Add the journal export to EXPORTS when it exists.)
 * Needs `npm run build` and PostgreSQL (BENCH_DATABASE_URL, default the local server). Creates its
 * own database and drops it at the end (BENCH_KEEP_DATABASE=1 keeps it, to EXPLAIN queries).
 * Bounded: RUNS timed runs per query (default 30).
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createReportsService } from '../apps/server/src/modules/reports/index.js';
import type { Actor } from '../apps/server/src/platform/auth/actor.js';
// The request decorations the routes reached through the service's imports are typed against.
import type {} from '../apps/server/src/platform/auth/authenticate.js';
import { openDatabase } from '../apps/server/src/platform/db/database.js';
import { withTenant } from '../apps/server/src/platform/tenancy.js';
import { ApiClient } from '../e2e/helpers/api-client.js';
import { startServer } from '../e2e/helpers/server.js';
import { generateReportData, type LargeOrganization } from './reports-data.js';

const ORGS = Number(process.env.ORGS ?? 10_000);
const EXPENSES = Number(process.env.EXPENSES ?? 1_000_000);
const LARGE_SHARE = Number(process.env.LARGE_SHARE ?? 20);
const RUNS = Number(process.env.RUNS ?? 30);
const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const EMAIL = 'contabilidad@grande.example.mx';
const PASSWORD = 'contraseña-segura-1';

/** The exports measured; the journal export joins this list when it is built. */
const EXPORTS = [
  { name: 'expenses CSV', path: '/api/v1/exports/expenses?format=csv' },
  { name: 'expenses XLSX', path: '/api/v1/exports/expenses?format=xlsx' },
  { name: 'expenses PDF', path: '/api/v1/exports/expenses?format=pdf' },
];

const peakRssMb = (pid: number | undefined) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await fn(); // warm-up: plans, pool connections, JIT
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** The large organization, made through the API like a customer's: owner, cost centers, funds. */
async function createLargeOrganization(url: string): Promise<LargeOrganization> {
  const owner = new ApiClient(url);
  await owner.signUpOwner({
    email: EMAIL,
    password: PASSWORD,
    name: 'Contabilidad',
    organizationName: 'Grande',
  });
  const me = await owner.request('GET', '/api/v1/me');
  const categories = await owner.request('GET', '/api/v1/categories');
  const costCenterIds: string[] = [];
  for (const code of ['ADMIN', 'VENTAS', 'OBRAS', 'TI']) {
    costCenterIds.push((await owner.request('POST', '/api/v1/cost-centers', { code, name: code })).id);
  }
  const fundIds: string[] = [];
  for (const name of ['Caja matriz', 'Caja norte', 'Caja sur']) {
    const fund = await owner.request('POST', '/api/v1/funds', {
      name,
      custodianId: me.membershipId,
      authorizedAmount: '50000.00',
    });
    fundIds.push(fund.id);
  }
  return {
    organizationId: me.organization.id,
    membershipId: me.membershipId,
    categoryIds: categories.data.map((c: { id: string }) => c.id),
    costCenterIds,
    fundIds,
  };
}

/** A session cookie for plain fetch downloads. */
async function sessionCookie(url: string): Promise<string> {
  const csrf = await fetch(`${url}/api/v1/auth/csrf`);
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { token } = (await csrf.json()) as { token: string };
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: csrfCookie },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
  return login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function measureSummary(databaseUrl: string, large: LargeOrganization, userId: string) {
  const database = await openDatabase({ databaseUrl, poolSize: 10 });
  const reports = createReportsService({ db: database.db });
  const actor: Actor = {
    kind: 'user',
    userId,
    email: EMAIL,
    name: 'Contabilidad',
    organizationId: large.organizationId,
    membershipId: large.membershipId,
    roles: ['owner'],
    sessionId: 'bench',
  };
  const scope = { organizationId: large.organizationId, userId };
  try {
    const check = await reports.summary(actor, {});
    console.log(
      `large organization: ${check.spending.count.toLocaleString('en')} expenses counted, total ${check.spending.total}`,
    );
    const baseline = await timed(() => withTenant(database.db, scope, (tx) => tx.execute(sql`SELECT 1`)));
    console.log(`SELECT 1 in a tenant transaction        ${baseline.toFixed(2)} ms (median of ${RUNS})`);
    const ranges: [string, { from?: string; to?: string }][] = [
      ['summary, one month', { from: '2026-11-01', to: '2026-11-30' }],
      ['summary, last 12 months (dashboard)', { from: '2025-12-01', to: '2026-11-30' }],
      ['summary, all two years', {}],
    ];
    for (const [name, filters] of ranges) {
      const ms = await timed(() => reports.summary(actor, filters));
      const ratio = ms / baseline;
      console.log(
        `${name.padEnd(40)} ${ms.toFixed(2)} ms  ratio ${ratio.toFixed(1)}× (goal ≤ 5×) ${ratio <= 5 ? 'MET' : 'NOT MET'}`,
      );
    }
  } finally {
    await database.close();
  }
}

async function measureExports(url: string, pid: number | undefined) {
  const cookie = await sessionCookie(url);
  for (const { name, path } of EXPORTS) {
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { headers: { cookie } });
    if (!response.ok || !response.body) throw new Error(`${name}: ${response.status}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines++;
    }
    const seconds = (performance.now() - started) / 1000;
    // CSV: one line per expense after the header; the others are counted by what they contain.
    const rows = name.endsWith('CSV') ? lines - 1 : Number(process.env.LARGE_ROWS ?? 0);
    const rate = rows > 0 ? `${(rows / seconds).toFixed(0)} rows/s (goal ≥ 20,000)` : '';
    console.log(
      `${name.padEnd(16)} ${(bytes / 1048576).toFixed(1)} MB in ${seconds.toFixed(1)} s  ${rate}  server peak RSS ${peakRssMb(pid).toFixed(0)} MB (goal < 300)`,
    );
    if (name.endsWith('CSV')) process.env.LARGE_ROWS = String(rows);
  }
}

async function main() {
  const dbName = `cajachica_bench_reports_${Date.now()}`;
  const admin = new pg.Client({ connectionString: BASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const databaseUrl = Object.assign(new URL(BASE_URL), { pathname: `/${dbName}` }).toString();
  const server = await startServer({ DATABASE_URL: databaseUrl }, { needsWebApp: false });
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  try {
    const large = await createLargeOrganization(server.url);
    const started = performance.now();
    await generateReportData(owner, {
      organizations: ORGS,
      expenses: EXPENSES,
      largeShare: LARGE_SHARE,
      large,
    });
    console.log(
      `bench/reports: ${ORGS.toLocaleString('en')} organizations, ${EXPENSES.toLocaleString('en')} expenses generated in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
    const userId = (
      await owner.query<{ user_id: string }>('SELECT user_id FROM memberships WHERE id = $1', [
        large.membershipId,
      ])
    ).rows[0]?.user_id as string;
    await measureSummary(databaseUrl, large, userId);
    console.log(`server RSS before the exports: ${peakRssMb(server.pid).toFixed(0)} MB peak`);
    await measureExports(server.url, server.pid);
  } finally {
    await owner.end();
    await server.stop();
    if (process.env.BENCH_KEEP_DATABASE) console.log(`kept database ${dbName}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

await main();

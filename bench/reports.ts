/**
 * Reports at scale on PostgreSQL: ORGS organizations (default 10,000) and EXPENSES expenses
 * (default 1,000,000), one organization much larger (every LARGE_SHARE-th expense, default 20:
 * 50,000). Measures, for the large organization:
 * - the dashboard summary through the service the API uses (same pg pool, same withTenant
 *   transaction) against `SELECT 1` run the same way; goal ≤ 5×;
 * - each export streamed by the built server over HTTP — expenses (CSV, XLSX, PDF) and the journal
 *   of its paid replenishments (CSV, XLSX, CONTPAQi, Aspel, the SAT's XML month by month), each on
 *   a server of its own (see measureExports): rows/s and the server's peak RSS; goals ≥ 20,000
 *   rows/s and < 300 MB.
 * Needs `npm run build` and PostgreSQL (BENCH_DATABASE_URL, default the local server). Creates its
 * own database and drops it at the end (BENCH_KEEP_DATABASE=1 keeps it, to EXPLAIN queries;
 * SUMMARY_ONLY=1 skips the exports, ONLY=pdf,xlsx measures only the exports so named).
 * Bounded: RUNS timed runs per query (default 30).
 */
import { readFileSync, writeFileSync } from 'node:fs';
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

/** What a row of rows/s is: an expense, or a póliza line (a Transaccion of the SAT's XML, an M1 of CONTPAQi). */
type RowUnit = 'expense' | 'póliza line';

interface MeasuredExport {
  name: string;
  unit: RowUnit;
  /** The downloads; `months` are those with payments (the SAT's XML is one month per file). */
  paths(months: readonly string[]): string[];
  /** Counts the rows in the file's bytes; without one, the export has the rows its unit's CSV had. */
  counter?: () => (chunk: Uint8Array) => number;
}

const JOURNAL = '/api/v1/exports/journal';
const SAT_REQUEST = `tipoSolicitud=AF&numOrden=${encodeURIComponent('ABC1234567/26')}`;

/**
 * Counts a marker in bytes that arrive in pieces (a marker may straddle two), without decoding them:
 * the client shares the machine's two cores with the server it measures.
 */
function occurrences(marker: string) {
  const pattern = Buffer.from(marker);
  return () => {
    let tail = Buffer.alloc(0);
    return (chunk: Uint8Array) => {
      const bytes =
        tail.length > 0
          ? Buffer.concat([tail, chunk])
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      let count = 0;
      for (let at = bytes.indexOf(pattern); at !== -1; at = bytes.indexOf(pattern, at + pattern.length))
        count++;
      tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - (pattern.length - 1))));
      return count;
    };
  };
}

/** Each export over everything the large organization has (the journal: every paid replenishment). */
const EXPORTS: MeasuredExport[] = [
  {
    name: 'expenses CSV',
    unit: 'expense',
    paths: () => ['/api/v1/exports/expenses?format=csv'],
    counter: occurrences('\n'),
  },
  { name: 'expenses XLSX', unit: 'expense', paths: () => ['/api/v1/exports/expenses?format=xlsx'] },
  { name: 'expenses PDF', unit: 'expense', paths: () => ['/api/v1/exports/expenses?format=pdf'] },
  {
    name: 'journal CSV',
    unit: 'póliza line',
    paths: () => [`${JOURNAL}?format=csv`],
    counter: occurrences('\n'),
  },
  { name: 'journal XLSX', unit: 'póliza line', paths: () => [`${JOURNAL}?format=xlsx`] },
  { name: 'journal CONTPAQi', unit: 'póliza line', paths: () => [`${JOURNAL}?format=contpaqi`] },
  { name: 'journal Aspel', unit: 'póliza line', paths: () => [`${JOURNAL}?format=aspel`] },
  {
    name: 'journal SAT XML',
    unit: 'póliza line',
    paths: (months) =>
      months.map((month) => {
        const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0));
        return `${JOURNAL}?format=sat-xml&from=${month}-01&to=${last.toISOString().slice(0, 10)}&${SAT_REQUEST}`;
      }),
    counter: occurrences('<PLZ:Transaccion '),
  },
];

const peakRssMb = (pid: number | undefined) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

/** CPU time (user + system, s) a process has used, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks of 10 ms
}

/** Starts a new peak RSS (Linux: 5 in clear_refs resets VmHWM to the current RSS); false if not allowed. */
function resetPeakRss(pid: number | undefined): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

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

/** Downloads the files one after the other; bytes, and the rows `count` found in them. */
async function download(
  url: string,
  cookie: string,
  paths: readonly string[],
  count?: (chunk: Uint8Array) => number,
) {
  let bytes = 0;
  let rows = 0;
  for (const path of paths) {
    const response = await fetch(`${url}${path}`, { headers: { cookie } });
    if (!response.ok || !response.body)
      throw new Error(`${path}: ${response.status} ${await response.text()}`);
    for await (const chunk of response.body) {
      bytes += chunk.length;
      if (count) rows += count(chunk);
    }
  }
  return { bytes, rows };
}

/**
 * Each export on a server of its own, twice. The first run, on the fresh server, gives the peak
 * RSS: one server through all of them floats up to V8's heap limit with garbage from the exports
 * before, whatever each export does. The second run, warm (JIT, pool connections), gives rows/s
 * and the server's CPU time (steadier than rates on a shared machine); the first run's rate is
 * printed too.
 */
async function measureExports(databaseUrl: string, months: readonly string[]) {
  // Rows of each unit as its CSV counted them (less the header), for the formats not counted.
  const csvRows = new Map<RowUnit, number>();
  // ONLY=PDF (a part of the names, any case, comma-separated) measures some; the CSV counts rows first.
  const only = process.env.ONLY?.toLowerCase().split(',') ?? [];
  const measured = EXPORTS.filter(
    ({ name }) =>
      only.length === 0 || name.endsWith('CSV') || only.some((part) => name.toLowerCase().includes(part)),
  );
  for (const { name, unit, paths, counter } of measured) {
    const server = await startServer({ DATABASE_URL: databaseUrl }, { needsWebApp: false });
    try {
      const cookie = await sessionCookie(server.url);
      const idleRss =
        Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1]) / 1024;
      const ownPeak = resetPeakRss(server.pid);
      const files = paths(months);
      const seconds: number[] = [];
      let file = { bytes: 0, rows: 0 };
      let peak = 0;
      let cpu = 0;
      for (let run = 0; run < 2; run++) {
        const started = performance.now();
        const cpuBefore = cpuSeconds(server.pid);
        file = await download(server.url, cookie, files, counter?.());
        seconds.push((performance.now() - started) / 1000);
        cpu = cpuSeconds(server.pid) - cpuBefore;
        if (run === 0) peak = peakRssMb(server.pid);
      }
      if (name.endsWith('CSV')) csvRows.set(unit, file.rows - 1);
      const rows = !counter ? (csvRows.get(unit) ?? 0) : name.endsWith('CSV') ? file.rows - 1 : file.rows;
      const [first = Number.NaN, warm = Number.NaN] = seconds;
      console.log(
        `${name.padEnd(17)} ${(file.bytes / 1048576).toFixed(1).padStart(5)} MB${files.length > 1 ? ` in ${files.length} files` : ''}, ` +
          `${rows.toLocaleString('en')} ${unit}s in ${warm.toFixed(1)} s (server CPU ${cpu.toFixed(1)} s): ${(rows / warm).toFixed(0)} rows/s (goal ≥ 20,000; first run ${(rows / first).toFixed(0)})  ` +
          `server peak RSS ${peak.toFixed(0)} MB${ownPeak ? '' : ' (since start)'} (goal < 300; ${idleRss.toFixed(0)} MB idle)`,
      );
    } finally {
      await server.stop();
    }
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
    const months = (
      await owner.query<{ month: string }>(
        `SELECT DISTINCT to_char(payment_date, 'YYYY-MM') AS month FROM replenishments
          WHERE organization_id = $1 AND status = 'paid' ORDER BY 1`,
        [large.organizationId],
      )
    ).rows.map((row) => row.month);
    // SUMMARY_ONLY=1: the dashboard's figures alone (the exports take minutes).
    if (!process.env.SUMMARY_ONLY) await measureExports(databaseUrl, months);
  } finally {
    await owner.end();
    await server.stop();
    if (process.env.BENCH_KEEP_DATABASE) console.log(`kept database ${dbName}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
}

await main();

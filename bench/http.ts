/**
 * /healthz through the full production plugin stack (helmet, rate limit, cookies, CSRF hook,
 * request ids, one pino log line per request, problem+json handler) vs a bare node:http hello
 * world, both as child processes on 127.0.0.1, measured in the same run with autocannon.
 * Goal: ratio ≥ 0.75. Bounded: ROUNDS (default 5) × 3 targets × DURATION seconds (default 5).
 *
 * A third target gives the floor on the machine that runs it: Fastify with nothing but a pino
 * logger and one line per request (what "pino logs with request ids" asks of every request). No
 * stack with a per-request log line can do better than it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../e2e/helpers/server.js';

const ROOT = new URL('..', import.meta.url).pathname;
const DURATION = Number(process.env.DURATION ?? 5);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const ROUNDS = Number(process.env.ROUNDS ?? 5);

const BARE_SERVER = `
const http = require('node:http');
http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"status":"ok"}');
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

const FASTIFY_LOG_FLOOR = `
const pino = require('pino');
const { default: Fastify, LogController } = require('fastify');
const app = Fastify({
  logger: { level: 'info', stream: pino.destination({ dest: '/dev/null', sync: false, minLength: 4096 }) },
  logController: new LogController({ disableRequestLogging: true }),
});
app.addHook('onResponse', (request, reply, done) => {
  request.log.info({ method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  done();
});
app.get('/healthz', async () => ({ status: 'ok' }));
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
`;

async function waitFor(url: string, child: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not start`);
}

/** CPU time (user + system, ms) a process has used, from /proc (Linux). */
function cpuMs(pid: number | undefined): number {
  if (!pid || !existsSync(`/proc/${pid}/stat`)) return Number.NaN;
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // clock ticks of 10 ms
}

interface Target {
  name: string;
  url: string;
  pid: number | undefined;
}

/** Starts a server as a child process on a free port and waits until it answers. */
async function start(name: string, args: string[], env: Record<string, string>, children: ChildProcess[]) {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}/healthz`;
  await waitFor(url, child);
  await autocannon({ url, connections: CONNECTIONS, duration: 2 }); // warm-up (JIT, caches)
  return { name, url, pid: child.pid } satisfies Target;
}

async function measure(target: Target) {
  const cpuBefore = cpuMs(target.pid);
  const result = await autocannon({ url: target.url, connections: CONNECTIONS, duration: DURATION });
  // Server CPU per request: steadier than throughput on a small shared machine.
  const cpuPerRequest = ((cpuMs(target.pid) - cpuBefore) * 1000) / result.requests.total;
  const non2xx = result.non2xx + result.errors;
  console.log(
    `  ${target.name.padEnd(34)} ${result.requests.average.toFixed(0).padStart(7)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  server CPU ${cpuPerRequest.toFixed(1)} µs/req  errors/non-2xx ${non2xx}`,
  );
  if (non2xx > 0) throw new Error(`${target.name}: ${non2xx} failed responses`);
  return { throughput: result.requests.average, cpuPerRequest };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

async function main() {
  const mainJs = path.join(ROOT, 'apps/server/dist/main.js');
  if (!existsSync(mainJs)) throw new Error('Build first: npm run build');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cajachica-bench-'));
  const children: ChildProcess[] = [];
  console.log(
    `bench/http: ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION}s per target, alternating, 127.0.0.1`,
  );
  try {
    const baseline = await start('node:http hello world (baseline)', ['-e', BARE_SERVER], {}, children);
    const floor = await start('Fastify + pino line/request (floor)', ['-e', FASTIFY_LOG_FLOOR], {}, children);
    const product = await start(
      'CajaChica /healthz (production)',
      [mainJs],
      {
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        SESSION_SECRET: 'bench-session-secret-bench-session-secret',
        SMTP_URL: 'smtp://127.0.0.1:2525',
        APP_URL: 'http://127.0.0.1',
        PAYMENT_PROVIDER: 'sandbox',
        CFDI_PAC: 'sandbox',
        // The rate limiter still runs on every request; the bench's single address must not hit it.
        RATE_LIMIT_PER_MINUTE: '1000000000',
      },
      children,
    );
    // The machine's speed drifts over a run (a shared VM): each round measures both, one after
    // the other, and the ratio is taken per round.
    const ratios: number[] = [];
    const floorRatios: number[] = [];
    const cpuRatios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      console.log(`round ${round}`);
      const base = await measure(baseline);
      const least = await measure(floor);
      const ours = await measure(product);
      ratios.push(ours.throughput / base.throughput);
      floorRatios.push(least.throughput / base.throughput);
      cpuRatios.push(base.cpuPerRequest / ours.cpuPerRequest);
    }
    const ratio = median(ratios);
    console.log(`ratio per round: ${ratios.map((r) => `${r.toFixed(2)}x`).join(' ')}`);
    console.log(
      `ratio CajaChica/baseline (median): ${ratio.toFixed(2)}x (goal ≥ 0.75x) ${ratio >= 0.75 ? 'MET' : 'NOT MET'}`,
    );
    console.log(`server CPU per request, baseline/CajaChica (median): ${median(cpuRatios).toFixed(2)}x`);
    console.log(
      `floor on this machine, Fastify + one pino line per request/baseline (median): ${median(floorRatios).toFixed(2)}x; CajaChica/floor: ${(ratio / median(floorRatios)).toFixed(2)}x`,
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

import PgBoss from 'pg-boss';
import type { Database } from './db/database.js';

/** Retries with exponential backoff; the job's handler sees whether this is its last attempt. */
export interface JobOptions {
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** One queued job per key at a time (e.g. one SAT check per expense). */
  singletonKey?: string;
  startAfterSeconds?: number;
}

export interface JobContext {
  /** No retry follows if this attempt fails. */
  isLastAttempt: boolean;
}

export type JobHandler<T> = (data: T, context: JobContext) => Promise<void>;

export interface JobQueue {
  /** Declares a queue and its worker; call before start(). */
  register<T extends object>(name: string, handler: JobHandler<T>, defaults?: JobOptions): void;
  /** Runs a registered job on a cron schedule in a time zone (one run across all servers). */
  schedule(name: string, cron: string, timeZone: string): void;
  send<T extends object>(name: string, data: T, options?: JobOptions): Promise<void>;
  /** Many jobs of one queue in one statement (an import of thousands of files queues one per file). */
  sendMany<T extends object>(name: string, jobs: { data: T; options?: JobOptions }[]): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

interface Registration {
  name: string;
  handler: JobHandler<object>;
  defaults: JobOptions;
}

/**
 * Durable jobs in the database itself (pg-boss): on PostgreSQL through its pool, on PGlite through
 * the same embedded database. A job survives restarts and retries with backoff until its limit.
 */
export function createJobQueue(
  database: Pick<Database, 'executeSql'>,
  options: { pollingIntervalSeconds: number; log: { error(object: unknown, message: string): void } },
): JobQueue {
  const registrations = new Map<string, Registration>();
  const schedules: { name: string; cron: string; timeZone: string }[] = [];
  let boss: PgBoss | null = null;

  const toSendOptions = (job: JobOptions): PgBoss.SendOptions => ({
    retryLimit: job.retryLimit ?? 5,
    retryDelay: job.retryDelaySeconds ?? 30,
    retryBackoff: true,
    ...(job.singletonKey ? { singletonKey: job.singletonKey } : {}),
    ...(job.startAfterSeconds ? { startAfter: job.startAfterSeconds } : {}),
  });

  return {
    register(name, handler, defaults = {}) {
      registrations.set(name, { name, handler: handler as JobHandler<object>, defaults });
    },

    schedule(name, cron, timeZone) {
      schedules.push({ name, cron, timeZone });
    },

    async send(name, data, job = {}) {
      if (!boss) throw new Error('job queue not started');
      const registration = registrations.get(name);
      await boss.send(name, data, toSendOptions({ ...registration?.defaults, ...job }));
    },

    async sendMany(name, jobs) {
      if (!boss) throw new Error('job queue not started');
      const defaults = registrations.get(name)?.defaults;
      for (let start = 0; start < jobs.length; start += 1000) {
        await boss.insert(
          jobs.slice(start, start + 1000).map(({ data, options: job }) => {
            const send = toSendOptions({ ...defaults, ...job });
            return {
              name,
              data,
              retryLimit: send.retryLimit,
              retryDelay: send.retryDelay,
              retryBackoff: send.retryBackoff,
              ...(send.singletonKey ? { singletonKey: send.singletonKey } : {}),
            };
          }),
        );
      }
    },

    async start() {
      boss = new PgBoss({
        db: { executeSql: (text: string, values?: unknown[]) => database.executeSql(text, values) },
        schema: 'pgboss',
        migrate: true,
        supervise: true,
        schedule: true,
      });
      boss.on('error', (error) => options.log.error({ err: error }, 'job queue error'));
      await boss.start();
      for (const { name, handler } of registrations.values()) {
        await boss.createQueue(name);
        await boss.work<object>(
          name,
          { pollingIntervalSeconds: options.pollingIntervalSeconds, includeMetadata: true, batchSize: 1 },
          async ([job]) => {
            if (!job) return;
            await handler(job.data, { isLastAttempt: job.retryCount >= job.retryLimit });
          },
        );
      }
      for (const { name, cron, timeZone } of schedules) await boss.schedule(name, cron, {}, { tz: timeZone });
    },

    async stop() {
      await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
      boss = null;
    },
  };
}

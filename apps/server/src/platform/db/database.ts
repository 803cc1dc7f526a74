import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the root database or a transaction: what queries need. */
export type Queryable = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Applies the committed migrations (idempotent; serialized across servers on PostgreSQL). */
  migrate(): Promise<void>;
  ping(): Promise<void>;
  /** Raw SQL outside drizzle, for libraries that bring their own (pg-boss). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** PGlite only: its whole data folder as a tarball, to open copies of it (migrated test databases). */
  snapshot?(): Promise<Blob>;
  close(): Promise<void>;
}

// Same relative path from src/platform/db and dist/platform/db: migrations ship as SQL in src.
const MIGRATIONS_FOLDER = new URL('../../../src/db/migrations', import.meta.url).pathname;
// Any constant works: it only has to be the same for every server migrating this database.
const MIGRATION_LOCK_KEY = 727_274_001;

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files; undefined keeps the database in memory (tests). */
  pgliteDir?: string | undefined;
  /** A PGlite data folder to start from (a tarball from dumpDataDir): tests start migrated. */
  pgliteSnapshot?: Blob | undefined;
  poolSize?: number;
}

/** Opens node-postgres when a URL is given, otherwise the embedded PGlite. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.pgliteDir, options.pgliteSnapshot);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server closed (restart, failover, a dropped test database) is discarded
  // and replaced on next use; without a listener node-postgres would crash the process. Queries in
  // flight still fail with their own error.
  pool.on('error', () => {});
  const db = drizzleNodePg(pool) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migrateNodePg(drizzleNodePg(client), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    executeSql: (text, values) => pool.query(text, values),
    async close() {
      await pool.end();
    },
  };
}

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * A lock file with the owner's pid refuses that with a clear message (a stale lock is taken over).
 */
function lockPgliteFolder(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  try {
    const owner = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    if (owner && owner !== process.pid && isProcessAlive(owner)) {
      throw new Error(
        `La base de datos embebida (${dir}) está abierta por otro proceso (pid ${owner}). Detén el servidor antes de usar este comando, o usa DATABASE_URL.`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(lockPath, String(process.pid));
  return () => rmSync(lockPath, { force: true });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPglite(dir: string | undefined, snapshot: Blob | undefined): Promise<Database> {
  if (dir) mkdirSync(path.dirname(dir), { recursive: true });
  const unlock = dir ? lockPgliteFolder(dir) : () => {};
  const client = new PGlite({
    ...(dir ? { dataDir: dir } : {}),
    ...(snapshot ? { loadDataDir: snapshot } : {}),
  });
  await client.waitReady;
  const db = drizzlePglite(client);
  return {
    kind: 'pglite',
    db: db as unknown as Db,
    async migrate() {
      await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async ping() {
      await db.execute(sql`SELECT 1`);
    },
    async executeSql(text, values) {
      // PGlite runs several statements only through exec (no parameters); pg-boss sends both kinds.
      if (values && values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
    snapshot: () => client.dumpDataDir('none'),
    async close() {
      await client.close();
      unlock();
    },
  };
}

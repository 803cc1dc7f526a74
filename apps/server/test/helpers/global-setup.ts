import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/platform/db/database.js';
import { withDatabaseName } from './test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data folder (tarball) every test database starts from. */
    pgliteSnapshotPath: string;
    /** A migrated PostgreSQL database every test database is copied from (CREATE DATABASE … TEMPLATE). */
    postgresTemplate: string | null;
  }
}

/**
 * Migrates once per run instead of once per test file (migrating PGlite takes seconds): a PGlite
 * snapshot, and with TEST_DATABASE_URL a PostgreSQL template database, both removed at the end.
 * Test files still run the migrations on their copy, which finds nothing left to apply.
 */
export async function setup(project: TestProject) {
  const folder = mkdtempSync(path.join(tmpdir(), 'cajachica-test-snapshot-'));
  const pglite = await openDatabase({});
  await pglite.migrate();
  const snapshot = await pglite.snapshot?.();
  await pglite.close();
  if (!snapshot) throw new Error('PGlite could not dump its data folder');
  const snapshotPath = path.join(folder, 'migrated.tar');
  writeFileSync(snapshotPath, Buffer.from(await snapshot.arrayBuffer()));
  project.provide('pgliteSnapshotPath', snapshotPath);

  const baseUrl = process.env.TEST_DATABASE_URL;
  let template: string | null = null;
  if (baseUrl) {
    template = `cajachica_template_${Date.now()}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const database = await openDatabase({ databaseUrl: withDatabaseName(baseUrl, template), poolSize: 1 });
    await database.migrate();
    await database.close();
    console.log('[tests] API tests run on PGlite and on PostgreSQL (TEST_DATABASE_URL).');
  } else {
    console.log('[tests] TEST_DATABASE_URL is not set: API tests run on PGlite only.');
  }
  project.provide('postgresTemplate', template);

  return async () => {
    rmSync(folder, { recursive: true, force: true });
    if (baseUrl && template) {
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    }
  };
}

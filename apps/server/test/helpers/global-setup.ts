import pg from 'pg';

/**
 * With TEST_DATABASE_URL, each run gets its own PostgreSQL database, created here and dropped
 * at the end; test files make their own databases inside it by name prefix (see test-database.ts).
 */
export async function setup() {
  if (!process.env.TEST_DATABASE_URL) {
    console.log('[tests] TEST_DATABASE_URL is not set: API tests run on PGlite only.');
    return;
  }
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query('SELECT 1');
  await admin.end();
  console.log('[tests] API tests run on PGlite and on PostgreSQL (TEST_DATABASE_URL).');
}

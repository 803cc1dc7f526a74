import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../apps/server/src/platform/db/database.js';

/**
 * Migrates one embedded database per run (a fresh server spends most of its 10 s start there) and
 * lets every browser test's server start from a copy of it (see startServer): each still has a
 * database of its own, and its migration step finds nothing left to apply.
 */
export async function setup() {
  const folder = mkdtempSync(path.join(tmpdir(), 'cajachica-e2e-template-'));
  const database = await openDatabase({ pgliteDir: path.join(folder, 'pglite') });
  await database.migrate();
  await database.close();
  process.env.CAJACHICA_E2E_DATA_TEMPLATE = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}

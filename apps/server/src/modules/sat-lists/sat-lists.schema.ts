import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { newId } from '../../platform/db/ids.js';

// Global reference data kept by the platform operator (no organization_id, no RLS): the app role
// reads it; only the system role (operator CLI and jobs) replaces it (migration 0011).

/** SAT's list of article 69-B (EFOS: taxpayers issuing invoices for non-existent operations). */
export const sat69bTaxpayers = pgTable(
  'sat_69b_taxpayers',
  {
    rfc: text('rfc').primaryKey(),
    name: text('name').notNull(),
    situation: text('situation', {
      enum: ['presunto', 'desvirtuado', 'definitivo', 'sentencia_favorable'],
    }).notNull(),
    publishedAt: date('published_at', { mode: 'string' }),
    importId: uuid('import_id').notNull(),
  },
  () => [
    check(
      'sat_69b_taxpayers_situation_check',
      sql`situation IN ('presunto', 'desvirtuado', 'definitivo', 'sentencia_favorable')`,
    ),
  ],
);

/** Each import of the list: when, from where, how many rows (the current list is the last one). */
export const sat69bImports = pgTable('sat_69b_imports', {
  id: uuid('id').primaryKey().$defaultFn(newId),
  source: text('source').notNull(),
  taxpayers: integer('taxpayers').notNull(),
  invalidRows: integer('invalid_rows').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

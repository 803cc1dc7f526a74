import { getTableColumns, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './database.js';

/**
 * Inserts many rows in one statement with one parameter: the rows as JSON, expanded by
 * jsonb_to_recordset. Building a drizzle multi-row VALUES costs JS time per value; this costs one
 * JSON.stringify, on node-postgres and PGlite alike. Columns absent from the rows take their
 * database defaults; triggers, constraints and row-level security apply as to any insert.
 * Returns the inserted rows with drizzle's property names (numeric as strings, like drizzle).
 */
export async function bulkInsert<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: readonly Partial<T['$inferInsert']>[],
  options: { returning?: boolean } = {},
): Promise<T['$inferSelect'][]> {
  if (rows.length === 0) return [];
  const allColumns = Object.entries(getTableColumns(table));
  const first = rows[0] as Record<string, unknown>;
  const columns = allColumns.filter(
    ([key, column]) => key in first || (first[key] === undefined && column.defaultFn),
  );
  const { name } = getTableConfig(table);
  const json = rows.map((input) => {
    const row = input as Record<string, unknown>;
    const record: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      let value = row[key];
      if (value === undefined && column.defaultFn) value = column.defaultFn();
      record[column.name] = value ?? null;
    }
    return record;
  });
  const columnList = sql.raw(columns.map(([, column]) => `"${column.name}"`).join(', '));
  const recordType = sql.raw(
    columns.map(([, column]) => `"${column.name}" ${column.getSQLType()}`).join(', '),
  );
  const result = await tx.execute(
    sql`INSERT INTO ${sql.identifier(name)} (${columnList})
        SELECT ${columnList} FROM jsonb_to_recordset(${JSON.stringify(json)}::jsonb) AS incoming(${recordType})
        ${options.returning === false ? sql.raw('') : sql.raw('RETURNING *')}`,
  );
  if (options.returning === false) return [];
  const { rows: inserted } = result as unknown as { rows: Record<string, unknown>[] };
  return inserted.map((raw) => {
    const mapped: Record<string, unknown> = {};
    for (const [key, column] of allColumns) mapped[key] = column.mapFromDriverValue(raw[column.name]);
    return mapped as T['$inferSelect'];
  });
}

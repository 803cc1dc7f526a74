import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { moneyColumn } from '../../platform/db/columns.js';
import { newId } from '../../platform/db/ids.js';
import { fundMovements, funds } from '../funds/funds.schema.js';
import { memberships } from '../organizations/organizations.schema.js';

// Tenant table with row-level security (migration 0017). A count is history: never updated.

const amount = (name: string) => moneyColumn(name);

export interface DenominationCount {
  kind: 'bill' | 'coin';
  /** "1000.00", "0.50"… MXN denominations in circulation. */
  denomination: string;
  quantity: number;
}

/**
 * An arqueo: the cash counted by denomination against the cash the ledger expects. A difference
 * is recorded as a shortage or overage movement (a voucher), never by editing the fund.
 */
export const cashCounts = pgTable(
  'cash_counts',
  {
    organizationId: uuid('organization_id').notNull(),
    id: uuid('id').notNull().$defaultFn(newId),
    fundId: uuid('fund_id').notNull(),
    counts: jsonb('counts').$type<DenominationCount[]>().notNull(),
    countedCash: amount('counted_cash').notNull(),
    expectedCash: amount('expected_cash').notNull(),
    /** counted − expected: negative is a shortage (faltante), positive an overage (sobrante). */
    difference: amount('difference').notNull(),
    custodianId: uuid('custodian_id').notNull(),
    witnessId: uuid('witness_id'),
    recordedBy: uuid('recorded_by').notNull(),
    notes: text('notes'),
    movementId: uuid('movement_id'),
    countedAt: timestamp('counted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.id] }),
    index('cash_counts_fund_idx').on(table.organizationId, table.fundId, table.countedAt),
    foreignKey({
      columns: [table.organizationId, table.fundId],
      foreignColumns: [funds.organizationId, funds.id],
      name: 'cash_counts_fund_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.custodianId],
      foreignColumns: [memberships.organizationId, memberships.id],
      name: 'cash_counts_custodian_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.witnessId],
      foreignColumns: [memberships.organizationId, memberships.id],
      name: 'cash_counts_witness_fk',
    }),
    foreignKey({
      columns: [table.organizationId, table.movementId],
      foreignColumns: [fundMovements.organizationId, fundMovements.id],
      name: 'cash_counts_movement_fk',
    }),
    check('cash_counts_non_negative', sql`counted_cash >= 0 AND expected_cash >= 0`),
    check('cash_counts_difference', sql`difference = counted_cash - expected_cash`),
    // A difference always has its movement; an exact count has none.
    check('cash_counts_movement', sql`(difference = 0) = (movement_id IS NULL)`),
    check('cash_counts_witness_not_custodian', sql`witness_id IS NULL OR witness_id <> custodian_id`),
  ],
);

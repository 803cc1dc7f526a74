import { sql } from 'drizzle-orm';
import { expenses } from '../expenses/expenses.schema.js';

/**
 * An expense is "no deducible" as it stands when its stored findings (expenses/deducibility.ts)
 * hold a deducibility error — fuel paid in cash, a CFDI to another RFC, cancelled at SAT, a 69-B
 * "definitivo" supplier — or CASH_OVER_LIMIT, a cash payment over $2,000: the rule only warns (the
 * expense is allowed) but the law (LISR art. 27 fr. III) does not let the organization deduct it.
 * A missing CFDI is counted apart, as "awaiting CFDI": asking the merchant for it still fixes it.
 *
 * The rule is the SQL function expense_is_non_deductible (migration 0023), so that the triggers
 * keeping expense_rollups and any query over the expenses decide it the same way. The plain
 * columns rule most rows out before the findings are read: an error makes finding_level 2, and only
 * an amount over the limit can be cash over the limit.
 */
export const isNonDeductible = sql`expense_is_non_deductible(${expenses.findingLevel}, ${expenses.totalMxn}, ${expenses.findings})`;

import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { membershipIdOf, openFund } from '../../../test/helpers/petty-cash-flow.js';
import { AppError } from '../../platform/errors.js';
import { withTenant } from '../../platform/tenancy.js';
import { appendMovement, lockFund } from './fund-ledger.js';
import { fundMovements } from './funds.schema.js';
import type { LedgerEvent } from './ledger-rules.js';

// Model-based test of invariants I1–I3, I6: random sequences of ledger events applied through the
// real code and database, against a model written straight from ARCHITECTURE.md's table in
// integer centavos (independent of ledger-rules.ts).

interface Model {
  cash: number;
  pending: number;
  advances: number;
  authorized: number;
}

type Op =
  | {
      kind: 'fund_increased' | 'fund_decreased' | 'expense_paid_from_fund' | 'expense_discarded';
      cents: number;
    }
  | {
      kind: 'advance_paid_in_cash' | 'cash_count_shortage' | 'cash_count_overage' | 'replenishment_paid';
      cents: number;
    }
  | { kind: 'employee_reimbursed_in_cash' | 'rejected_amount_recovered'; cents: number }
  | { kind: 'advance_settled'; cents: number; expenseCents: number };

const KINDS = [
  'fund_increased',
  'fund_decreased',
  'expense_paid_from_fund',
  'expense_discarded',
  'advance_paid_in_cash',
  'cash_count_shortage',
  'cash_count_overage',
  'replenishment_paid',
  'employee_reimbursed_in_cash',
  'rejected_amount_recovered',
] as const;

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom(...KINDS), cents: fc.integer({ min: 1, max: 300_000 }) }),
  fc.record({
    kind: fc.constant('advance_settled' as const),
    cents: fc.integer({ min: 1, max: 100_000 }),
    expenseCents: fc.integer({ min: 0, max: 150_000 }),
  }),
);

/** The table of ARCHITECTURE.md §Money; null when the event must be refused or makes no sense now. */
function applyToModel(m: Model, op: Op): Model | 'insufficient' | 'skip' {
  const x = op.cents;
  const next = { ...m };
  switch (op.kind) {
    case 'fund_increased':
      next.cash += x;
      next.authorized += x;
      break;
    case 'fund_decreased':
      next.cash -= x;
      next.authorized -= x;
      break;
    case 'expense_paid_from_fund':
    case 'employee_reimbursed_in_cash':
    case 'cash_count_shortage':
      next.cash -= x;
      next.pending += x;
      break;
    case 'expense_discarded':
    case 'rejected_amount_recovered':
    case 'cash_count_overage':
    case 'replenishment_paid':
      if (op.kind !== 'cash_count_overage' && x > m.pending) return 'skip';
      next.cash += x;
      next.pending -= x;
      break;
    case 'advance_paid_in_cash':
      next.cash -= x;
      next.advances += x;
      break;
    case 'advance_settled':
      if (x > m.advances) return 'skip';
      next.cash += x - op.expenseCents;
      next.pending += op.expenseCents;
      next.advances -= x;
      break;
  }
  return next.cash < 0 ? 'insufficient' : next;
}

const pesos = (cents: number) => (cents / 100).toFixed(2);
const cents = (amount: string) => Math.round(Number(amount) * 100);

function toEvent(op: Op): LedgerEvent {
  if (op.kind === 'advance_settled') {
    return { kind: op.kind, amount: pesos(op.cents), expenses: pesos(op.expenseCents) };
  }
  return { kind: op.kind, amount: pesos(op.cents) };
}

describe('fund ledger, model-based on pglite', () => {
  const t = useTestApp('pglite', { owner: true });
  let custodianId: string;

  beforeAll(async () => {
    const custodian = await addMember(t, t.owner.client, ['custodian']);
    custodianId = await membershipIdOf(t.owner.client, custodian.userId);
  });

  it('keeps cash + pending + advances = authorized, cash ≥ 0, and balances = Σ movements, for any sequence', async () => {
    const actor = { organizationId: '', membershipId: '' };
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 25 }), async (ops) => {
        const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: '1000.00' });
        Object.assign(actor, { organizationId: t.owner.organizationId, membershipId: custodianId });
        const scope = { organizationId: t.owner.organizationId, userId: t.owner.userId };
        let model: Model = { cash: 100_000, pending: 0, advances: 0, authorized: 100_000 };
        for (const op of ops) {
          const expected = applyToModel(model, op);
          if (expected === 'skip') continue;
          const attempt = withTenant(t.database.db, scope, async (tx) => {
            const locked = await lockFund(tx, t.owner.organizationId, fund.id);
            if (!locked) throw new Error('fund vanished');
            await appendMovement(tx, actor, locked, toEvent(op));
          });
          if (expected === 'insufficient') {
            await expect(attempt).rejects.toSatisfy(
              (e) => e instanceof AppError && e.code === 'INSUFFICIENT_FUNDS',
            );
          } else {
            await attempt;
            model = expected;
          }
        }
        await withTenant(t.database.db, scope, async (tx) => {
          const row = await lockFund(tx, t.owner.organizationId, fund.id);
          if (!row) throw new Error('fund vanished');
          const stored = {
            cash: cents(row.cash),
            pending: cents(row.pendingVouchers),
            advances: cents(row.openAdvances),
            authorized: cents(row.authorizedAmount),
          };
          expect(stored).toEqual(model);
          const movements = await tx
            .select()
            .from(fundMovements)
            .where(
              and(
                eq(fundMovements.organizationId, t.owner.organizationId),
                eq(fundMovements.fundId, fund.id),
              ),
            );
          const sum = (pick: (m: (typeof movements)[number]) => string) =>
            movements.reduce((total, m) => total + cents(pick(m)), 0);
          // I6: every balance is recomputed from the movements alone.
          expect({
            cash: sum((m) => m.cashDelta),
            pending: sum((m) => m.pendingDelta),
            advances: sum((m) => m.advancesDelta),
            authorized: sum((m) => m.authorizedDelta),
          }).toEqual(model);
          // The sequence has no gaps and the last movement's "after" columns are the fund's balances.
          const sequences = movements.map((m) => m.sequence).sort((a, b) => a - b);
          expect(sequences).toEqual(sequences.map((_, i) => i + 1));
          const last = movements.find((m) => m.sequence === sequences.length);
          expect(last && cents(last.cashAfter)).toBe(model.cash);
        });
      }),
      { numRuns: 25 },
    );
  });
});

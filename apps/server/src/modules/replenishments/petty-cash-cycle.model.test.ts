import { and, eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { membershipIdOf, openFund } from '../../../test/helpers/petty-cash-flow.js';
import { rollupDrift } from '../../../test/helpers/rollup-drift.js';
import type { TestClient } from '../../../test/helpers/test-client.js';
import { mexicoCityDate } from '../../platform/mexico-time.js';
import { withTenant } from '../../platform/tenancy.js';
import { expenses } from '../expenses/expenses.schema.js';
import { fundMovements } from '../funds/funds.schema.js';
import { replenishmentItems, replenishments } from './replenishments.schema.js';

// Model-based test of I1–I6 over the whole petty-cash cycle, driven through the real API (so every
// service's own rules run): random sequences of expenses, approvals, replenishments, advances and
// cash counts against a model in integer centavos written from ARCHITECTURE.md §Money's table.

type Op =
  // The custodian records a fund_cash expense, left a draft, or sent, or sent and approved.
  | { kind: 'spend'; cents: number; upTo: 'draft' | 'submitted' | 'approved' }
  | { kind: 'submit' | 'discard' | 'settle'; pick: number }
  | { kind: 'decide'; pick: number; approve: boolean }
  // The fund's replenishment taken up to `steps` steps on (request, approve, pay); `cancel`: the last step cancels it.
  | { kind: 'replenish'; steps: number; cancel: boolean }
  // The owner hands out a cash advance; `upTo`: the employee spends `spent` against it (sent), the
  // approver approves that expense and the owner settles the advance.
  | { kind: 'handOut'; cents: number; spent: number; upTo: 'open' | 'spent' | 'settled' }
  | { kind: 'spendAdvance'; pick: number; cents: number }
  | { kind: 'count'; delta: number };

type ExpenseStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'discarded' | 'replenished';
interface Expense {
  id: string;
  cents: number;
  advanceId: string | null;
  status: ExpenseStatus;
}
interface Vouchers {
  expenseIds: string[];
  countIds: string[];
}
interface Model {
  cash: number;
  pending: number;
  advances: number;
  authorized: number;
  expenses: Expense[];
  openAdvances: { id: string; cents: number }[];
  settled: Set<string>;
  counts: { id: string; diff: number; replenished: boolean }[];
  open: (Vouchers & { id: string; total: number; status: 'requested' | 'approved' }) | null;
  paid: (Vouchers & { id: string; total: number })[];
}

const pick = fc.nat({ max: 99 }); // an index into the current candidates, modulo their count
const amount = (max: number) => fc.integer({ min: 100, max }); // centavos, from $1.00
const chance = (percent: number) => fc.integer({ min: 1, max: 100 }).map((n) => n <= percent);
const often = (weight: number, arbitrary: fc.Arbitrary<Op>) => ({ weight, arbitrary });
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  often(
    4,
    fc.record({
      kind: fc.constant('spend'),
      cents: amount(200_000),
      upTo: fc.constantFrom('approved', 'approved', 'submitted', 'draft'),
    }),
  ),
  often(1, fc.record({ kind: fc.constant('submit'), pick })),
  often(1, fc.record({ kind: fc.constant('discard'), pick })),
  often(4, fc.record({ kind: fc.constant('decide'), pick, approve: chance(80) })),
  often(
    4,
    fc.record({ kind: fc.constant('replenish'), steps: fc.constantFrom(3, 3, 2, 1), cancel: chance(15) }),
  ),
  often(
    3,
    fc.record({
      kind: fc.constant('handOut'),
      cents: amount(200_000),
      spent: amount(150_000),
      upTo: fc.constantFrom('settled', 'settled', 'spent', 'open'),
    }),
  ),
  often(2, fc.record({ kind: fc.constant('spendAdvance'), pick, cents: amount(150_000) })),
  often(1, fc.record({ kind: fc.constant('settle'), pick })),
  often(2, fc.record({ kind: fc.constant('count'), delta: fc.integer({ min: -30_000, max: 30_000 }) })),
);

const pesos = (c: number) =>
  `${c < 0 ? '-' : ''}${Math.trunc(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;
const cents = (amount: string) => Math.round(Number(amount) * 100);
const nth = <T>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Pieces (largest first; smallest is the $0.50 coin) that add up to a multiple of 50 centavos. */
function piecesFor(total: number) {
  const kinds = [
    ...[100_000, 50_000, 20_000, 10_000, 5_000, 2_000].map((v) => ['bill', v] as const),
    ...[1_000, 500, 200, 100, 50].map((v) => ['coin', v] as const),
  ];
  let left = total;
  const lines = kinds.flatMap(([kind, value]) => {
    const quantity = Math.floor(left / value);
    left -= quantity * value;
    return quantity > 0 ? [{ kind, denomination: pesos(value), quantity }] : [];
  });
  return lines.length > 0 ? lines : [{ kind: 'coin' as const, denomination: '0.50', quantity: 0 }];
}

/** Vouchers a replenishment request takes now: approved expenses of the fund (those of a cash advance once it is settled) and count differences, in no open replenishment. */
function eligible(m: Model): Vouchers & { total: number } {
  const taken = new Set([...(m.open?.expenseIds ?? []), ...(m.open?.countIds ?? [])]);
  const ex = m.expenses.filter(
    (e) => e.status === 'approved' && (!e.advanceId || m.settled.has(e.advanceId)) && !taken.has(e.id),
  );
  const counts = m.counts.filter((c) => !c.replenished && !taken.has(c.id));
  return {
    expenseIds: ex.map((e) => e.id),
    countIds: counts.map((c) => c.id),
    total: sum(ex.map((e) => e.cents)) - sum(counts.map((c) => c.diff)),
  };
}

describe('petty-cash cycle through the API, model-based on pglite', () => {
  // Hundreds of requests a minute, and many more while a failure shrinks: not what this test is about.
  const t = useTestApp('pglite', { env: { RATE_LIMIT_PER_MINUTE: '1000000' }, owner: true });
  let custodian: TestClient;
  let approver: TestClient;
  let employee: TestClient;
  let custodianId: string;
  let employeeId: string;

  beforeAll(async () => {
    const c = await addMember(t, t.owner.client, ['custodian']);
    const a = await addMember(t, t.owner.client, ['approver']);
    const e = await addMember(t, t.owner.client, ['employee']);
    [custodian, approver, employee] = [c.client, a.client, e.client];
    custodianId = await membershipIdOf(t.owner.client, c.userId);
    employeeId = await membershipIdOf(t.owner.client, e.userId);
  }, 60_000);

  /** Runs one operation through the API, checks the answer the model predicts, and updates the model. */
  async function apply(m: Model, fundId: string, op: Op) {
    const today = mexicoCityDate(t.clock.now);
    const expectAnswer = (res: { statusCode: number; body: string }, status: number, code?: string) => {
      const ok = res.statusCode === status && (!code || JSON.parse(res.body).code === code);
      if (!ok)
        throw new Error(
          `${JSON.stringify(op)}: expected ${status} ${code ?? ''}, got ${res.statusCode} ${res.body}`,
        );
      return JSON.parse(res.body);
    };
    // The newest expense in this status (expenses are kept in the order they were recorded).
    const lastOf = (status: ExpenseStatus) => m.expenses.filter((e) => e.status === status).length - 1;
    switch (op.kind) {
      case 'spend': {
        const res = await custodian.post('/api/v1/expenses', {
          fundId,
          date: today,
          concept: 'Gasto',
          subtotal: pesos(op.cents),
          total: pesos(op.cents),
          paymentMethod: 'fund_cash',
        });
        if (op.cents > m.cash) return void expectAnswer(res, 409, 'INSUFFICIENT_FUNDS');
        const id = expectAnswer(res, 201).id;
        m.expenses.push({ id, cents: op.cents, advanceId: null, status: 'draft' });
        m.cash -= op.cents;
        m.pending += op.cents;
        if (op.upTo === 'draft') return;
        await apply(m, fundId, { kind: 'submit', pick: lastOf('draft') });
        if (op.upTo === 'approved')
          await apply(m, fundId, { kind: 'decide', pick: lastOf('submitted'), approve: true });
        return;
      }
      case 'submit':
      case 'discard': {
        const draft = nth(
          m.expenses.filter((e) => e.status === 'draft'),
          op.pick,
        );
        if (!draft) return;
        const body = expectAnswer(await custodian.post(`/api/v1/expenses/${draft.id}/${op.kind}`), 200);
        draft.status = op.kind === 'submit' ? 'submitted' : 'discarded';
        expect(body.status).toBe(draft.status);
        if (op.kind === 'discard') [m.cash, m.pending] = [m.cash + draft.cents, m.pending - draft.cents];
        return;
      }
      case 'decide': {
        const submitted = nth(
          m.expenses.filter((e) => e.status === 'submitted'),
          op.pick,
        );
        if (!submitted) return;
        const res = op.approve
          ? await approver.post(`/api/v1/expenses/${submitted.id}/approve`)
          : await approver.post(`/api/v1/expenses/${submitted.id}/reject`, { reason: 'Sin comprobante' });
        submitted.status = op.approve ? 'approved' : 'rejected';
        expect(expectAnswer(res, 200).status).toBe(submitted.status);
        return;
      }
      case 'replenish': {
        const open = m.open;
        if (open && op.cancel && op.steps === 1) {
          const reason = { reason: 'Se pidió de más' };
          expectAnswer(await custodian.post(`/api/v1/replenishments/${open.id}/cancel`, reason), 200);
          m.open = null;
        } else if (!open) {
          const want = eligible(m);
          const res = await custodian.post('/api/v1/replenishments', { fundId });
          if (want.expenseIds.length + want.countIds.length === 0)
            return void expectAnswer(res, 409, 'REPLENISHMENT_EMPTY');
          if (want.total <= 0) return void expectAnswer(res, 409, 'REPLENISHMENT_TOTAL_NOT_POSITIVE');
          const body = expectAnswer(res, 201);
          const ids = (type: string) =>
            body.items
              .filter((i: { voucher: { sourceType: string } }) => i.voucher.sourceType === type)
              .map((i: { voucher: { id: string } }) => i.voucher.id)
              .sort();
          // I4 at the request: exactly the waiting vouchers, total = Σ vouchers.
          expect({
            total: cents(body.total),
            expenseIds: ids('expense'),
            countIds: ids('cash_count'),
          }).toEqual({
            total: want.total,
            expenseIds: [...want.expenseIds].sort(),
            countIds: [...want.countIds].sort(),
          });
          m.open = { ...want, id: body.id, status: 'requested' };
        } else if (open.status === 'requested') {
          expectAnswer(await t.owner.client.post(`/api/v1/replenishments/${open.id}/approve`), 200);
          open.status = 'approved';
        } else {
          const payment = { paymentDate: today, reference: 'SPEI 123' };
          expectAnswer(await t.owner.client.post(`/api/v1/replenishments/${open.id}/pay`, payment), 200);
          [m.cash, m.pending] = [m.cash + open.total, m.pending - open.total];
          for (const e of m.expenses) if (open.expenseIds.includes(e.id)) e.status = 'replenished';
          for (const c of m.counts) if (open.countIds.includes(c.id)) c.replenished = true;
          m.paid.push(open);
          m.open = null;
        }
        // Refused, paid or canceled: nothing left open to take further.
        if (m.open && op.steps > 1) return apply(m, fundId, { ...op, steps: op.steps - 1 });
        return;
      }
      case 'handOut': {
        const res = await t.owner.client.post('/api/v1/advances', {
          employeeId,
          purpose: 'Visita a cliente',
          amount: pesos(op.cents),
          method: 'fund_cash',
          fundId,
          dueDate: today,
        });
        if (op.cents > m.cash) return void expectAnswer(res, 409, 'INSUFFICIENT_FUNDS');
        m.openAdvances.push({ id: expectAnswer(res, 201).id, cents: op.cents });
        [m.cash, m.advances] = [m.cash - op.cents, m.advances + op.cents];
        if (op.upTo === 'open') return;
        const advance = m.openAdvances.length - 1;
        await apply(m, fundId, { kind: 'spendAdvance', pick: advance, cents: op.spent });
        if (op.upTo === 'spent') return;
        await apply(m, fundId, { kind: 'decide', pick: lastOf('submitted'), approve: true });
        return apply(m, fundId, { kind: 'settle', pick: advance });
      }
      case 'spendAdvance': {
        const advance = nth(m.openAdvances, op.pick);
        if (!advance) return;
        const created = await employee.post('/api/v1/expenses', {
          date: today,
          concept: 'Comida con cliente',
          subtotal: pesos(op.cents),
          total: pesos(op.cents),
          paymentMethod: 'employee',
          advanceId: advance.id,
        });
        const id = expectAnswer(created, 201).id;
        expect(expectAnswer(await employee.post(`/api/v1/expenses/${id}/submit`), 200).status).toBe(
          'submitted',
        );
        m.expenses.push({ id, cents: op.cents, advanceId: advance.id, status: 'submitted' });
        return;
      }
      case 'settle': {
        const advance = nth(m.openAdvances, op.pick);
        if (!advance) return;
        const own = m.expenses.filter((e) => e.advanceId === advance.id);
        const spent = sum(own.filter((e) => e.status === 'approved').map((e) => e.cents));
        const res = await t.owner.client.post(`/api/v1/advances/${advance.id}/settle`, {});
        if (own.some((e) => e.status === 'draft' || e.status === 'submitted'))
          return void expectAnswer(res, 409, 'ADVANCE_EXPENSES_PENDING');
        if (spent - advance.cents > m.cash) return void expectAnswer(res, 409, 'INSUFFICIENT_FUNDS');
        expectAnswer(res, 200);
        m.openAdvances = m.openAdvances.filter((a) => a.id !== advance.id);
        m.settled.add(advance.id);
        m.cash += advance.cents - spent;
        m.pending += spent;
        m.advances -= advance.cents;
        return;
      }
      case 'count': {
        // Counted in pieces, so a multiple of $0.50; never $0: an empty box would be due for the
        // automatic replenishment (threshold $0), filed in the background outside this model.
        const counted = Math.max(50, Math.floor((m.cash + op.delta) / 50) * 50);
        const diff = counted - m.cash;
        const body = expectAnswer(
          await custodian.post(`/api/v1/funds/${fundId}/cash-counts`, { counts: piecesFor(counted) }),
          201,
        );
        expect({ counted: cents(body.countedCash), difference: cents(body.difference) }).toEqual({
          counted,
          difference: diff,
        });
        if (diff !== 0) m.counts.push({ id: body.id, diff, replenished: false });
        [m.cash, m.pending] = [m.cash + diff, m.pending - diff];
        return;
      }
    }
  }

  /** The fund's ledger rows, as the app role reads them. */
  const movementsOf = (fundId: string) =>
    withTenant(t.database.db, { organizationId: t.owner.organizationId, userId: t.owner.userId }, (tx) =>
      tx
        .select()
        .from(fundMovements)
        .where(
          and(eq(fundMovements.organizationId, t.owner.organizationId), eq(fundMovements.fundId, fundId)),
        )
        .orderBy(fundMovements.sequence),
    );

  async function checkInvariants(m: Model, fundId: string, earlier: Awaited<ReturnType<typeof movementsOf>>) {
    const balances = { cash: m.cash, pending: m.pending, advances: m.advances, authorized: m.authorized };
    const movements = await movementsOf(fundId);
    // I1: every movement balances.
    for (const mv of movements)
      expect(cents(mv.cashDelta) + cents(mv.pendingDelta) + cents(mv.advancesDelta)).toBe(
        cents(mv.authorizedDelta),
      );
    // I6: balances recomputed from the movements alone; sequences 1..n with no gaps; each "after" is the running sum.
    expect(movements.map((mv) => mv.sequence)).toEqual(movements.map((_, i) => i + 1));
    const running = { cash: 0, pending: 0, advances: 0, authorized: 0 };
    for (const mv of movements) {
      running.cash += cents(mv.cashDelta);
      running.pending += cents(mv.pendingDelta);
      running.advances += cents(mv.advancesDelta);
      running.authorized += cents(mv.authorizedDelta);
      expect({
        cash: cents(mv.cashAfter),
        pending: cents(mv.pendingAfter),
        advances: cents(mv.advancesAfter),
        authorized: cents(mv.authorizedAfter),
      }).toEqual(running);
      expect(running.cash).toBeGreaterThanOrEqual(0); // I3 at every point of history
    }
    expect(running).toEqual(balances);
    // I5: rows seen halfway through are unchanged; neither the app role nor the tables' owner (past
    // the grants, the append-only trigger) can rewrite or delete history.
    expect(movements.slice(0, earlier.length)).toEqual(earlier);
    const scope = { organizationId: t.owner.organizationId, userId: t.owner.userId };
    const ofFund = sql`organization_id = ${t.owner.organizationId} AND fund_id = ${fundId}`;
    for (const statement of [
      sql`UPDATE fund_movements SET memo = 'editado', cash_delta = cash_delta + 1 WHERE ${ofFund}`,
      sql`DELETE FROM fund_movements WHERE ${ofFund}`,
    ]) {
      await expect(withTenant(t.database.db, scope, (tx) => tx.execute(statement))).rejects.toThrow();
      await expect(t.database.db.transaction((tx) => tx.execute(statement))).rejects.toSatisfy((error) =>
        /append-only/.test(`${error} ${(error as Error).cause}`),
      );
    }
    expect(await movementsOf(fundId)).toEqual(movements);
    // The dashboard's rollups (kept by triggers) still equal the expenses summed afresh.
    expect(await rollupDrift(t.database.db, t.owner.organizationId)).toEqual([]);
    // I4: each paid replenishment equals its active items and its movement; no voucher in two active items.
    await withTenant(t.database.db, scope, async (tx) => {
      const org = t.owner.organizationId;
      const paid = await tx
        .select()
        .from(replenishments)
        .where(
          and(
            eq(replenishments.organizationId, org),
            eq(replenishments.fundId, fundId),
            eq(replenishments.status, 'paid'),
          ),
        );
      const items = await tx
        .select()
        .from(replenishmentItems)
        .where(and(eq(replenishmentItems.organizationId, org), eq(replenishmentItems.active, true)));
      expect(paid.map((r) => r.id).sort()).toEqual(m.paid.map((r) => r.id).sort());
      for (const r of paid) {
        const own = items.filter((i) => i.replenishmentId === r.id);
        expect(cents(r.total)).toBe(sum(own.map((i) => cents(i.amount))));
        const modelled = m.paid.find((p) => p.id === r.id);
        expect({ total: cents(r.total), ids: own.map((i) => i.expenseId ?? i.cashCountId).sort() }).toEqual({
          total: modelled?.total,
          ids: [...(modelled?.expenseIds ?? []), ...(modelled?.countIds ?? [])].sort(),
        });
        const movement = movements.find((mv) => mv.id === r.movementId);
        expect(movement && { kind: movement.kind, amount: movement.amount }).toEqual({
          kind: 'replenishment_paid',
          amount: r.total,
        });
      }
      const voucherIds = items.map((i) => i.expenseId ?? i.cashCountId);
      expect(voucherIds.length).toBe(new Set(voucherIds).size);
      const replenished = await tx
        .select({ id: expenses.id })
        .from(expenses)
        .where(
          and(
            eq(expenses.organizationId, org),
            eq(expenses.fundId, fundId),
            eq(expenses.status, 'replenished'),
          ),
        );
      expect(replenished.map((e) => e.id).sort()).toEqual(
        m.expenses
          .filter((e) => e.status === 'replenished')
          .map((e) => e.id)
          .sort(),
      );
    });
  }

  it('keeps I1–I6 for any sequence of expenses, approvals, replenishments, advances and cash counts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1_000, max: 5_000 }),
        fc.array(opArbitrary, { minLength: 1, maxLength: 20, size: 'max' }),
        async (authorized, ops) => {
          const fund = await openFund(t.owner.client, { custodianId, authorizedAmount: `${authorized}.00` });
          const a = authorized * 100;
          const m: Model = {
            cash: a,
            pending: 0,
            advances: 0,
            authorized: a,
            expenses: [],
            openAdvances: [],
            settled: new Set(),
            counts: [],
            open: null,
            paid: [],
          };
          let earlier: Awaited<ReturnType<typeof movementsOf>> = [];
          for (const [index, op] of ops.entries()) {
            await apply(m, fund.id, op);
            // I2 and the values after every step, as the API shows them; I3.
            const view = (await t.owner.client.get(`/api/v1/funds/${fund.id}`)).json();
            const stored = {
              cash: cents(view.cash),
              pending: cents(view.pendingVouchers),
              advances: cents(view.openAdvances),
              authorized: cents(view.authorizedAmount),
            };
            expect(stored, `after op ${index} ${JSON.stringify(op)}`).toEqual({
              cash: m.cash,
              pending: m.pending,
              advances: m.advances,
              authorized: m.authorized,
            });
            expect(stored.cash + stored.pending + stored.advances).toBe(stored.authorized);
            expect(stored.cash).toBeGreaterThanOrEqual(0);
            if (index === Math.floor(ops.length / 2)) earlier = await movementsOf(fund.id);
          }
          await checkInvariants(m, fund.id, earlier);
        },
      ),
      { numRuns: 20 },
    );
  }, 300_000);
});

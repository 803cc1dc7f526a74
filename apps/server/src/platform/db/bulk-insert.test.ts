import { describe, expect, it } from 'vitest';
import { addMember, signUpVerifiedOwner } from '../../../test/helpers/accounts-flow.js';
import { useTestApp } from '../../../test/helpers/app-fixture.js';
import { membershipIdOf, openFund } from '../../../test/helpers/petty-cash-flow.js';
import { testDatabaseKinds } from '../../../test/helpers/test-database.js';
import { appendMovements, lockFund } from '../../modules/funds/fund-ledger.js';
import { withTenant } from '../tenancy.js';

describe.each(testDatabaseKinds())('bulk insert on %s', (kind) => {
  const t = useTestApp(kind);

  it("inserts many ledger rows in one statement, with drizzle's JS defaults, triggers and typed results", async () => {
    const owner = await signUpVerifiedOwner(t);
    const custodian = await addMember(t, owner.client, ['custodian']);
    const custodianId = await membershipIdOf(owner.client, custodian.userId);
    const fund = await openFund(owner.client, { custodianId, authorizedAmount: '1000.00' });
    const actor = { organizationId: owner.organizationId, membershipId: custodianId };
    const rows = await withTenant(t.database.db, { organizationId: owner.organizationId }, async (tx) => {
      const locked = await lockFund(tx, owner.organizationId, fund.id);
      if (!locked) throw new Error('no fund');
      return appendMovements(tx, actor, locked, [
        { event: { kind: 'expense_paid_from_fund', amount: '100.00' } },
        { event: { kind: 'expense_paid_from_fund', amount: '250.50' } },
      ]);
    });
    expect(
      rows.map((row) => [row.sequence, row.cashAfter, typeof row.id, row.createdAt instanceof Date]),
    ).toEqual([
      [2, '900.00', 'string', true],
      [3, '649.50', 'string', true],
    ]);
    expect((await owner.client.get(`/api/v1/funds/${fund.id}`)).json().cash).toBe('649.50');
  });
});

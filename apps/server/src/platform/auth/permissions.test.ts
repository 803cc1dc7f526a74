import { describe, expect, it } from 'vitest';
import { type Action, can, ROLES, type Role } from './permissions.js';

// PRODUCT.md §1, row by row: who may do what.
const TABLE: [Action, Role[]][] = [
  ['subscription.manage', ['owner']],
  ['organization.ownership.transfer', ['owner']],
  ['members.manage', ['owner', 'admin']],
  ['funds.manage', ['owner', 'admin']],
  ['expenses.record-own', ['owner', 'admin', 'approver', 'custodian', 'employee', 'accountant']],
  ['expenses.approve', ['owner', 'admin', 'approver']],
  ['payments.record', ['owner', 'admin', 'accountant']],
  ['reports.read', ['owner', 'admin', 'accountant', 'auditor']],
  ['audit.read', ['owner', 'admin', 'auditor']],
];

describe('role → action table', () => {
  it.each(TABLE)('%s is allowed exactly to %j', (action, allowed) => {
    for (const role of ROLES) expect(can([role], action), `${role} ${action}`).toBe(allowed.includes(role));
  });

  it('grants an action when any of several roles allows it', () => {
    expect(can(['employee', 'approver'], 'expenses.approve')).toBe(true);
    expect(can(['employee', 'custodian'], 'expenses.approve')).toBe(false);
  });
});

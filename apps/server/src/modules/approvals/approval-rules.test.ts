import { describe, expect, it } from 'vitest';
import {
  ANY_APPROVER,
  type ChainStep,
  checkCurrentStep,
  mayDecideStep,
  planApproval,
  type RuleConditions,
} from './approval-rules.js';

const rule = (change: Partial<RuleConditions>): RuleConditions => ({
  id: 'r',
  position: 1,
  active: true,
  minAmount: null,
  maxAmount: null,
  categoryId: null,
  fundId: null,
  costCenterId: null,
  autoApprove: false,
  levels: [{ role: 'approver' }],
  ...change,
});
const expense = { totalMxn: '1000.00', categoryId: 'fuel', fundId: 'f1', costCenterId: 'cc1' };

describe('planning an approval from the rules', () => {
  it('falls back to one level any approver decides when no rule matches', () => {
    expect(planApproval([], expense)).toEqual({
      kind: 'levels',
      ruleId: null,
      levels: [{ approverRole: ANY_APPROVER, approverId: null }],
    });
  });

  it.each([
    ['amount at the minimum', { minAmount: '1000.00' }, true],
    ['amount over the maximum', { maxAmount: '999.99' }, false],
    ['amount at the maximum', { maxAmount: '1000.00' }, true],
    ['another category', { categoryId: 'food' }, false],
    ['the same fund and cost center', { fundId: 'f1', costCenterId: 'cc1' }, true],
    ['another cost center', { costCenterId: 'cc2' }, false],
    ['a retired rule', { active: false }, false],
  ])('%s', (_name, change, matches) => {
    const plan = planApproval([rule({ id: 'specific', ...change })], expense);
    expect(plan.kind === 'levels' && plan.ruleId === 'specific').toBe(matches);
  });

  it('takes the first matching rule by position, whatever order they come in', () => {
    const rules = [
      rule({ id: 'second', position: 2, levels: [{ role: 'admin' }] }),
      rule({ id: 'first', position: 1, autoApprove: true, maxAmount: '5000.00' }),
    ];
    expect(planApproval(rules, expense)).toEqual({ kind: 'auto', ruleId: 'first' });
    expect(planApproval(rules, { ...expense, totalMxn: '5000.01' })).toMatchObject({ ruleId: 'second' });
  });
});

describe('who may decide a step', () => {
  const person = (roles: string[], membershipId = 'm1') => ({ membershipId, roles: roles as never });
  it.each([
    [{ approverRole: ANY_APPROVER, approverId: null }, person(['approver']), true],
    [{ approverRole: ANY_APPROVER, approverId: null }, person(['accountant']), false],
    [{ approverRole: 'admin', approverId: null }, person(['owner']), true],
    [{ approverRole: 'admin', approverId: null }, person(['approver']), false],
    [{ approverRole: null, approverId: 'm1' }, person(['approver']), true],
    [{ approverRole: null, approverId: 'm2' }, person(['owner']), false],
  ])('%o decided by %o: %s', (step, actor, allowed) => {
    expect(mayDecideStep(step, actor)).toBe(allowed);
  });
});

describe('whether a person may decide the current level now', () => {
  const approver = { membershipId: 'm1', roles: ['approver' as const] };
  const step = (change: Partial<ChainStep>): ChainStep => ({
    status: 'waiting',
    approverRole: 'approver',
    approverId: null,
    decidedBy: null,
    ...change,
  });
  it.each([
    ['the first level is theirs', [step({ status: 'pending' }), step({})], true, undefined],
    [
      'they decided the level before',
      [step({ status: 'approved', decidedBy: 'm1' }), step({ status: 'pending' })],
      false,
      'already_decided',
    ],
    [
      'the pending level is the admin’s',
      [step({ status: 'approved', decidedBy: 'm2' }), step({ status: 'pending', approverRole: 'admin' })],
      false,
      'not_your_level',
    ],
    ['nothing is pending', [step({ status: 'approved', decidedBy: 'm2' })], false, 'none_pending'],
  ])('%s', (_name, steps, may, why) => {
    const check = checkCurrentStep(steps, approver);
    expect(check.may).toBe(may);
    if (!check.may) expect(check.why).toBe(why);
  });
});

import type { Urgency, UrgencyLevelPolicy, UrgencyPolicy } from '../common/domain';
import { outcomeText } from '../common/outcome-text';
import { applyUrgencyPolicy, validateUrgencyPolicy } from './urgency-policy';

function level(overrides: Partial<UrgencyLevelPolicy> = {}): UrgencyLevelPolicy {
  return {
    responseMinutes: 240,
    clock: 'business',
    monthlyQuota: null,
    surchargePercent: 0,
    overQuota: 'reject',
    ...overrides,
  };
}

function policyWith(levels: Partial<Record<Urgency, Partial<UrgencyLevelPolicy>>>): UrgencyPolicy {
  return {
    levels: {
      low: level(levels.low),
      normal: level(levels.normal),
      high: level(levels.high),
      critical: level(levels.critical),
    },
    afterHoursAllowed: true,
    afterHoursSurchargePercent: 50,
  };
}

function usageOf(used: Partial<Record<Urgency, number>>): Record<Urgency, number> {
  return { low: 0, normal: 0, high: 0, critical: 0, ...used };
}

const resetsOn = '2026-12-01';

describe('applyUrgencyPolicy', () => {
  it.each([
    { case: 'unlimited level, heavily used', quota: null, used: 250, expectedUsed: 251 },
    { case: 'first request of the month', quota: 2, used: 0, expectedUsed: 1 },
    { case: 'last unit of the quota', quota: 2, used: 1, expectedUsed: 2 },
  ])('accepts at the requested level: $case', ({ quota, used, expectedUsed }) => {
    const decision = applyUrgencyPolicy({
      requested: 'critical',
      policy: policyWith({ critical: { monthlyQuota: quota, overQuota: 'reject' } }),
      usage: usageOf({ critical: used }),
      resetsOn,
    });
    expect(decision).toEqual({
      outcome: 'accepted',
      applied: 'critical',
      quota: { level: 'critical', used: expectedUsed, quota },
    });
  });

  it.each([
    { case: 'first request over the quota', quota: 2, used: 2 },
    { case: 'quota of zero', quota: 0, used: 0 },
    { case: 'usage already past a lowered quota', quota: 2, used: 3 },
  ])('rejects over quota with "reject": $case', ({ quota, used }) => {
    const decision = applyUrgencyPolicy({
      requested: 'critical',
      policy: policyWith({ critical: { monthlyQuota: quota, overQuota: 'reject' } }),
      usage: usageOf({ critical: used }),
      resetsOn,
    });
    expect(decision).toEqual({
      outcome: 'rejected',
      refusal: { code: 'quota_reached', level: 'critical', used, quota, resetsOn },
    });
  });

  it.each([
    {
      case: 'to the next level down',
      usage: { critical: 2, high: 0 },
      applied: 'high',
      quota: { level: 'high', used: 1, quota: 3 },
      words: 'Critical quota used up this month (2 of 2): recorded at level High (1 of 3 used)',
    },
    {
      case: 'into the last unit of the next level down',
      usage: { critical: 2, high: 2 },
      applied: 'high',
      quota: { level: 'high', used: 3, quota: 3 },
      words: 'Critical quota used up this month (2 of 2): recorded at level High (3 of 3 used)',
    },
    {
      case: 'skipping a full level',
      usage: { critical: 2, high: 3, normal: 4 },
      applied: 'normal',
      quota: { level: 'normal', used: 5, quota: 10 },
      words: 'Critical quota used up this month (2 of 2): recorded at level Normal (5 of 10 used)',
    },
    {
      case: 'skipping two full levels down to an unlimited one',
      usage: { critical: 2, high: 3, normal: 10, low: 40 },
      applied: 'low',
      quota: { level: 'low', used: 41, quota: null },
      words: 'Critical quota used up this month (2 of 2): recorded at level Low (no quota)',
    },
  ])('downgrades $case', ({ usage, applied, quota, words }) => {
    const decision = applyUrgencyPolicy({
      requested: 'critical',
      policy: policyWith({
        critical: { monthlyQuota: 2, overQuota: 'downgrade' },
        high: { monthlyQuota: 3 },
        normal: { monthlyQuota: 10 },
        low: { monthlyQuota: null },
      }),
      usage: usageOf(usage),
      resetsOn,
    });
    expect(decision).toEqual({
      outcome: 'downgraded',
      applied,
      requested: 'critical',
      reason: {
        code: 'downgraded',
        level: 'critical',
        used: 2,
        quota: 2,
        appliedLevel: applied,
        appliedUsed: quota.used,
        appliedQuota: quota.quota,
      },
      quota,
    });
    expect(decision.outcome === 'downgraded' && outcomeText('en', decision.reason)).toBe(words);
  });

  it('rejects a downgrade when no lower level has room', () => {
    const decision = applyUrgencyPolicy({
      requested: 'high',
      policy: policyWith({
        high: { monthlyQuota: 3, overQuota: 'downgrade' },
        normal: { monthlyQuota: 10 },
        low: { monthlyQuota: 0 },
      }),
      usage: usageOf({ high: 3, normal: 10 }),
      resetsOn,
    });
    expect(decision).toEqual({
      outcome: 'rejected',
      refusal: { code: 'no_lower_room', level: 'high', used: 3, quota: 3, resetsOn },
    });
  });

  it('does not downgrade while the requested level still has room', () => {
    const decision = applyUrgencyPolicy({
      requested: 'critical',
      policy: policyWith({ critical: { monthlyQuota: 2, overQuota: 'downgrade' } }),
      usage: usageOf({ critical: 1 }),
      resetsOn,
    });
    expect(decision).toMatchObject({ outcome: 'accepted', applied: 'critical' });
  });

  it.each([
    {
      case: 'with the fee of the level',
      fee: 15000,
      expectedFee: 15000,
      words: 'Critical quota used up this month (2 of 2): accepted with an overage fee of €150.00',
    },
    {
      case: 'with no fee set',
      fee: undefined,
      expectedFee: 0,
      words: 'Critical quota used up this month (2 of 2): accepted with an overage fee of €0.00',
    },
    {
      case: 'with a fee in cents',
      fee: 7505,
      expectedFee: 7505,
      words: 'Critical quota used up this month (2 of 2): accepted with an overage fee of €75.05',
    },
  ])('accepts over quota as overage $case', ({ fee, expectedFee, words }) => {
    const decision = applyUrgencyPolicy({
      requested: 'critical',
      policy: policyWith({
        critical: { monthlyQuota: 2, overQuota: 'overage', overageFeeCents: fee },
      }),
      usage: usageOf({ critical: 2 }),
      resetsOn,
    });
    expect(decision).toEqual({
      outcome: 'overage',
      applied: 'critical',
      overageFeeCents: expectedFee,
      reason: {
        code: 'overage',
        level: 'critical',
        used: 2,
        quota: 2,
        overageFeeCents: expectedFee,
      },
      quota: { level: 'critical', used: 3, quota: 2 },
    });
    expect(decision.outcome === 'overage' && outcomeText('en', decision.reason)).toBe(words);
  });

  it('counts only the usage of the requested level', () => {
    const decision = applyUrgencyPolicy({
      requested: 'normal',
      policy: policyWith({ normal: { monthlyQuota: 5 } }),
      usage: usageOf({ normal: 4, critical: 50, high: 50 }),
      resetsOn,
    });
    expect(decision).toEqual({
      outcome: 'accepted',
      applied: 'normal',
      quota: { level: 'normal', used: 5, quota: 5 },
    });
  });
});

describe('validateUrgencyPolicy', () => {
  it('finds nothing wrong in a coherent policy', () => {
    const policy = policyWith({
      low: { monthlyQuota: null, overQuota: 'reject' },
      normal: { monthlyQuota: 20, overQuota: 'downgrade' },
      high: { monthlyQuota: 4, overQuota: 'overage', overageFeeCents: 5000, surchargePercent: 25 },
      critical: { monthlyQuota: 0, overQuota: 'downgrade', surchargePercent: 500 },
    });
    expect(validateUrgencyPolicy(policy)).toEqual([]);
  });

  it.each([
    {
      case: 'overage without a fee',
      levels: { high: { monthlyQuota: 2, overQuota: 'overage' as const } },
      field: 'urgencyPolicy.levels.high.overageFeeCents',
    },
    {
      case: 'overage with a zero fee',
      levels: { high: { monthlyQuota: 2, overQuota: 'overage' as const, overageFeeCents: 0 } },
      field: 'urgencyPolicy.levels.high.overageFeeCents',
    },
    {
      case: 'a negative quota',
      levels: { normal: { monthlyQuota: -1 } },
      field: 'urgencyPolicy.levels.normal.monthlyQuota',
    },
    {
      case: 'a response time of zero',
      levels: { critical: { responseMinutes: 0 } },
      field: 'urgencyPolicy.levels.critical.responseMinutes',
    },
    {
      case: 'a negative response time',
      levels: { low: { responseMinutes: -60 } },
      field: 'urgencyPolicy.levels.low.responseMinutes',
    },
    {
      case: 'downgrade on low with a quota',
      levels: { low: { monthlyQuota: 5, overQuota: 'downgrade' as const } },
      field: 'urgencyPolicy.levels.low.overQuota',
    },
    {
      case: 'downgrade from a zero quota onto levels that are all zero',
      levels: {
        low: { monthlyQuota: 0 },
        normal: { monthlyQuota: 0 },
        high: { monthlyQuota: 0, overQuota: 'downgrade' as const },
      },
      field: 'urgencyPolicy.levels.high.overQuota',
    },
    {
      case: 'a negative surcharge',
      levels: { high: { surchargePercent: -5 } },
      field: 'urgencyPolicy.levels.high.surchargePercent',
    },
    {
      case: 'a surcharge above 500 %',
      levels: { critical: { surchargePercent: 501 } },
      field: 'urgencyPolicy.levels.critical.surchargePercent',
    },
  ])('names the field at fault: $case', ({ levels, field }) => {
    const problems = validateUrgencyPolicy(policyWith(levels));
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problems[0].message).not.toHaveLength(0);
  });

  it.each([
    { case: 'downgrade on an unlimited low', levels: { low: { overQuota: 'downgrade' as const } } },
    {
      case: 'overage without a fee on an unlimited level',
      levels: { high: { overQuota: 'overage' as const } },
    },
    {
      case: 'downgrade from zero when one lower level is unlimited',
      levels: {
        low: { monthlyQuota: null },
        normal: { monthlyQuota: 0 },
        high: { monthlyQuota: 0, overQuota: 'downgrade' as const },
      },
    },
    {
      case: 'surcharges at the bounds 0 and 500',
      levels: { low: { surchargePercent: 0 }, critical: { surchargePercent: 500 } },
    },
  ])('accepts $case', ({ levels }) => {
    expect(validateUrgencyPolicy(policyWith(levels))).toEqual([]);
  });

  it('checks the after-hours surcharge too', () => {
    const policy = { ...policyWith({}), afterHoursSurchargePercent: 600 };
    expect(validateUrgencyPolicy(policy)).toEqual([
      {
        field: 'urgencyPolicy.afterHoursSurchargePercent',
        code: 'after_hours_surcharge',
        message: expect.any(String),
        maxPercent: 500,
      },
    ]);
  });

  it('explains why a downgrade from low cannot work', () => {
    const [problem] = validateUrgencyPolicy(
      policyWith({ low: { monthlyQuota: 3, overQuota: 'downgrade' } }),
    );
    expect(problem.message).toMatch(/lowest level/);
  });
});

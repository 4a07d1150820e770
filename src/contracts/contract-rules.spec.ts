import type { UrgencyLevelPolicy, UrgencyPolicy } from '../common/domain';
import type { BillingTerms } from './contract.entity';
import {
  billingForMode,
  contractProblems,
  contractStanding,
  type ContractTerms,
} from './contract-rules';

const level = (overrides: Partial<UrgencyLevelPolicy> = {}): UrgencyLevelPolicy => ({
  responseMinutes: 240,
  clock: 'business',
  monthlyQuota: null,
  surchargePercent: 0,
  overQuota: 'reject',
  ...overrides,
});

const policy: UrgencyPolicy = {
  levels: { low: level(), normal: level(), high: level(), critical: level({ monthlyQuota: 2 }) },
  afterHoursAllowed: true,
  afterHoursSurchargePercent: 50,
};

const retainer: BillingTerms = {
  mode: 'retainer',
  monthlyFeeCents: 60000,
  includedMinutesPerMonth: 600,
  hourlyRateCents: 9000,
  roundingMinutes: 15,
  minimumBillableMinutes: 15,
  rolloverMonths: 2,
};

const SUPPORT = '6f1c2a4e-0000-4000-8000-000000000001';
const TRAINING = '6f1c2a4e-0000-4000-8000-000000000002';
const known = new Set([SUPPORT, TRAINING]);

function terms(overrides: Partial<ContractTerms> = {}, billing: Partial<BillingTerms> = {}) {
  return {
    startDate: '2026-01-01',
    endDate: null,
    urgencyPolicy: policy,
    ...overrides,
    billing: { ...retainer, ...billing },
  };
}

describe('contractProblems', () => {
  it('finds nothing wrong in a coherent retainer', () => {
    expect(contractProblems(terms(), known)).toEqual([]);
  });

  it.each([
    {
      case: 'a retainer without a fee',
      billing: { monthlyFeeCents: null },
      field: 'billing.monthlyFeeCents',
    },
    {
      case: 'a retainer without included minutes',
      billing: { includedMinutesPerMonth: undefined },
      field: 'billing.includedMinutesPerMonth',
    },
    {
      case: 'a retainer including 0 minutes',
      billing: { includedMinutesPerMonth: 0 },
      field: 'billing.includedMinutesPerMonth',
    },
    {
      case: 'a prepaid block without minutes',
      billing: { mode: 'prepaid' as const },
      field: 'billing.prepaidMinutes',
    },
    {
      case: 'a rate for an unknown activity',
      billing: {
        activityRates: [{ activityId: '6f1c2a4e-0000-4000-8000-00000000dead', hourlyRateCents: 1 }],
      },
      field: 'billing.activityRates.0.activityId',
    },
    {
      case: 'two rates for the same activity',
      billing: {
        activityRates: [
          { activityId: SUPPORT, hourlyRateCents: 9000 },
          { activityId: SUPPORT, hourlyRateCents: 8000 },
        ],
      },
      field: 'billing.activityRates.1.activityId',
    },
  ])('names the field at fault: $case', ({ billing, field }) => {
    const problems = contractProblems(terms({}, billing), known);
    expect(problems.map((p) => p.field)).toEqual([field]);
  });

  it('refuses an end before the start, naming endDate', () => {
    const problems = contractProblems(terms({ endDate: '2025-12-31' }), known);
    expect(problems).toEqual([
      {
        field: 'endDate',
        code: 'end_before_start',
        message: expect.stringContaining('2026-01-01'),
        startDate: '2026-01-01',
        endDate: '2025-12-31',
      },
    ]);
  });

  it('accepts a contract of a single day', () => {
    expect(contractProblems(terms({ endDate: '2026-01-01' }), known)).toEqual([]);
  });

  it('accepts time and materials with nothing but an hourly rate', () => {
    const billing = {
      mode: 'time_and_materials' as const,
      monthlyFeeCents: null,
      includedMinutesPerMonth: null,
    };
    expect(contractProblems(terms({}, billing), known)).toEqual([]);
  });

  it('passes the urgency policy problems through with their full path', () => {
    const bad: UrgencyPolicy = {
      ...policy,
      levels: { ...policy.levels, critical: level({ monthlyQuota: 1, overQuota: 'overage' }) },
    };
    const problems = contractProblems(terms({ urgencyPolicy: bad }), known);
    expect(problems.map((p) => p.field)).toEqual(['urgencyPolicy.levels.critical.overageFeeCents']);
  });

  it('lists every problem at once', () => {
    const problems = contractProblems(
      terms({ endDate: '2025-01-01' }, { monthlyFeeCents: null, includedMinutesPerMonth: null }),
      known,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'endDate',
      'billing.monthlyFeeCents',
      'billing.includedMinutesPerMonth',
    ]);
  });
});

describe('billingForMode', () => {
  it.each([
    {
      mode: 'retainer' as const,
      kept: { monthlyFeeCents: 60000, includedMinutesPerMonth: 600, prepaidMinutes: null },
    },
    {
      mode: 'prepaid' as const,
      kept: { monthlyFeeCents: null, includedMinutesPerMonth: null, prepaidMinutes: 1200 },
    },
    {
      mode: 'time_and_materials' as const,
      kept: { monthlyFeeCents: null, includedMinutesPerMonth: null, prepaidMinutes: null },
    },
  ])('keeps only the fields a $mode contract bills by', ({ mode, kept }) => {
    expect(billingForMode({ ...retainer, mode, prepaidMinutes: 1200 })).toMatchObject({
      mode,
      hourlyRateCents: 9000,
      activityRates: [],
      ...kept,
    });
  });
});

describe('contractStanding', () => {
  const contract = { startDate: '2026-01-01', endDate: '2026-12-31', archivedAt: null };
  it.each([
    { today: '2025-12-31', standing: 'upcoming' },
    { today: '2026-01-01', standing: 'active' },
    { today: '2026-12-31', standing: 'active' },
    { today: '2027-01-01', standing: 'ended' },
  ])('on $today the contract is $standing', ({ today, standing }) => {
    expect(contractStanding(contract, today)).toBe(standing);
  });

  it('is active for good without an end date', () => {
    expect(contractStanding({ ...contract, endDate: null }, '2099-06-30')).toBe('active');
  });

  it('is archived whatever the dates', () => {
    expect(
      contractStanding({ ...contract, archivedAt: new Date('2026-05-01T08:00:00Z') }, '2026-06-01'),
    ).toBe('archived');
  });
});

import type { BillingTerms } from '../contracts/contract.entity';
import { asOutcome } from '../common/outcome';
import { outcomeText } from '../common/outcome-text';
import { alertsDue, currentUsage, type ContractFacts } from './alert-rules';

const retainer: BillingTerms = {
  mode: 'retainer',
  monthlyFeeCents: 60000,
  includedMinutesPerMonth: 600,
  hourlyRateCents: 9000,
  roundingMinutes: 15,
  minimumBillableMinutes: 15,
  rolloverMonths: 0,
};

const facts = (overrides: Partial<ContractFacts> = {}): ContractFacts => ({
  reference: 'ACME-2026',
  billing: retainer,
  endDate: null,
  monthMinutes: 0,
  totalMinutes: 0,
  ...overrides,
});

const kinds = (f: ContractFacts, today = '2026-11-20') =>
  alertsDue(f, today, '2026-11').map((a) => a.kind);

describe('alertsDue: retainer usage', () => {
  it.each([
    { used: 0, due: [] },
    { used: 479, due: [] },
    { used: 480, due: ['usage_80'] },
    { used: 599, due: ['usage_80'] },
    { used: 600, due: ['usage_100'] },
    { used: 900, due: ['usage_100'] },
  ])('$used of 600 minutes → $due', ({ used, due }) => {
    expect(kinds(facts({ monthMinutes: used, totalMinutes: 99_999 }))).toEqual(due);
  });

  it('says it with the figures, for the month', () => {
    expect(alertsDue(facts({ monthMinutes: 492 }), '2026-11-20', '2026-11')).toEqual([
      {
        kind: 'usage_80',
        period: '2026-11',
        figures: {
          reference: 'ACME-2026',
          allowance: 'included',
          percent: 82,
          minutes: 600,
          usedMinutes: 492,
          month: '2026-11',
        },
      },
    ]);
  });
});

describe('alertsDue: prepaid block', () => {
  const prepaid: BillingTerms = { ...retainer, mode: 'prepaid', prepaidMinutes: 1200 };

  it.each([
    { total: 959, due: [] },
    { total: 960, due: ['usage_80'] },
    { total: 1200, due: ['usage_100'] },
  ])('$total of the 1200-minute block → $due', ({ total, due }) => {
    expect(kinds(facts({ billing: prepaid, totalMinutes: total, monthMinutes: 0 }))).toEqual(due);
  });

  it('names the block as the period, so a new block arms the alerts again', () => {
    const [alert] = alertsDue(
      facts({ billing: prepaid, totalMinutes: 1000 }),
      '2026-11-20',
      '2026-11',
    );
    expect(alert).toEqual({
      kind: 'usage_80',
      period: 'prepaid-1200',
      figures: {
        reference: 'ACME-2026',
        allowance: 'prepaid',
        percent: 83,
        minutes: 1200,
        usedMinutes: 1000,
      },
    });
  });
});

describe('alertsDue: time and materials', () => {
  it('has no allowance to run out of', () => {
    const tm: BillingTerms = { ...retainer, mode: 'time_and_materials' };
    expect(kinds(facts({ billing: tm, monthMinutes: 10_000, totalMinutes: 10_000 }))).toEqual([]);
  });
});

describe('alertsDue: contract ending', () => {
  it.each([
    { today: '2026-11-14', due: [], when: null, days: null },
    { today: '2026-11-15', due: ['contract_ending'], when: 'in 30 days', days: 30 },
    { today: '2026-12-14', due: ['contract_ending'], when: 'tomorrow', days: 1 },
    { today: '2026-12-15', due: ['contract_ending'], when: 'today', days: 0 },
  ])('ending 2026-12-15, on $today → $due', ({ today, due, when, days }) => {
    const alerts = alertsDue(facts({ endDate: '2026-12-15' }), today, today.slice(0, 7));
    expect(alerts.map((a) => a.kind)).toEqual(due);
    if (when) {
      expect(alerts[0]).toEqual({
        kind: 'contract_ending',
        period: '2026-12-15',
        figures: { reference: 'ACME-2026', endDate: '2026-12-15', days },
      });
      // Its words are the catalogue's, from the kind and the figures.
      const view = asOutcome('alert', { code: alerts[0].kind, figures: alerts[0].figures });
      expect(outcomeText('en', view)).toBe(`Contract ACME-2026 ends on 15 Dec 2026, ${when}`);
    }
  });
});

describe('currentUsage', () => {
  it('gives the figures of the allowance now, whether or not a threshold is passed', () => {
    expect(currentUsage(facts({ monthMinutes: 120 }), '2026-11')).toEqual({
      reference: 'ACME-2026',
      allowance: 'included',
      percent: 20,
      minutes: 600,
      usedMinutes: 120,
      month: '2026-11',
    });
    const tm: BillingTerms = { ...retainer, mode: 'time_and_materials' };
    expect(currentUsage(facts({ billing: tm }), '2026-11')).toBeNull();
  });
});

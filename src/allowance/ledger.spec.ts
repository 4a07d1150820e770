import fc from 'fast-check';
import { allowanceLedger, prepaidLeftToBill, type AllowanceTerms } from './ledger';
import { addMonths, monthNumber } from './rollover';

interface History {
  firstMonth: string;
  includedMinutes: number;
  rolloverMonths: number;
  minutesUsedByMonth: ReadonlyMap<string, number>;
}

/** The roll-over the ledger carries into `month`, replayed from the contract's first month. */
function rolloverInto(month: string, history: History) {
  const terms: AllowanceTerms = {
    mode: 'retainer',
    includedMinutesPerMonth: history.includedMinutes,
    rolloverMonths: history.rolloverMonths,
    startDate: `${history.firstMonth}-01`,
    endDate: null,
  };
  const use = [...history.minutesUsedByMonth].map(([m, minutes]) => ({ month: m, minutes }));
  return allowanceLedger(terms, use, month).find((l) => l.month === month)?.rolloverIn ?? [];
}

describe('the ledger: roll-over carried into a month', () => {
  const history = (used: Record<string, number>, rolloverMonths = 1, firstMonth = '2026-09') => ({
    firstMonth,
    includedMinutes: 600,
    rolloverMonths,
    minutesUsedByMonth: new Map(Object.entries(used)),
  });

  it.each([
    [
      '8 h of 10 used the month before: 2 h carried',
      { '2026-09': 480 },
      1,
      '2026-09',
      [['2026-09', 120]],
    ],
    ['roll-over off: nothing carried', { '2026-09': 480 }, 0, '2026-09', []],
    ['the contract starts this month: nothing to carry', {}, 1, '2026-10', []],
    [
      'an idle month carries its 10 h, the older ones expire after 1 month',
      {},
      1,
      '2026-07',
      [['2026-09', 600]],
    ],
    [
      'two months kept: August’s 5 h left are used before September’s own',
      { '2026-08': 300, '2026-09': 700 },
      2,
      '2026-08',
      [['2026-09', 200]],
    ],
    [
      'an overrun month eats the carried minutes, nothing left',
      { '2026-08': 0, '2026-09': 1200 },
      1,
      '2026-08',
      [],
    ],
  ] as const)('%s', (_, used, months, first, expected) => {
    const entries = rolloverInto('2026-10', history(used, months, first));
    expect(entries.map((e) => [e.month, e.minutes])).toEqual(expected);
  });

  it('never carries more than the included minutes of the kept months, all of them recent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 0, maxLength: 14 }),
        fc.integer({ min: 0, max: 6 }),
        (usage, rolloverMonths) => {
          const used = new Map(usage.map((m, k) => [`2025-${String(k + 1).padStart(2, '0')}`, m]));
          const firstMonth = '2025-01';
          const entries = rolloverInto('2026-03', {
            firstMonth,
            includedMinutes: 600,
            rolloverMonths,
            minutesUsedByMonth: used,
          });
          const total = entries.reduce((sum, e) => sum + e.minutes, 0);
          expect(total).toBeLessThanOrEqual(600 * rolloverMonths);
          for (const e of entries) {
            const age = monthNumber('2026-03') - monthNumber(e.month);
            expect(e.minutes).toBeGreaterThan(0);
            expect(age >= 1 && age <= rolloverMonths).toBe(true);
          }
        },
      ),
    );
  });
});

describe('the ledger: every minute used is covered or beyond, once', () => {
  const use = fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 30 });

  it('splits a retainer month into roll-over, included and overage, nothing negative', () => {
    fc.assert(
      fc.property(
        use,
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 900 }),
        (minutes, rolloverMonths, included) => {
          const terms: AllowanceTerms = {
            mode: 'retainer',
            includedMinutesPerMonth: included,
            rolloverMonths,
            startDate: '2025-11-01',
            endDate: null,
          };
          const months = minutes.map((m, k) => ({ month: addMonths('2025-11', k), minutes: m }));
          const ledger = allowanceLedger(terms, months, addMonths('2025-11', minutes.length - 1));
          for (const l of ledger) {
            expect(l.rolloverConsumed + l.coveredFromIncluded + l.overageMinutes).toBe(
              l.usedMinutes,
            );
            expect(
              Math.min(l.remainingMinutes, l.rolloverExpired, l.rolloverEarned),
            ).toBeGreaterThanOrEqual(0);
            expect(l.rolloverEarned).toBeLessThanOrEqual(rolloverMonths > 0 ? included : 0);
          }
        },
      ),
    );
  });

  it('draws a prepaid block down to zero, never below, the rest beyond it', () => {
    fc.assert(
      fc.property(use, fc.integer({ min: 0, max: 6000 }), (minutes, block) => {
        const terms: AllowanceTerms = {
          mode: 'prepaid',
          prepaidMinutes: block,
          rolloverMonths: 0,
          startDate: '2026-12-01',
          endDate: null,
        };
        const months = minutes.map((m, k) => ({ month: addMonths('2026-12', k), minutes: m }));
        const ledger = allowanceLedger(terms, months, addMonths('2026-12', minutes.length - 1));
        const consumed = ledger.reduce((s, l) => s + l.prepaidConsumed, 0);
        const total = minutes.reduce((s, m) => s + m, 0);
        expect(consumed).toBe(Math.min(block, total));
        expect(ledger[ledger.length - 1].prepaidLeft).toBe(block - consumed);
        for (const l of ledger) expect(l.prepaidConsumed + l.overageMinutes).toBe(l.usedMinutes);
      }),
    );
  });
});

describe('the ledger: the prepaid block left to bill, in the order of billing', () => {
  const terms: AllowanceTerms = {
    mode: 'prepaid',
    prepaidMinutes: 600,
    rolloverMonths: 0,
    startDate: '2026-02-01',
    endDate: null,
  };
  // February: 3 h, unbilled; March: 8 h, of which 6 h on an invoice.
  const ledger = allowanceLedger(
    terms,
    [
      { month: '2026-02', minutes: 180 },
      { month: '2026-03', minutes: 480, billedMinutes: 360 },
    ],
    '2026-03',
  );

  it.each([
    ['nothing drawn: the unbilled 3 h + 2 h come first', 0, [], 300],
    ['an invoice drew 6 h: 10 − 6 − 5', 360, [], 0],
    ['an invoice drew 4 h (February came first then): 10 − 4 − 5', 240, [], 60],
    ['the caller bills March’s late 2 h itself: 10 − 4 − 3', 240, ['2026-03'], 180],
    ['the caller bills both months itself', 240, ['2026-02', '2026-03'], 360],
    ['more drawn than the block: never below 0', 900, ['2026-02', '2026-03'], 0],
  ] as const)('%s', (_, drawn, billedNow, left) => {
    expect(prepaidLeftToBill(terms, ledger, drawn, billedNow)).toBe(left);
  });

  it('has no block outside a prepaid contract', () => {
    expect(prepaidLeftToBill({ ...terms, mode: 'retainer' }, ledger, 0)).toBe(0);
  });
});

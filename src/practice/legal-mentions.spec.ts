import {
  isCompanyLegalForm,
  LATE_PENALTY_FLOOR,
  latePenaltyProblems,
  registrationProblems,
} from './legal-mentions';

describe('isCompanyLegalForm', () => {
  it.each([
    ['SASU', true],
    ['sarl', true],
    ['EURL à associé unique', true],
    [' SAS ', true],
    ['SA', true],
    ['EI', false],
    ['Micro-entreprise', false],
    ['EIRL', false],
    ['Association', false],
  ])('%s is a company: %s', (form, expected) => {
    expect(isCompanyLegalForm(form)).toBe(expected);
  });
});

describe('registrationProblems', () => {
  const none = { tradeRegistry: null, tradeRegistryCity: null, shareCapitalCents: null };
  it.each([
    [{ legalForm: 'EI', ...none }, []],
    [{ legalForm: 'Micro-entreprise', ...none }, []],
    [
      { legalForm: 'SASU', ...none },
      [
        'tradeRegistry:trade_registry_required',
        'tradeRegistryCity:trade_registry_city_required',
        'shareCapitalCents:share_capital_required',
      ],
    ],
    [
      {
        legalForm: 'SARL',
        tradeRegistry: 'RCS',
        tradeRegistryCity: 'Lyon',
        shareCapitalCents: null,
      },
      ['shareCapitalCents:share_capital_required'],
    ],
    [
      { legalForm: 'SAS', tradeRegistry: 'RCS', tradeRegistryCity: ' ', shareCapitalCents: 100000 },
      ['tradeRegistryCity:trade_registry_city_required'],
    ],
    [
      { legalForm: 'EURL', tradeRegistry: 'RM', tradeRegistryCity: 'Lyon', shareCapitalCents: 100 },
      [],
    ],
    // A craftsman in the trades register names its city too, with no capital.
    [
      { ...none, legalForm: 'EI', tradeRegistry: 'RM' },
      ['tradeRegistryCity:trade_registry_city_required'],
    ],
  ] as const)('%j → %j', (seller, expected) => {
    expect(registrationProblems(seller).map((p) => `${p.field}:${p.code}`)).toEqual(expected);
  });
});

describe('latePenaltyProblems', () => {
  it('keeps the floor and the date of its legal interest rate together', () => {
    expect(LATE_PENALTY_FLOOR.percent).toBeCloseTo(
      3 * LATE_PENALTY_FLOOR.legalInterestRatePercent,
      10,
    );
    expect(LATE_PENALTY_FLOOR.rateSince).toMatch(/^\d{4}-(01|07)-01$/);
  });

  it.each([
    [0, ['late_penalty_floor']],
    [9.47, ['late_penalty_floor']],
    [LATE_PENALTY_FLOOR.percent, []],
    [12.15, []],
  ])('%d %% → %j', (rate, expected) => {
    expect(latePenaltyProblems(rate).map((p) => p.code)).toEqual(expected);
  });

  it('names the floor and its date for the words', () => {
    expect(latePenaltyProblems(0)[0]).toMatchObject({
      field: 'latePenaltyRatePercent',
      floor: 9.48,
      rateSince: '2025-07-01',
    });
  });
});

import {
  defaultVatRateProblems,
  isCompanyLegalForm,
  LEGAL_INTEREST_RATES,
  latePenaltyFloor,
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

describe('latePenaltyFloor', () => {
  it.each([
    // The rate of the half-year the day falls in; the floor is three times it.
    ['2024-07-01', 14.76, 4.92, '2024-07-01'],
    ['2024-12-31', 14.76, 4.92, '2024-07-01'],
    ['2025-01-01', 11.13, 3.71, '2025-01-01'],
    ['2025-06-30', 11.13, 3.71, '2025-01-01'],
    ['2025-07-01', 8.28, 2.76, '2025-07-01'],
    ['2025-12-31', 8.28, 2.76, '2025-07-01'],
    ['2026-01-01', 7.86, 2.62, '2026-01-01'],
    ['2026-06-30', 7.86, 2.62, '2026-01-01'],
    // The latest known rate carries forward until its successor is added to the table.
    ['2026-11-10', 7.86, 2.62, '2026-01-01'],
    // Before the table, its first rate.
    ['2023-03-01', 14.76, 4.92, '2024-07-01'],
  ])('on %s: %d %% (3 × %d %% since %s)', (day, percent, rate, since) => {
    expect(latePenaltyFloor(day)).toEqual({
      percent,
      legalInterestRatePercent: rate,
      rateSince: since,
    });
  });

  it('keeps the table in order, one row a half-year from its first day', () => {
    const days = LEGAL_INTEREST_RATES.map((r) => r.since);
    expect(days).toEqual([...days].sort());
    for (const day of days) expect(day).toMatch(/^\d{4}-(01|07)-01$/);
  });
});

describe('latePenaltyProblems', () => {
  it.each([
    [0, '2026-03-02', ['late_penalty_floor']],
    [7.85, '2026-03-02', ['late_penalty_floor']],
    [7.86, '2026-03-02', []],
    // 8 % was below the floor of the second half of 2025, and is above that of 2026.
    [8, '2025-11-03', ['late_penalty_floor']],
    [8, '2026-01-01', []],
    [12.15, '2024-09-01', ['late_penalty_floor']],
    [15, '2024-09-01', []],
  ])('%d %% on %s → %j', (rate, day, expected) => {
    expect(latePenaltyProblems(rate, day).map((p) => p.code)).toEqual(expected);
  });

  it('names the floor of the day and the date of its rate for the words', () => {
    expect(latePenaltyProblems(0, '2026-03-02')[0]).toMatchObject({
      field: 'latePenaltyRatePercent',
      floor: 7.86,
      legalInterestRate: 2.62,
      rateSince: '2026-01-01',
    });
  });
});

describe('defaultVatRateProblems', () => {
  it.each([
    ['standard', 0, ['defaultVatRateBp:default_vat_rate_exempt']],
    ['standard', 2000, []],
    ['standard', 550, []],
    ['standard', 210, []],
    // Under franchise no line charges VAT: the default rate is not printed.
    ['franchise', 0, []],
    ['franchise', 2000, []],
  ] as const)('%s, %d bp → %j', (vatRegime, defaultVatRateBp, expected) => {
    expect(
      defaultVatRateProblems({ vatRegime, defaultVatRateBp }).map((p) => `${p.field}:${p.code}`),
    ).toEqual(expected);
  });
});

import type { Problem } from '../common/problem';

/**
 * What the law asks a company seller to print (art. R123-237 C. com.), and the floor of the
 * late-payment penalty rate (art. L441-10 C. com.). Pure rules, no Nest.
 */

/** The trade registries a seller is registered in: companies (RCS), craftsmen (RM). */
export const TRADE_REGISTRIES = ['RCS', 'RM'] as const;
export type TradeRegistry = (typeof TRADE_REGISTRIES)[number];

/**
 * Legal forms of a company (société): such a seller prints its registry with the city of the
 * court that keeps it, and its share capital. An individual entrepreneur (EI, micro-entreprise,
 * EIRL) has no share capital and need not.
 */
export const COMPANY_LEGAL_FORMS = [
  'SARL',
  'EURL',
  'SAS',
  'SASU',
  'SA',
  'SNC',
  'SCS',
  'SCA',
  'SCOP',
  'SELARL',
  'SELAS',
  'SELASU',
  'SELAFA',
  'SELEURL',
  'SCP',
  'SCI',
] as const;

/** "SASU", "sas ", "SARL unipersonnelle", "EURL à associé unique": a company form, read by its first word. */
export function isCompanyLegalForm(legalForm: string): boolean {
  const first =
    legalForm
      .trim()
      .toUpperCase()
      .split(/[\s,(–-]+/)[0] ?? '';
  return (COMPANY_LEGAL_FORMS as readonly string[]).includes(first);
}

/** The legal interest rate of a half-year, from its first day. */
export interface LegalInterestRate {
  /** The first day it applies: 1 January or 1 July. */
  since: string;
  /** Percent a year. */
  percent: number;
  /** The ministerial order that set it, when the table names it. */
  order?: string;
}

/**
 * The legal interest rate "pour tous les autres cas" (creditors acting for their business),
 * half-year by half-year, oldest first. An arrêté sets it each half-year (Légifrance, and the
 * Banque de France's page): add its row here, with docs/domain-rules.md, when it is published.
 * Until then the latest row carries forward past its half-year.
 */
export const LEGAL_INTEREST_RATES: readonly LegalInterestRate[] = [
  { since: '2024-07-01', percent: 4.92 },
  { since: '2025-01-01', percent: 3.71 },
  { since: '2025-07-01', percent: 2.76, order: 'arrêté du 19 juin 2025 (JO du 24 juin 2025)' },
  {
    since: '2026-01-01',
    percent: 2.62,
    order: 'arrêté du 15 décembre 2025 (JORF du 26 décembre 2025)',
  },
];

/** The floor of the late-payment penalty rate on a day, and the legal interest rate it is 3 × of. */
export interface LatePenaltyFloor {
  /** Percent a year, two decimals at most. */
  percent: number;
  legalInterestRatePercent: number;
  /** The first day of that legal interest rate. */
  rateSince: string;
}

/**
 * The legal interest rate in force on `day` ('YYYY-MM-DD'): that of the latest half-year begun
 * by then; before the table's first row, the first row's.
 */
export function legalInterestRateOn(day: string): LegalInterestRate {
  const begun = LEGAL_INTEREST_RATES.filter((rate) => rate.since <= day);
  return begun.at(-1) ?? LEGAL_INTEREST_RATES[0];
}

/** Three times the legal interest rate in force on `day` (art. L441-10 C. com.). */
export function latePenaltyFloor(day: string): LatePenaltyFloor {
  const rate = legalInterestRateOn(day);
  return {
    // In hundredths of a percent, so 3 × 2.62 is 7.86 and not 7.860000000000001.
    percent: (3 * Math.round(rate.percent * 100)) / 100,
    legalInterestRatePercent: rate.percent,
    rateSince: rate.since,
  };
}

/** The penalty rate is below the legal floor of `day`: the reason and its figures, else none. */
export function latePenaltyProblems(latePenaltyRatePercent: number, day: string): Problem[] {
  const floor = latePenaltyFloor(day);
  if (latePenaltyRatePercent >= floor.percent) return [];
  return [
    {
      field: 'latePenaltyRatePercent',
      code: 'late_penalty_floor',
      message: `the late-payment penalty rate is at least ${floor.percent} % (3 × the legal interest rate since ${floor.rateSince})`,
      floor: floor.percent,
      legalInterestRate: floor.legalInterestRatePercent,
      rateSince: floor.rateSince,
    },
  ];
}

/**
 * The rate of the lines a practice's invoices generate (retainer, time), under the standard VAT
 * regime: such a line names no exemption, and a 0 % line without one is refused by the law
 * (art. 242 nonies A, I-13° annexe II CGI) and by EN 16931 (category E states its reason). The
 * 0 % rate is for manual lines, each with its exemption. Under franchise no line charges VAT.
 */
export function defaultVatRateProblems(p: {
  vatRegime: 'franchise' | 'standard';
  defaultVatRateBp: number;
}): Problem[] {
  if (p.vatRegime !== 'standard' || p.defaultVatRateBp !== 0) return [];
  return [
    {
      field: 'defaultVatRateBp',
      code: 'default_vat_rate_exempt',
      message:
        'under the standard VAT regime the default rate is a taxed one; a 0 % line is a manual line with its exemption',
    },
  ];
}

export interface SellerRegistration {
  legalForm: string;
  tradeRegistry: TradeRegistry | null;
  tradeRegistryCity: string | null;
  shareCapitalCents: number | null;
}

/**
 * A company names its registry and that registry's city, and its share capital; a city without
 * its registry says nothing either. One reason per missing field.
 */
export function registrationProblems(s: SellerRegistration): Problem[] {
  const problems: Problem[] = [];
  const company = isCompanyLegalForm(s.legalForm);
  const legalForm = s.legalForm.trim();
  if (company && !s.tradeRegistry) {
    problems.push({
      field: 'tradeRegistry',
      code: 'trade_registry_required',
      message: `a company (${legalForm}) prints its registration: RCS or RM`,
      legalForm,
    });
  }
  if ((company || s.tradeRegistry) && !s.tradeRegistryCity?.trim()) {
    problems.push({
      field: 'tradeRegistryCity',
      code: 'trade_registry_city_required',
      message: 'the registration names the city of its registry (RCS Lyon)',
      legalForm,
    });
  }
  if (company && s.shareCapitalCents === null) {
    problems.push({
      field: 'shareCapitalCents',
      code: 'share_capital_required',
      message: `a company (${legalForm}) prints its share capital`,
      legalForm,
    });
  }
  return problems;
}

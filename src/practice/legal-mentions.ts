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

/**
 * The legal interest rate "for all other cases" (creditors acting for their business) of the
 * half-year it was set for, and the floor it gives: three times it (art. L441-10 C. com.).
 * Set each half-year by ministerial order; update the figures and docs/domain-rules.md when a
 * new one is published.
 */
export const LATE_PENALTY_FLOOR = {
  /** Taux de l'intérêt légal, second half of 2025 (arrêté du 18 juin 2025), percent. */
  legalInterestRatePercent: 3.16,
  /** The first day the legal interest rate applies. */
  rateSince: '2025-07-01',
  /** 3 × 3.16 %. */
  percent: 9.48,
} as const;

/** The penalty rate is below the legal floor: the reason and its figures, else none. */
export function latePenaltyProblems(latePenaltyRatePercent: number): Problem[] {
  if (latePenaltyRatePercent >= LATE_PENALTY_FLOOR.percent) return [];
  return [
    {
      field: 'latePenaltyRatePercent',
      code: 'late_penalty_floor',
      message: `the late-payment penalty rate is at least ${LATE_PENALTY_FLOOR.percent} % (3 × the legal interest rate since ${LATE_PENALTY_FLOOR.rateSince})`,
      floor: LATE_PENALTY_FLOOR.percent,
      legalInterestRate: LATE_PENALTY_FLOOR.legalInterestRatePercent,
      rateSince: LATE_PENALTY_FLOOR.rateSince,
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

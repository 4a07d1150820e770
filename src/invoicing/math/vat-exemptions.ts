/**
 * Why a line bears no VAT, when the invoice otherwise charges it (art. 242 nonies A, I-13°
 * annexe II CGI: an exempt operation names its exemption). Each reason has its code in the
 * VATEX list (CEF, used by EN 16931 invoices), the VAT category of EN 16931 (UNTDID 5305) and
 * the words the invoice prints, the law's French whatever the invoice's language.
 */
export const VAT_EXEMPTIONS = {
  /** Vocational training by a declared body (art. 261-4-4° a CGI; art. 132-1-i of the directive). */
  training: {
    vatex: 'VATEX-EU-132-1I',
    category: 'E',
    reason: 'Exonération de TVA, art. 261-4-4° a du CGI (formation professionnelle continue)',
  },
  /** Services to a business in another member state, VAT due by it (art. 283-2 CGI). */
  reverse_charge: {
    vatex: 'VATEX-EU-AE',
    category: 'AE',
    reason: 'Autoliquidation, art. 283-2 du CGI',
  },
  /** Goods sent to a business in another member state (art. 262 ter I CGI). */
  intra_eu_goods: {
    vatex: 'VATEX-EU-IC',
    category: 'K',
    reason: 'Exonération de TVA, art. 262 ter I du CGI (livraison intracommunautaire)',
  },
  /** Goods exported outside the EU (art. 262 I CGI). */
  export_goods: {
    vatex: 'VATEX-EU-G',
    category: 'G',
    reason: 'Exonération de TVA, art. 262 I du CGI (exportation)',
  },
  /** A service taxed where a business customer outside the EU is (art. 259-1 CGI). */
  outside_scope: {
    vatex: 'VATEX-EU-O',
    category: 'O',
    reason: 'TVA non applicable, art. 259-1 du CGI',
  },
  /** The seller's VAT franchise (art. 293 B CGI). */
  franchise: {
    vatex: 'VATEX-FR-FRANCHISE',
    category: 'E',
    reason: 'TVA non applicable, art. 293 B du CGI',
  },
} as const satisfies Record<string, { vatex: string; category: string; reason: string }>;

export type VatExemption = keyof typeof VAT_EXEMPTIONS;
export const VAT_EXEMPTION_CODES = Object.keys(VAT_EXEMPTIONS) as VatExemption[];

export function isVatExemption(code: unknown): code is VatExemption {
  return typeof code === 'string' && Object.hasOwn(VAT_EXEMPTIONS, code);
}

/** The exemption's VATEX code, category and printed reason. */
export function vatExemption(code: VatExemption): (typeof VAT_EXEMPTIONS)[VatExemption] {
  return VAT_EXEMPTIONS[code];
}

/**
 * The exemptions of an invoice's lines, in the order they first appear, each once: what the
 * invoice prints under its lines.
 */
export function exemptionsOf(lines: readonly { vatExemption?: string | null }[]): VatExemption[] {
  const found: VatExemption[] = [];
  for (const line of lines) {
    if (isVatExemption(line.vatExemption) && !found.includes(line.vatExemption)) {
      found.push(line.vatExemption);
    }
  }
  return found;
}

/** Services (prestations) or goods (livraisons de biens): what a line sells. */
export const SUPPLIES = ['services', 'goods'] as const;
export type Supply = (typeof SUPPLIES)[number];

/** The category of the operation printed on the invoice (art. 242 nonies A CGI). */
export type OperationCategory = 'services' | 'goods' | 'mixed';

/** Services only, goods only, or both ("Mixte"); lines without a supply are services. */
export function operationCategory(lines: readonly { supply?: Supply | null }[]): OperationCategory {
  const goods = lines.filter((l) => l.supply === 'goods').length;
  if (goods === 0) return 'services';
  return goods === lines.length ? 'goods' : 'mixed';
}

/** Typed on a manual line of a taxed invoice: every reason but the seller's own franchise. */
export const LINE_VAT_EXEMPTIONS = VAT_EXEMPTION_CODES.filter((code) => code !== 'franchise');

/** The reason a whole invoice bears no VAT, from its regime; none under the standard regime. */
export function regimeExemption(
  regime: 'franchise' | 'standard' | 'reverse_charge' | 'export',
): VatExemption | null {
  switch (regime) {
    case 'franchise':
      return 'franchise';
    case 'reverse_charge':
      return 'reverse_charge';
    case 'export':
      return 'outside_scope';
    case 'standard':
      return null;
  }
}

import type { InvoiceVatRegime } from './totals';

/**
 * Member states of the European Union, ISO 3166 alpha-2. Greece also as EL, the prefix of its
 * VAT numbers. Monaco is in the French VAT territory, so a client there is domestic.
 */
// prettier-ignore
export const EU_COUNTRY_CODES: readonly string[] = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'GR', 'HR',
  'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
];
const FRENCH_VAT_TERRITORY = ['FR', 'MC'];

export interface VatRegimeFacts {
  practiceRegime: 'franchise' | 'standard';
  /** The buyer's country, ISO alpha-2. */
  clientCountry: string;
  /** An EU VAT number, or outside the EU the company's tax identifier. */
  clientVatNumber?: string | null;
}

/** Where a buyer stands for French VAT: at home, in another member state, or outside the EU. */
export function vatArea(country: string): 'france' | 'eu' | 'outside_eu' {
  const code = country.trim().toUpperCase();
  if (FRENCH_VAT_TERRITORY.includes(code)) return 'france';
  return EU_COUNTRY_CODES.includes(code) ? 'eu' : 'outside_eu';
}

/**
 * A practice under franchise never charges VAT. Under the standard regime, services to a
 * business (it has a VAT number or tax identifier) are taxed where the business is (art. 259-1
 * CGI): in another EU country it self-assesses the VAT (reverse charge, 0 %); outside the EU
 * the service is outside the scope of French VAT (export, 0 %). Everyone else pays French VAT.
 */
export function vatRegimeFor(facts: VatRegimeFacts): InvoiceVatRegime {
  if (facts.practiceRegime === 'franchise') return 'franchise';
  const isBusiness = (facts.clientVatNumber ?? '').trim() !== '';
  if (!isBusiness) return 'standard';
  switch (vatArea(facts.clientCountry)) {
    case 'france':
      return 'standard';
    case 'eu':
      return 'reverse_charge';
    case 'outside_eu':
      return 'export';
  }
}

/** The legal mention the invoice carries for its regime, in French whatever its language. */
export function vatMention(regime: InvoiceVatRegime): string | null {
  switch (regime) {
    case 'franchise':
      return 'TVA non applicable, art. 293 B du CGI';
    case 'reverse_charge':
      return 'Autoliquidation';
    case 'export':
      return 'TVA non applicable – art. 259-1 du CGI';
    case 'standard':
      return null;
  }
}

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
  clientVatNumber?: string | null;
}

/**
 * A practice under franchise never charges VAT. Under the standard regime, a business client
 * in another EU country (it has a VAT number) self-assesses VAT: reverse charge at 0 %.
 */
export function vatRegimeFor(facts: VatRegimeFacts): InvoiceVatRegime {
  if (facts.practiceRegime === 'franchise') return 'franchise';
  const country = facts.clientCountry.trim().toUpperCase();
  const isBusiness = (facts.clientVatNumber ?? '').trim() !== '';
  const otherEuCountry =
    EU_COUNTRY_CODES.includes(country) && !FRENCH_VAT_TERRITORY.includes(country);
  return otherEuCountry && isBusiness ? 'reverse_charge' : 'standard';
}

/** The legal mention the invoice carries for its regime (French, as the law requires). */
export function vatMention(regime: InvoiceVatRegime): string | null {
  switch (regime) {
    case 'franchise':
      return 'TVA non applicable, art. 293 B du CGI';
    case 'reverse_charge':
      return 'Autoliquidation';
    case 'standard':
      return null;
  }
}

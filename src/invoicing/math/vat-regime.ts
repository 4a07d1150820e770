import { vatArea } from '../../common/vat-area';
import type { InvoiceVatRegime } from './totals';

// Where a buyer stands for VAT is the client's affair too: it lives below both, in common.
export { EU_COUNTRY_CODES, vatArea } from '../../common/vat-area';

export interface VatRegimeFacts {
  practiceRegime: 'franchise' | 'standard';
  /** The buyer's country, ISO alpha-2. */
  clientCountry: string;
  /** An EU VAT number, or outside the EU the company's tax identifier. */
  clientVatNumber?: string | null;
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

import type { ErrorDetail } from '../common/domain-error';
import {
  isPlausibleEuVatNumber,
  isValidFrenchVatNumber,
  normalizeVatNumber,
} from '../common/identifiers';
import { vatNumberMatchesSiren } from '../common/validators';
import { vatArea } from '../common/vat-area';

/** What the invoices read of a client: where it is and how it is identified. */
export interface ClientIdentity {
  siren: string | null;
  vatNumber: string | null;
  address: { country: string };
}

/** An EU VAT number starts with its member state's code, Greece's with EL. */
const vatPrefixOf = (country: string) => (country === 'GR' ? 'EL' : country);

/**
 * Checks across fields (each field alone is checked by the DTO). The VAT number decides the
 * VAT regime of the client's invoices, so it must belong to the client's country: a French
 * number matching the SIREN in France, the member state's own number in the EU.
 */
export function clientCoherence(c: ClientIdentity): ErrorDetail[] {
  if (!c.vatNumber) return [];
  const country = c.address.country.trim().toUpperCase();
  const vat = normalizeVatNumber(c.vatNumber);
  const problem = (code: string, message: string, figures: object = {}): ErrorDetail[] => [
    { field: 'vatNumber', code, message, ...figures },
  ];
  switch (vatArea(country)) {
    case 'france':
      if (country === 'FR' && !isValidFrenchVatNumber(vat)) {
        return problem(
          'vat_number_french',
          'a client in France has a French VAT number: FR + key + SIREN',
        );
      }
      if (c.siren && !vatNumberMatchesSiren(vat, c.siren)) {
        return problem(
          'vat_number_siren',
          `vatNumber does not match the client's SIREN ${c.siren}`,
          { siren: c.siren },
        );
      }
      return [];
    case 'eu':
      if (!vat.startsWith(vatPrefixOf(country)) || !isPlausibleEuVatNumber(vat)) {
        return problem(
          'vat_number_country',
          `a client in ${country} has a VAT number of that member state (${vatPrefixOf(country)}…)`,
          { country, prefix: vatPrefixOf(country) },
        );
      }
      return [];
    case 'outside_eu':
      return [];
  }
}

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

/** Where a buyer stands for French VAT: at home, in another member state, or outside the EU. */
export function vatArea(country: string): 'france' | 'eu' | 'outside_eu' {
  const code = country.trim().toUpperCase();
  if (FRENCH_VAT_TERRITORY.includes(code)) return 'france';
  return EU_COUNTRY_CODES.includes(code) ? 'eu' : 'outside_eu';
}

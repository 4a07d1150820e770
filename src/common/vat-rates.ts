/**
 * The VAT rates of metropolitan France (art. 278 to 281 nonies CGI), in basis points: normal
 * 20 %, intermediate 10 %, reduced 5.5 %, particular 2.1 %, and 0 % for a line that is exempt
 * or outside the scope (which then states why). An invoice line or the practice's default rate
 * takes one of these; any other figure is a typing error.
 */
export const FRENCH_VAT_RATES_BP = [2000, 1000, 550, 210, 0] as const;
export type FrenchVatRateBp = (typeof FRENCH_VAT_RATES_BP)[number];

export function isFrenchVatRate(rateBp: number): rateBp is FrenchVatRateBp {
  return (FRENCH_VAT_RATES_BP as readonly number[]).includes(rateBp);
}

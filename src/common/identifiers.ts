/**
 * Checks of French and European business identifiers printed on invoices: SIREN, SIRET,
 * intra-community VAT numbers and IBANs. Format and check digits only, no registry lookup.
 */

/** Luhn check (ISO/IEC 7812), used by INSEE for SIREN and SIRET. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    const weighted = i % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return sum % 10 === 0;
}

/**
 * A SIREN or a SIRET as people type it, without the spaces, dots and dashes that group its
 * digits ("732 829 320", "732.829.320-00074"); anything else is kept, for the check to refuse.
 */
export function normalizeIdentifier(s: string): string {
  return s.replace(/[\s.-]/g, '');
}

/** A SIREN: exactly 9 digits (no spaces) with a valid Luhn key. */
export function isValidSiren(s: string): boolean {
  return typeof s === 'string' && /^\d{9}$/.test(s) && passesLuhn(s);
}

/** La Poste registers its thousands of offices under one SIREN with a different key rule. */
const LA_POSTE_SIREN = '356000000';

/** A SIRET: exactly 14 digits (SIREN + NIC) with a valid Luhn key, or La Poste's own rule. */
export function isValidSiret(s: string): boolean {
  if (typeof s !== 'string' || !/^\d{14}$/.test(s)) return false;
  if (passesLuhn(s)) return true;
  const digitSum = [...s].reduce((sum, digit) => sum + Number(digit), 0);
  return s.startsWith(LA_POSTE_SIREN) && digitSum % 5 === 0;
}

/** The two-digit key of a French VAT number: (12 + 3 × (SIREN mod 97)) mod 97. */
export function frenchVatKey(siren: string): string {
  if (typeof siren !== 'string' || !/^\d{9}$/.test(siren)) {
    throw new RangeError(`A SIREN has 9 digits: "${siren}"`);
  }
  return String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0');
}

/** A VAT number as printed, without spaces, dots or dashes, upper case. */
export function normalizeVatNumber(v: string): string {
  return v.replace(/[\s.-]/g, '').toUpperCase();
}

/** 'FR' + key + SIREN, e.g. FR44732829320 (spaces tolerated). */
export function isValidFrenchVatNumber(v: string): boolean {
  if (typeof v !== 'string') return false;
  const match = /^FR(\d{2})(\d{9})$/.exec(normalizeVatNumber(v));
  return match !== null && isValidSiren(match[2]) && frenchVatKey(match[2]) === match[1];
}

/** VAT prefixes of the EU member states (Greece uses EL, not its ISO code GR). */
// prettier-ignore
export const EU_VAT_PREFIXES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'EL', 'ES', 'FI', 'FR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const;

/**
 * An EU VAT number that looks right: a member state's prefix and 2 to 13 letters or digits
 * (French numbers get their full check). Only VIES can say it is actually registered.
 */
export function isPlausibleEuVatNumber(v: string): boolean {
  if (typeof v !== 'string') return false;
  const normalized = normalizeVatNumber(v);
  if (!/^[A-Z]{2}[0-9A-Z]{2,13}$/.test(normalized)) return false;
  const prefixes: readonly string[] = EU_VAT_PREFIXES;
  if (!prefixes.includes(normalized.slice(0, 2))) return false;
  return normalized.startsWith('FR') ? isValidFrenchVatNumber(normalized) : true;
}

/** IBAN lengths of the SEPA countries (SWIFT IBAN registry). */
// prettier-ignore
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AL: 28, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20,
  ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GI: 23, GL: 18, GR: 27, HR: 21, HU: 28, IE: 22,
  IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MT: 31,
  NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, RS: 22, SE: 24, SI: 19, SK: 24, SM: 27, VA: 22,
};

/** An IBAN without the spaces (or dots and dashes) that group it, upper case. */
export function normalizeIban(s: string): string {
  return s.replace(/[\s.-]/g, '').toUpperCase();
}

/** An IBAN in groups of four, as printed on an invoice. */
export function formatIban(s: string): string {
  return normalizeIban(s).replace(/(.{4})(?=.)/g, '$1 ');
}

/** ISO 13616 check: the country's length, then the whole number mod 97 must be 1. */
export function isValidIban(s: string): boolean {
  if (typeof s !== 'string') return false;
  const iban = normalizeIban(s);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban) || IBAN_LENGTHS[iban.slice(0, 2)] !== iban.length) {
    return false;
  }
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = parseInt(char, 36); // '0'-'9' → 0-9, 'A'-'Z' → 10-35
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidTimeZone, validateWeeklyHours } from '../calendar';
import type { WeeklyHours } from './domain';
import {
  EU_VAT_PREFIXES,
  frenchVatKey,
  isPlausibleEuVatNumber,
  isValidFrenchVatNumber,
  isValidIban,
  isValidSiren,
  isValidSiret,
  normalizeVatNumber,
} from './identifiers';

function rule(
  name: string,
  test: (value: unknown) => boolean,
  message: string | ((value: unknown) => string),
) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(propertyName),
        options: { message: typeof message === 'string' ? message : undefined, ...options },
        validator: {
          validate: (value: unknown) => test(value),
          defaultMessage: (args) =>
            typeof message === 'string' ? message : message(args?.value as unknown),
        },
      });
}

const str = (f: (s: string) => boolean) => (v: unknown) => typeof v === 'string' && f(v);

export const IsSiren = rule(
  'isSiren',
  str(isValidSiren),
  '$property must be a valid SIREN (9 digits, Luhn key)',
);
export const IsSiret = rule(
  'isSiret',
  str(isValidSiret),
  '$property must be a valid SIRET (14 digits, Luhn key)',
);
export const IsIban = rule(
  'isIban',
  str(isValidIban),
  '$property must be a valid IBAN (mod-97 check failed)',
);
export const IsTimeZone = rule(
  'isTimeZone',
  str(isValidTimeZone),
  '$property must be an IANA time zone such as Europe/Paris',
);
/**
 * A company's tax identifier outside the EU, loosely: 4 to 30 letters, digits, spaces, dots,
 * dashes or slashes, with at least 4 digits (CHE-123.456.789, GB123456789, 12-3456789).
 */
export function isPlausibleForeignTaxId(v: string): boolean {
  const trimmed = v.trim();
  return (
    /^[A-Za-z0-9][A-Za-z0-9 ./-]{2,28}[A-Za-z0-9]$/.test(trimmed) &&
    (trimmed.match(/\d/g) ?? []).length >= 4
  );
}

/**
 * A VAT number or tax identifier as a client or the practice may have one: French numbers are
 * checked in full (key and SIREN), other EU ones by their member state's prefix and length,
 * any other by the loose pattern above.
 */
export function isAcceptableVatNumber(v: string): boolean {
  const normalized = normalizeVatNumber(v);
  if (normalized.startsWith('FR')) return isValidFrenchVatNumber(v);
  const prefixes: readonly string[] = EU_VAT_PREFIXES;
  if (prefixes.includes(normalized.slice(0, 2))) return isPlausibleEuVatNumber(v);
  return isPlausibleForeignTaxId(v);
}

/** The French VAT number of a SIREN is FR + its key + the SIREN: does `vatNumber` match? */
export function vatNumberMatchesSiren(vatNumber: string, siren: string): boolean {
  if (!isValidSiren(siren)) return false;
  return normalizeVatNumber(vatNumber) === `FR${frenchVatKey(siren)}${siren}`;
}

export const IsVatNumber = rule(
  'isVatNumber',
  str(isAcceptableVatNumber),
  '$property must be a VAT number: in France FR + 2-digit key + SIREN (key = (12 + 3 × (SIREN mod 97)) mod 97), in another EU country its prefix and number (DE123456789), elsewhere the tax identifier (CHE-123.456.789)',
);
export const IsLocalDate = rule(
  'isLocalDate',
  str(
    (v) =>
      /^\d{4}-\d{2}-\d{2}$/.test(v) &&
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
      new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
  ),
  '$property must be a calendar day YYYY-MM-DD',
);
export const IsMonth = rule(
  'isMonth',
  str((v) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v)),
  '$property must be a month YYYY-MM',
);
export const IsWeeklyHours = rule(
  'isWeeklyHours',
  (v) => typeof v === 'object' && v !== null && validateWeeklyHours(v as WeeklyHours).length === 0,
  (v) => {
    if (typeof v !== 'object' || v === null)
      return '$property must be an object of weekday intervals';
    return `$property: ${validateWeeklyHours(v as WeeklyHours).join('; ')}`;
  },
);

import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';
import { isValidLocalDate, isValidTimeZone, validateWeeklyHours } from '../calendar';
import type { WeeklyHours } from './domain';
import {
  EU_VAT_PREFIXES,
  frenchVatKey,
  isPlausibleEuVatNumber,
  isValidFrenchVatNumber,
  isValidIban,
  isValidSiren,
  isValidSiret,
  normalizeIban,
  normalizeIdentifier,
  normalizeVatNumber,
} from './identifiers';

/**
 * A rule as a decorator: its name is the code of the problem it reports, its constraints the
 * figures the problem's words show (read back by flattenValidationErrors).
 */
function rule(
  name: string,
  test: (value: unknown) => boolean,
  message: string | ((value: unknown) => string),
  constraints?: unknown[],
) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(propertyName),
        constraints,
        options: { message: typeof message === 'string' ? message : undefined, ...options },
        validator: {
          validate: (value: unknown) => test(value),
          defaultMessage: (args) =>
            typeof message === 'string' ? message : message(args?.value as unknown),
        },
      });
}

const str = (f: (s: string) => boolean) => (v: unknown) => typeof v === 'string' && f(v);

/**
 * The years a date may fall in: far wider than any contract, invoice or intervention, narrow
 * enough that every date reaches the calendar, the database and the documents intact.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** ISO 8601 with a date, a time and an offset (or Z): an instant nobody has to guess the zone of. */
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

const yearInRange = (year: number): boolean => year >= MIN_YEAR && year <= MAX_YEAR;

/** A real day of the calendar (no 30 February), YYYY-MM-DD, within MIN_YEAR..MAX_YEAR. */
export function isCalendarDay(value: unknown): value is string {
  return (
    typeof value === 'string' && isValidLocalDate(value) && yearInRange(Number(value.slice(0, 4)))
  );
}

/** A month YYYY-MM within MIN_YEAR..MAX_YEAR. */
export function isCalendarMonth(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = MONTH.exec(value);
  return m !== null && yearInRange(Number(m[1]));
}

/**
 * An ISO 8601 instant with its offset whose local date and time exist as written: 30 February
 * or 25:00 are refused, not carried over to the next day.
 */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  if (!m || !yearInRange(Number(m[1]))) return false;
  const local = DateTime.fromISO(value, { setZone: true });
  return (
    local.isValid &&
    local.year === Number(m[1]) &&
    local.month === Number(m[2]) &&
    local.day === Number(m[3]) &&
    local.hour === Number(m[4]) &&
    local.minute === Number(m[5])
  );
}

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
  isCalendarDay,
  `$property must be a calendar day YYYY-MM-DD between ${MIN_YEAR} and ${MAX_YEAR}`,
  [MIN_YEAR, MAX_YEAR],
);
export const IsMonth = rule(
  'isMonth',
  isCalendarMonth,
  `$property must be a month YYYY-MM between ${MIN_YEAR} and ${MAX_YEAR}`,
  [MIN_YEAR, MAX_YEAR],
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

/**
 * A number with at most two decimals, however it is written: 1e-7 has seven, although its text
 * shows no decimal point (class-validator's maxDecimalPlaces reads the text and lets it through).
 */
export function hasAtMostTwoDecimals(value: unknown): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  const hundredths = Math.round(value * 100);
  return Number.isSafeInteger(hundredths) && hundredths / 100 === value;
}

export const HasAtMostTwoDecimals = rule(
  'hasAtMostTwoDecimals',
  hasAtMostTwoDecimals,
  '$property must be a number with at most 2 decimals',
);

/** A text field rewritten before it is validated; any other value is left to the rules. */
const normalized = (normalize: (text: string) => string): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normalize(value) : value,
  );

/**
 * SIREN and SIRET as people type them ("732 829 320", "732.829.320 00074") are read as their
 * digits, checked and stored so.
 */
export const NormalizedIdentifier = (): PropertyDecorator => normalized(normalizeIdentifier);
/**
 * A VAT number as stored: an EU one without the spaces, dots and dashes people type in it, upper
 * case ("fr 44 732.829.320" → FR44732829320); any other country's tax identifier as that country
 * writes it (CHE-123.456.789), only trimmed.
 */
export function storedVatNumber(v: string): string {
  const normalized = normalizeVatNumber(v);
  const prefixes: readonly string[] = EU_VAT_PREFIXES;
  return prefixes.includes(normalized.slice(0, 2)) ? normalized : v.trim();
}

export const NormalizedVatNumber = (): PropertyDecorator => normalized(storedVatNumber);
/** An IBAN as typed, in groups of four, is read without its spaces, upper case. */
export const NormalizedIban = (): PropertyDecorator => normalized(normalizeIban);

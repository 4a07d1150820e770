import { registerDecorator, ValidationOptions } from 'class-validator';
import { isValidTimeZone, validateWeeklyHours } from '../calendar';
import type { WeeklyHours } from './domain';
import {
  isPlausibleEuVatNumber,
  isValidFrenchVatNumber,
  isValidIban,
  isValidSiren,
  isValidSiret,
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
export const IsVatNumber = rule(
  'isVatNumber',
  str((v) =>
    v.toUpperCase().startsWith('FR') ? isValidFrenchVatNumber(v) : isPlausibleEuVatNumber(v),
  ),
  '$property must be a valid VAT number (FR + 2-digit key + SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97)',
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

/**
 * Numbers, money, percents and dates as people read them, in French or English. Shared by
 * invoices, reports and exports. French groups thousands with a narrow no-break space and puts a
 * no-break space before € and %, so an amount never wraps apart on a printed line.
 */

export type FormatLocale = 'fr' | 'en';

const NARROW_NBSP = '\u202f';
const NBSP = '\u00a0';

const SEPARATORS: Record<FormatLocale, { group: string; decimal: string }> = {
  fr: { group: NARROW_NBSP, decimal: ',' },
  en: { group: ',', decimal: '.' },
};

const MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** Whole units and hundredths of a non-negative integer count of hundredths, exactly. */
function splitHundredths(n: number): [number, number] {
  const rest = n % 100;
  return [(n - rest) / 100, rest];
}

/** 123456 cents → "1 234,56 €" (fr) or "€1,234.56" (en); negatives lead with "-". */
export function formatMoney(cents: number, locale: FormatLocale): string {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`An amount must be whole cents: ${cents}`);
  }
  const { group, decimal } = SEPARATORS[locale];
  const [units, hundredths] = splitHundredths(Math.abs(cents));
  const amount = `${groupThousands(String(units), group)}${decimal}${String(hundredths).padStart(2, '0')}`;
  const sign = cents < 0 ? '-' : '';
  return locale === 'fr' ? `${sign}${amount}${NBSP}€` : `${sign}€${amount}`;
}

/**
 * A decimal number with exactly `fractionDigits` digits, rounded half away from zero:
 * 1234.5 → "1 234,50" (fr) or "1,234.50" (en).
 */
export function formatDecimal(value: number, locale: FormatLocale, fractionDigits = 2): string {
  if (!Number.isFinite(value) || !Number.isInteger(fractionDigits) || fractionDigits < 0) {
    throw new RangeError(`Cannot format ${value} with ${fractionDigits} decimals`);
  }
  const factor = 10 ** fractionDigits;
  // toPrecision removes binary noise first (1.005 * 100 is 100.49999…).
  const scaled = Math.round(Number((Math.abs(value) * factor).toPrecision(15)));
  const fraction = scaled % factor;
  const whole = (scaled - fraction) / factor;
  const { group, decimal } = SEPARATORS[locale];
  const sign = value < 0 && scaled !== 0 ? '-' : '';
  const decimals =
    fractionDigits > 0 ? decimal + String(fraction).padStart(fractionDigits, '0') : '';
  return `${sign}${groupThousands(String(whole), group)}${decimals}`;
}

/** A quantity on an invoice line, two decimals: 1.5 → "1,50" (fr) or "1.50" (en). */
export function formatQuantity(quantity: number, locale: FormatLocale): string {
  return formatDecimal(quantity, locale, 2);
}

/** A percent with at most two decimals and no trailing zero: 5.5 → "5,5 %" (fr) or "5.5%" (en). */
export function formatPercent(percent: number, locale: FormatLocale): string {
  const digits = formatDecimal(percent, locale, 2).replace(/0+$/, '').replace(/[.,]$/, '');
  return locale === 'fr' ? `${digits}${NBSP}%` : `${digits}%`;
}

/** A VAT rate in basis points: 2000 → "20 %", 550 → "5,5 %" (fr); "20%", "5.5%" (en). */
export function formatRate(rateBp: number, locale: FormatLocale = 'fr'): string {
  if (!Number.isSafeInteger(rateBp)) {
    throw new RangeError(`A rate must be whole basis points: ${rateBp}`);
  }
  return formatPercent(rateBp / 100, locale);
}

/** A calendar day "YYYY-MM-DD" → "29/11/2026" (fr) or "29 Nov 2026" (en, never ambiguous). */
export function formatDate(day: string, locale: FormatLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const [year, month, date] = match ? match.slice(1).map(Number) : [NaN, NaN, NaN];
  const real = new Date(0);
  real.setUTCFullYear(year, month - 1, date);
  const exists =
    real.getUTCFullYear() === year &&
    real.getUTCMonth() === month - 1 &&
    real.getUTCDate() === date;
  if (!match || !exists) {
    throw new RangeError(`Not a calendar day: ${day}`);
  }
  if (locale === 'fr') return `${match[3]}/${match[2]}/${match[1]}`;
  return `${date} ${MONTHS_EN[month - 1]} ${match[1]}`;
}

/** Minutes as hours to the minute, the same in both languages: "49 h 30", "48 h", "0 h 45". */
export function formatMinutes(minutes: number): string {
  const total = Math.round(minutes);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`;
}

import type { HolidayCalendar } from './calendar-types';
import { addDays } from './periods';

export interface PublicHoliday {
  date: string;
  name: string;
}

function assertGregorianYear(year: number): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`Year out of the Gregorian calendar range: ${year}`);
  }
}

/** Easter Sunday of a Gregorian year ('YYYY-MM-DD'), by the anonymous Gregorian computus. */
export function easterSunday(year: number): string {
  assertGregorianYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The eleven public holidays of metropolitan France (Code du travail, art. L3133-1). */
function frenchHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  return [
    { date: `${year}-01-01`, name: "Jour de l'an" },
    { date: addDays(easter, 1), name: 'Lundi de Pâques' },
    { date: `${year}-05-01`, name: 'Fête du Travail' },
    { date: `${year}-05-08`, name: 'Victoire 1945' },
    { date: addDays(easter, 39), name: 'Ascension' },
    { date: addDays(easter, 50), name: 'Lundi de Pentecôte' },
    { date: `${year}-07-14`, name: 'Fête nationale' },
    { date: `${year}-08-15`, name: 'Assomption' },
    { date: `${year}-11-01`, name: 'Toussaint' },
    { date: `${year}-11-11`, name: 'Armistice 1918' },
    { date: `${year}-12-25`, name: 'Noël' },
  ];
}

/** Alsace-Moselle keeps two more days from its local law (Code du travail, art. L3134-13). */
function alsaceMoselleHolidays(year: number): PublicHoliday[] {
  return [
    ...frenchHolidays(year),
    { date: addDays(easterSunday(year), -2), name: 'Vendredi saint' },
    { date: `${year}-12-26`, name: 'Saint-Étienne' },
  ];
}

/** Public holidays of a year in date order, named in French. */
export function publicHolidays(year: number, calendar: HolidayCalendar): PublicHoliday[] {
  assertGregorianYear(year);
  let holidays: PublicHoliday[];
  switch (calendar) {
    case 'FR':
      holidays = frenchHolidays(year);
      break;
    case 'FR-57':
      holidays = alsaceMoselleHolidays(year);
      break;
    case 'none':
      holidays = [];
      break;
  }
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

/** Holiday dates per calendar and year, computed once: business-minute arithmetic asks daily. */
const holidayDates = new Map<string, ReadonlySet<string>>();

export function isPublicHoliday(localDate: string, calendar: HolidayCalendar): boolean {
  if (calendar === 'none') return false;
  const year = Number(localDate.slice(0, 4));
  const key = `${calendar}:${year}`;
  let dates = holidayDates.get(key);
  if (!dates) {
    dates = new Set(publicHolidays(year, calendar).map((holiday) => holiday.date));
    holidayDates.set(key, dates);
  }
  return dates.has(localDate);
}

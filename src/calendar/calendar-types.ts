/** The calendar's own vocabulary; the rest of the product imports it from here (via common/domain). */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Business hours: per weekday a list of [start, end) intervals in local "HH:MM". */
export type WeeklyHours = Record<Weekday, [string, string][]>;

export const HOLIDAY_CALENDARS = ['FR', 'FR-57', 'none'] as const;
export type HolidayCalendar = (typeof HOLIDAY_CALENDARS)[number];

export interface CalendarSettings {
  timezone: string;
  businessHours: WeeklyHours;
  holidayCalendar: HolidayCalendar;
  /** The consultant's own closure days, local "YYYY-MM-DD". */
  closures: string[];
}

/** Mon–Fri 09:00–18:00, the default of PRODUCT.md. */
export const DEFAULT_BUSINESS_HOURS: WeeklyHours = {
  mon: [['09:00', '18:00']],
  tue: [['09:00', '18:00']],
  wed: [['09:00', '18:00']],
  thu: [['09:00', '18:00']],
  fri: [['09:00', '18:00']],
  sat: [],
  sun: [],
};

/** The practice's calendar: local days, weeks and months, business hours and public holidays. */
export { easterSunday, isPublicHoliday, publicHolidays, type PublicHoliday } from './holidays';
export {
  addBusinessMinutes,
  addWallClockMinutes,
  afterHoursMinutes,
  BusinessClock,
  businessClock,
  businessIntervalsOn,
  businessMinutesBetween,
  dailySpanInstants,
  dailySpanMinutesBetween,
  isBusinessInstant,
  isNonWorkingDay,
  nextOpening,
} from './business-hours';
export {
  addDays,
  dayBounds,
  durationMinutes,
  firstDayOfNextMonth,
  intervalsOverlap,
  isoWeekBounds,
  isValidLocalDate,
  isValidTimeZone,
  localDate,
  localMonth,
  localTimeToInstant,
  monthBounds,
  splitByLocalDay,
  wallClockOccurrences,
  weekdayOf,
  type DayPiece,
  type Interval,
} from './periods';
export { parseHHMM, validateWeeklyHours, type MinuteSpan } from './weekly-hours';

import type { IANAZone } from 'luxon';

const MS_PER_HOUR = 3_600_000;
/** Hours remembered per zone before its memory starts over (about 57 years of hours). */
const MAX_HOURS_PER_ZONE = 500_000;

/** Per zone name: the offset (minutes) at the first instant of each UTC hour seen so far. */
const hourStarts = new Map<string, Map<number, number>>();

function offsetAtHourStart(zone: IANAZone, hour: number): number {
  let hours = hourStarts.get(zone.name);
  if (!hours || hours.size >= MAX_HOURS_PER_ZONE) {
    hours = new Map();
    hourStarts.set(zone.name, hours);
  }
  let offset = hours.get(hour);
  if (offset === undefined) {
    offset = zone.offset(hour * MS_PER_HOUR);
    hours.set(hour, offset);
  }
  return offset;
}

/**
 * The zone's UTC offset in minutes at an instant (epoch milliseconds), as luxon's
 * `zone.offset(at)` reads it, remembered per zone and UTC hour. Luxon asks Intl for the wall
 * clock on every call, the main cost of an instant's local day when it runs thousands of times a
 * request. An hour whose start and end read the same offset has no change inside it (no zone
 * changes twice within an hour), so its offset is the one remembered; an hour with a change in it
 * is asked of the zone at the very instant.
 */
export function zoneOffsetMinutes(zone: IANAZone, at: number): number {
  const hour = Math.floor(at / MS_PER_HOUR);
  const start = offsetAtHourStart(zone, hour);
  return start === offsetAtHourStart(zone, hour + 1) ? start : zone.offset(at);
}

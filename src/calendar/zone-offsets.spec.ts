import { IANAZone } from 'luxon';
import { zoneOffsetMinutes } from './zone-offsets';

const MINUTE = 60_000;

const HOUR = 60 * MINUTE;

/** Every instant a zone changes its offset between two instants: hour by hour, then bisected. */
function changes(zone: IANAZone, from: number, to: number): number[] {
  const found: number[] = [];
  for (let t = from; t < to; t += HOUR) {
    if (zone.offset(t) === zone.offset(t + HOUR)) continue;
    let [low, high] = [t, t + HOUR];
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (zone.offset(middle) === zone.offset(t)) low = middle;
      else high = middle;
    }
    found.push(high);
  }
  return found;
}

describe('zoneOffsetMinutes', () => {
  it.each([
    // name, a year with its changes, what is special
    ['Europe/Paris', 2026, 'a change on the hour'],
    ['Australia/Lord_Howe', 2026, 'a change of 30 minutes, at a half hour in UTC'],
    ['Asia/Kathmandu', 2026, 'an offset of +05:45 and no change'],
    ['America/St_Johns', 2026, 'an offset of -03:30 with changes'],
    ['Pacific/Chatham', 2026, 'an offset of +12:45 with changes'],
    ['Africa/Casablanca', 2026, 'two changes a few weeks apart (Ramadan)'],
    ['Europe/Paris', 1911, 'the end of Paris mean time, an offset of 9 min 21 s'],
  ])('reads what the zone says in %s around every change of %i (%s)', (name, year) => {
    const zone = IANAZone.create(name);
    const from = Date.UTC(year, 0, 1);
    const found = changes(zone, from, Date.UTC(year + 1, 0, 1));
    const instants = [
      ...found.flatMap((t) => [t - HOUR, t - MINUTE, t - 1, t, t + 1, t + MINUTE, t + 1_800_000]),
      // and every 6 h 37 min of the year, so remembered hours are read again
      ...Array.from({ length: 1_330 }, (_, i) => from + i * (6 * HOUR + 37 * MINUTE)),
    ];
    const twice = [...instants, ...instants];
    expect(twice.map((t) => [t, zoneOffsetMinutes(zone, t)])).toEqual(
      twice.map((t) => [t, zone.offset(t)]),
    );
  });
});

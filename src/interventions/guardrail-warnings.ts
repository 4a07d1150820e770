/**
 * The guardrails' warnings of work held in memory, by the one judge (GuardrailJudge): around a
 * saved intervention (the live check) and over a period (the import's weeks).
 */
import { IANAZone } from 'luxon';
import { localDate } from '../calendar';
import { URGENT_LEVELS, type GuardrailLimits } from '../common/domain';
import { GuardrailJudge } from './guardrail-judge';
import type { GuardrailInput, Warning, WorkedInterval } from './guardrails';

const DAY_MS = 86_400_000;

/**
 * The live check: the days and weeks the saved intervention touches, the rest windows that can
 * hold it (from the day and the week before) and the runs of weeks of the average that hold its
 * weeks; of those runs, the one with the highest average says enough.
 */
export function checkGuardrails(input: GuardrailInput): Warning[] {
  const { timezone: zone, focus } = input;
  if (!IANAZone.isValidZone(zone)) throw new RangeError(`Unknown time zone: ${zone}`);
  // An end at midnight does not touch the next day.
  const lastInstant = new Date(Math.max(focus.start.getTime(), focus.end.getTime() - 1));
  return highestAverageOnly(
    judged(input.interventions, zone, input.limits, {
      from: localDate(focus.start, zone),
      to: localDate(lastInstant, zone),
      around: true,
    }),
  );
}

/** Of the runs of weeks of the average that hold a saved intervention, the highest says enough. */
export function highestAverageOnly(found: Warning[]): Warning[] {
  const averages = found.filter((w) => w.code === 'average_weekly_limit');
  const highest = averages.reduce<Warning | undefined>(
    (best, w) => (best && averageOf(best) >= averageOf(w) ? best : w),
    undefined,
  );
  return found.filter((w) => w.code !== 'average_weekly_limit' || w === highest);
}

/** Every limit broken in a period of local days (both included), as the report lists them. */
export function periodWarnings(
  work: readonly WorkedInterval[],
  zone: string,
  limits: GuardrailLimits,
  period: { from: string; to: string },
): Warning[] {
  return judged(work, zone, limits, period);
}

function judged(
  work: readonly WorkedInterval[],
  zone: string,
  limits: GuardrailLimits,
  days: { from: string; to: string; around?: boolean },
): Warning[] {
  const sorted = [...work].sort((a, b) => a.start.getTime() - b.start.getTime());
  // A day surely no later than the first start's local day (zones are within ±14 h of UTC).
  const earliest =
    sorted.length > 0
      ? new Date(Math.floor(sorted[0].start.getTime() / DAY_MS - 1) * DAY_MS)
          .toISOString()
          .slice(0, 10)
      : undefined;
  const judge = new GuardrailJudge({ timezone: zone, limits }, { ...days, earliest });
  for (const w of sorted) {
    judge.add(
      w.start.getTime(),
      w.end.getTime(),
      URGENT_LEVELS.includes(w.urgency),
      w.afterHoursMinutes,
    );
  }
  return judge.finish();
}

function averageOf(w: Warning): number {
  return w.code === 'average_weekly_limit' ? w.averageMinutes : 0;
}

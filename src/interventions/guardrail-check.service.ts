import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { addDays, localDate } from '../calendar';
import { DEFAULT_LIMITS, type GuardrailLimits } from '../common/domain';
import { GuardrailJudge, type JudgedDays, readingOf } from './guardrail-judge';
import { highestAverageOnly } from './guardrail-warnings';
import type { Warning } from './guardrails';
import { Intervention } from './intervention.entity';
import { type StoredDayFigures, storedDayFigures } from './guardrail-queries';
import { storedWorkDays } from './work-days';

export interface GuardrailSettings {
  timezone: string;
  limits: GuardrailLimits;
}

/**
 * The limits the consultant's work breaks, by the one judge of the rules (GuardrailJudge):
 * around a saved intervention (the live warnings), or over a period (the workload report), over
 * the reading window of the days judged (the weeks of the average before them, the rest windows
 * after them). Both read the figures stored by day (work-days.ts), which the judge computed
 * when the work was written: one row a day of the reading window, never the interventions.
 */
@Injectable()
export class GuardrailCheck {
  constructor(
    @InjectRepository(Intervention) private readonly interventions: Repository<Intervention>,
  ) {}

  /**
   * The warnings of a saved intervention (or of any span of time): its days and weeks, judged
   * from the stored days of its reading window, as the report judges a period.
   */
  async around(
    consultantId: string,
    focus: { start: Date; end: Date },
    settings: GuardrailSettings,
  ): Promise<Warning[]> {
    const { timezone } = settings;
    const lastInstant = new Date(Math.max(focus.start.getTime(), focus.end.getTime() - 1));
    const judged = {
      from: localDate(focus.start, timezone),
      to: localDate(lastInstant, timezone),
      around: true,
    };
    const { from, to } = storedReading(judged, settings.limits);
    const days = await storedDayFigures(this.interventions.manager, consultantId, from, to);
    return highestAverageOnly(judgeStoredDays(days, judged, settings));
  }

  /**
   * Every limit broken in a period of local days (both included), as the workload report lists
   * them, from the figures stored by day (work-days.ts): one row a day of the reading window,
   * whatever the work, judged in the memory of the days.
   */
  async over(
    consultantId: string,
    period: { from: string; to: string },
    settings: GuardrailSettings,
  ): Promise<Warning[]> {
    const { from, to } = storedReading(period, settings.limits);
    const days = await storedWorkDays(this.interventions.manager, consultantId, from, to);
    return judgeStoredDays(days, period, settings);
  }
}

/**
 * The stored days the guardrails of some days read (GuardrailJudge's reading window): work that
 * touches it starts at most a day before it (work-times.ts), so from two days before.
 */
export function storedReading(
  judged: JudgedDays,
  limits: GuardrailLimits,
): { from: string; to: string } {
  const reading = readingOf(judged, withDefaults(limits));
  return { from: addDays(reading.from, -2), to: reading.to };
}

/**
 * Every limit broken in the days judged (a period, or around a saved intervention), judged from
 * their reading window's stored days, in order: each day's figures, and the stretches of work
 * of the days the rest windows read (GuardrailJudge.restsFrom).
 */
export function judgeStoredDays(
  days: readonly StoredDayFigures[],
  judged: JudgedDays,
  settings: GuardrailSettings,
): Warning[] {
  const judge = new GuardrailJudge(
    { timezone: settings.timezone, limits: withDefaults(settings.limits) },
    judged,
  );
  for (const day of days) judge.addDay(day.day, day);
  const restsFrom = judge.restsFrom;
  for (const day of days) {
    if (day.day < restsFrom) continue;
    for (const [start, end] of day.stretches) judge.addStretch(start, end, day.day);
  }
  return judge.finish();
}

/** Limits stored before some of them existed take the defaults of those (the migration adds them too). */
function withDefaults(limits: GuardrailLimits): GuardrailLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

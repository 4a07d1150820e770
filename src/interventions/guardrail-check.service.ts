import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { addDays, localDate } from '../calendar';
import { DEFAULT_LIMITS, type GuardrailLimits, URGENT_LEVELS } from '../common/domain';
import { GuardrailJudge, type JudgedDays } from './guardrail-judge';
import { forEachWork } from './guardrail-queries';
import { highestAverageOnly } from './guardrail-warnings';
import { guardrailReading, type Warning } from './guardrails';
import { Intervention } from './intervention.entity';
import { type StoredWorkDay, storedWorkDays } from './work-days';

export interface GuardrailSettings {
  timezone: string;
  limits: GuardrailLimits;
}

/**
 * The limits the consultant's work breaks, by the one judge of the rules (GuardrailJudge):
 * around a saved intervention (the live warnings), or over a period (the workload report), over
 * the reading window of the days judged (the weeks of the average before them, the rest windows
 * after them). A saved intervention's few weeks of work are streamed to the judge in order of
 * start, the few columns the rules read; a report's period is read from the figures stored by
 * day (work-days.ts), which the judge computed when the work was written.
 */
@Injectable()
export class GuardrailCheck {
  constructor(
    @InjectRepository(Intervention) private readonly interventions: Repository<Intervention>,
  ) {}

  /** The warnings of a saved intervention (or of any span of time): its days and weeks. */
  async around(
    consultantId: string,
    focus: { start: Date; end: Date },
    settings: GuardrailSettings,
  ): Promise<Warning[]> {
    const { timezone } = settings;
    const lastInstant = new Date(Math.max(focus.start.getTime(), focus.end.getTime() - 1));
    const days = {
      from: localDate(focus.start, timezone),
      to: localDate(lastInstant, timezone),
      around: true,
    };
    return highestAverageOnly(await this.judged(consultantId, days, settings));
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

  private async judged(
    consultantId: string,
    days: JudgedDays,
    settings: GuardrailSettings,
  ): Promise<Warning[]> {
    const judge = new GuardrailJudge(
      { timezone: settings.timezone, limits: withDefaults(settings.limits) },
      days,
    );
    const urgent = new Set<string>(URGENT_LEVELS);
    await forEachWork(
      this.interventions.manager,
      consultantId,
      judge.window,
      (startedAt, endedAt, urgency, afterHoursMinutes) =>
        judge.add(
          Date.parse(startedAt),
          Date.parse(endedAt),
          urgent.has(urgency),
          afterHoursMinutes,
        ),
    );
    return judge.finish();
  }
}

/**
 * The stored days a period's guardrails read (GuardrailJudge's reading window): work that
 * touches it starts at most a day before it (work-times.ts), so from two days before.
 */
export function storedReading(
  period: { from: string; to: string },
  limits: GuardrailLimits,
): { from: string; to: string } {
  const reading = guardrailReading(period.from, period.to, withDefaults(limits));
  return { from: addDays(reading.from, -2), to: reading.to };
}

/** Every limit broken in a period, judged from its reading window's stored days, in order. */
export function judgeStoredDays(
  days: readonly StoredWorkDay[],
  period: { from: string; to: string },
  settings: GuardrailSettings,
): Warning[] {
  const judge = new GuardrailJudge(
    { timezone: settings.timezone, limits: withDefaults(settings.limits) },
    period,
  );
  for (const day of days) judge.addDay(day.day, day);
  for (const day of days) {
    for (const [start, end] of day.stretches) judge.addStretch(start, end, day.day);
  }
  return judge.finish();
}

/** Limits stored before some of them existed take the defaults of those (the migration adds them too). */
function withDefaults(limits: GuardrailLimits): GuardrailLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

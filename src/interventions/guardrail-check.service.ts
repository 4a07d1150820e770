import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { dayBounds, localDate } from '../calendar';
import { DEFAULT_LIMITS, type GuardrailLimits, URGENT_LEVELS } from '../common/domain';
import { forEachWork } from './guardrail-queries';
import { PeriodGuardrails } from './guardrail-period';
import { checkGuardrails, guardrailReading, type Warning, type WorkedInterval } from './guardrails';
import { Intervention } from './intervention.entity';

export interface GuardrailSettings {
  timezone: string;
  limits: GuardrailLimits;
}

/**
 * The limits the consultant's work breaks, by the rules of guardrails.ts: around a saved
 * intervention (the live warnings), or over a period (the workload report). Work is read over
 * the reading window of the days judged: the weeks of the average before them, and the rest
 * windows after them.
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
    const limits = withDefaults(settings.limits);
    const lastInstant = new Date(Math.max(focus.start.getTime(), focus.end.getTime() - 1));
    const reading = guardrailReading(
      localDate(focus.start, timezone),
      localDate(lastInstant, timezone),
      limits,
      Math.max(0, limits.averageWeeks - 1),
    );
    const work = await this.workIn(consultantId, reading, timezone);
    return checkGuardrails({ timezone, limits, focus, interventions: work });
  }

  /**
   * Every limit broken in a period of local days (both included), as the workload report lists
   * them: the work of the reading window streamed in order of start into PeriodGuardrails, so
   * that ten years of work are judged in the memory of their days.
   */
  async over(
    consultantId: string,
    period: { from: string; to: string },
    settings: GuardrailSettings,
  ): Promise<Warning[]> {
    const judge = new PeriodGuardrails(
      { timezone: settings.timezone, limits: withDefaults(settings.limits) },
      period,
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

  private async workIn(
    consultantId: string,
    days: { from: string; to: string },
    zone: string,
  ): Promise<WorkedInterval[]> {
    const work = await this.interventions
      .createQueryBuilder('i')
      .select(['i.startedAt', 'i.endedAt', 'i.urgency', 'i.afterHoursMinutes', 'i.requestId'])
      .where('i.consultantId = :consultantId', { consultantId })
      .andWhere('i.endedAt IS NOT NULL')
      .andWhere('i.startedAt < :to AND i.endedAt > :from', {
        from: dayBounds(days.from, zone).start.toISOString(),
        to: dayBounds(days.to, zone).end.toISOString(),
      })
      .getMany();
    return work.map((i) => ({
      start: i.startedAt,
      end: i.endedAt!,
      urgency: i.urgency,
      afterHoursMinutes: i.afterHoursMinutes,
      hasRequest: i.requestId !== null,
    }));
  }
}

/** Limits stored before some of them existed take the defaults of those (the migration adds them too). */
function withDefaults(limits: GuardrailLimits): GuardrailLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { addDays, dayBounds, isoWeekBounds, localDate } from '../calendar';
import type { GuardrailLimits } from '../common/domain';
import { checkGuardrails, Warning } from './guardrails';
import { Intervention } from './intervention.entity';

export interface GuardrailSettings {
  timezone: string;
  limits: GuardrailLimits;
}

/**
 * The limits a saved intervention makes the consultant break. Work is read around the focus:
 * the ISO weeks it touches and a day either side, where rest and daily limits look.
 */
@Injectable()
export class GuardrailCheck {
  constructor(
    @InjectRepository(Intervention) private readonly interventions: Repository<Intervention>,
  ) {}

  async around(
    consultantId: string,
    focus: { start: Date; end: Date },
    settings: GuardrailSettings,
  ): Promise<Warning[]> {
    const window = readingWindow(focus, settings.timezone);
    const work = await this.interventions
      .createQueryBuilder('i')
      .select(['i.startedAt', 'i.endedAt', 'i.urgency', 'i.afterHoursMinutes', 'i.requestId'])
      .where('i.consultantId = :consultantId', { consultantId })
      .andWhere('i.endedAt IS NOT NULL')
      .andWhere('i.startedAt < :to AND i.endedAt > :from', {
        from: window.start.toISOString(),
        to: window.end.toISOString(),
      })
      .getMany();
    return checkGuardrails({
      timezone: settings.timezone,
      limits: settings.limits,
      focus,
      interventions: work.map((i) => ({
        start: i.startedAt,
        end: i.endedAt!,
        urgency: i.urgency,
        afterHoursMinutes: i.afterHoursMinutes,
        hasRequest: i.requestId !== null,
      })),
    });
  }
}

/** From the day before the first ISO week touched to the day after the last one. */
function readingWindow(
  focus: { start: Date; end: Date },
  zone: string,
): { start: Date; end: Date } {
  const lastInstant = new Date(Math.max(focus.start.getTime(), focus.end.getTime() - 1));
  const firstMonday = localDate(isoWeekBounds(focus.start, zone).start, zone);
  const nextMonday = localDate(isoWeekBounds(lastInstant, zone).end, zone);
  return {
    start: dayBounds(addDays(firstMonday, -1), zone).start,
    end: dayBounds(nextMonday, zone).end,
  };
}

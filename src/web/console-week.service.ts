import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth.decorators';
import { ActivitiesService } from '../activities/activities.service';
import { dayBounds, localDate } from '../calendar';
import { ClientsService } from '../clients/clients.service';
import { Clock } from '../common/clock';
import type { FormatLocale } from '../common/format';
import { GuardrailCheck } from '../interventions/guardrail-check.service';
import { InterventionsService } from '../interventions/interventions.service';
import { PracticeService } from '../practice/practice.service';
import { WorkloadReportService } from '../reports/workload-report.service';
import { groupByLocalDay, weekOf } from './console-view';

const ALL = { limit: 500, offset: 0 };

/**
 * One ISO week of the consultant's work: the interventions day by day, the week's totals
 * against the limits (from the workload report) and the guardrail warnings of its days.
 */
@Injectable()
export class ConsoleWeek {
  constructor(
    private readonly practice: PracticeService,
    private readonly reports: WorkloadReportService,
    private readonly interventions: InterventionsService,
    private readonly guardrails: GuardrailCheck,
    private readonly clients: ClientsService,
    private readonly activities: ActivitiesService,
    private readonly clock: Clock,
  ) {}

  async page(user: AuthUser, date: string | undefined, locale: FormatLocale) {
    const { timezone, limits } = await this.practice.get();
    const week = weekOf(date ?? localDate(this.clock.now(), timezone));
    const span = {
      start: dayBounds(week.monday, timezone).start,
      end: dayBounds(week.sunday, timezone).end,
    };
    const [report, work, warnings, clients, activities] = await Promise.all([
      this.reports.report(user.id, { from: week.monday, to: week.sunday }, locale),
      this.interventions.list({
        ...ALL,
        consultantId: user.id,
        from: week.monday,
        to: week.sunday,
      }),
      this.guardrails.around(user.id, span, { timezone, limits }),
      this.clients.list(user, ALL),
      this.activities.list(ALL),
    ]);
    const mine = work.items.filter((i) => !i.running);
    const byDay = groupByLocalDay(mine, week.days, timezone);
    const totals = new Map(report.days.map((d) => [d.date, d]));
    return {
      week,
      limits,
      totals: report.weeks[0],
      days: week.days.map((day) => ({
        date: day,
        worked: totals.get(day) ?? null,
        interventions: byDay.get(day) ?? [],
      })),
      warnings,
      clientNames: Object.fromEntries(clients.items.map((c) => [c.id, c.name])),
      activityNames: Object.fromEntries(activities.items.map((a) => [a.id, a.name])),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { localMonth, monthBounds } from '../calendar';
import { ClientsService } from '../clients/clients.service';
import type { Viewer } from '../common/tenant';
import { PracticeService } from '../practice/practice.service';
import { assertMonthPeriod } from '../reports/report-period';
import { monthsBetween } from '../usage/usage-figures';
import { clientMonths, minutesPerAnsweredRequest } from './coaching-queries';
import { autonomyMonth, repeatsOf, type AutonomyCounts } from './coaching-rules';
import type { AutonomyQuery, AutonomyView } from './dto/autonomy.dto';
import { TopicsReader } from './topics-reader.service';

/** Topics are looked for this many months before the period, so its first repeats count. */
const LOOKBACK_MONTHS = 6;

/**
 * A client's autonomy month by month: requests, deflections and their rate, false urgencies,
 * repeat requests, and the time the deflections saved. The consultant and that client's staff.
 */
@Injectable()
export class AutonomyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clients: ClientsService,
    private readonly practice: PracticeService,
    private readonly topics: TopicsReader,
  ) {}

  async trend(viewer: Viewer, clientId: string, query: AutonomyQuery): Promise<AutonomyView> {
    assertMonthPeriod(query);
    await this.clients.get(viewer, clientId);
    const { timezone } = await this.practice.calendar();
    const months = monthsBetween(query.from, query.to);
    const start = monthBounds(query.from, timezone).start;
    const end = monthBounds(query.to, timezone).end;
    const lookback = monthBounds(shiftMonth(query.from, -LOOKBACK_MONTHS), timezone).start;
    const [counts, history, minutesPerRequest] = await Promise.all([
      clientMonths(this.dataSource, clientId, months, timezone),
      this.topics.read({ start: lookback, end, clientId }, timezone),
      minutesPerAnsweredRequest(this.dataSource, { start: lookback, end, clientId }),
    ]);
    const repeatsByMonth = new Map<string, number>();
    for (const topic of history.topics) {
      const members = new Set(topic.requestIds);
      const rows = history.rows.filter((row) => members.has(row.id));
      for (const id of repeatsOf(rows)) {
        const row = rows.find((r) => r.id === id)!;
        const at = new Date(row.createdAt);
        if (at < start) continue;
        const month = localMonth(at, timezone);
        repeatsByMonth.set(month, (repeatsByMonth.get(month) ?? 0) + 1);
      }
    }
    const rows: AutonomyCounts[] = counts.map((c) => ({
      ...c,
      repeats: repeatsByMonth.get(c.month) ?? 0,
    }));
    const total = rows.reduce(
      (sum, m) => ({
        month: `${query.from}/${query.to}`,
        requests: sum.requests + m.requests,
        deflections: sum.deflections + m.deflections,
        falseUrgencies: sum.falseUrgencies + m.falseUrgencies,
        repeats: sum.repeats + m.repeats,
      }),
      { month: '', requests: 0, deflections: 0, falseUrgencies: 0, repeats: 0 },
    );
    return {
      clientId,
      from: query.from,
      to: query.to,
      months: rows.map((m) => autonomyMonth(m, minutesPerRequest)),
      totals: autonomyMonth(total, minutesPerRequest),
    };
  }
}

/** The month `by` months after (or before) a month YYYY-MM. */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

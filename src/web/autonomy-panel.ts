import { Injectable } from '@nestjs/common';
import { localMonth } from '../calendar';
import { AutonomyService, shiftMonth } from '../coaching/autonomy.service';
import type { AutonomyMonthView } from '../coaching/dto/autonomy.dto';
import { Clock } from '../common/clock';
import type { Viewer } from '../common/tenant';
import type { Translate } from '../i18n';
import { PracticeService } from '../practice/practice.service';
import { barChartSvg } from './svg-charts';

/** The trend shows this many months, the current one last. */
const TREND_MONTHS = 6;

export interface AutonomyPanelView {
  /** The quarter so far: its first month and the current one. */
  quarter: { from: string; to: string; totals: AutonomyMonthView };
  months: AutonomyMonthView[];
  /** Deflections month by month, as an inline SVG in the page's words. */
  chart: (t: Translate) => string;
}

/**
 * A client's autonomy as its pages show it (the portal's panel, the console's client page):
 * the quarter so far and the months before, both read from the coaching service's figures.
 */
@Injectable()
export class AutonomyPanel {
  constructor(
    private readonly autonomy: AutonomyService,
    private readonly practice: PracticeService,
    private readonly clock: Clock,
  ) {}

  async of(viewer: Viewer, clientId: string): Promise<AutonomyPanelView> {
    const { timezone } = await this.practice.calendar();
    const current = localMonth(this.clock.now(), timezone);
    const month = Number(current.slice(5, 7));
    const quarterStart = shiftMonth(current, -((month - 1) % 3));
    const [quarter, trend] = await Promise.all([
      this.autonomy.trend(viewer, clientId, { from: quarterStart, to: current }),
      this.autonomy.trend(viewer, clientId, {
        from: shiftMonth(current, 1 - TREND_MONTHS),
        to: current,
      }),
    ]);
    const chart = (t: Translate) =>
      barChartSvg({
        id: `autonomy-${clientId.slice(0, 8)}`,
        title: t('coaching.autonomy.chartTitle', {
          figures: trend.months.map((m) => `${m.month} ${m.deflections}`).join(', '),
        }),
        bars: trend.months.map((m) => ({
          label: m.month.slice(5),
          value: m.deflections,
          valueLabel: String(m.deflections),
        })),
      });
    return {
      quarter: { from: quarterStart, to: current, totals: quarter.totals },
      months: trend.months,
      chart,
    };
  }
}

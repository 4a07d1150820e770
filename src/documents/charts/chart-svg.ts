import { barChartSvg } from './bars';
import type { Chart, ChartFrame } from './chart';
import { gaugeSvg } from './gauge';
import { sharesSvg } from './shares';
import type { DrawnChart } from './svg';

/** The chart drawn as SVG in the frame given: the one drawing the pages and the PDFs show. */
export function chartSvg(chart: Chart, frame: ChartFrame): DrawnChart {
  switch (chart.type) {
    case 'bars':
      return barChartSvg(chart, frame);
    case 'gauge':
      return gaugeSvg(chart, frame);
    case 'shares':
      return sharesSvg(chart, frame);
  }
}

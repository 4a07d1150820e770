/**
 * The console's charts: the document kit's chart model drawn for a screen, inline SVG made on
 * the server (no script, no chart library), the same drawing the PDFs embed. Callers format
 * the numbers (hours, percents) in the reader's language.
 */
import {
  type BarChart,
  chartSvg,
  type GaugeChart,
  paintCss,
  SCREEN_FRAME,
  segmentPaint,
} from '../documents/charts';

export type GaugeInput = Omit<GaugeChart, 'type'>;
export type BarChartInput = Pick<BarChart, 'id' | 'title' | 'bars' | 'limits'>;

export interface MixSegment {
  label: string;
  value: number;
  /** "62 %": written in the page's legend and the aria-label. */
  shareLabel: string;
}

export function gaugeSvg(input: GaugeInput): string {
  return chartSvg({ type: 'gauge', ...input }, SCREEN_FRAME).svg;
}

export function barChartSvg(input: BarChartInput): string {
  return chartSvg({ type: 'bars', ...input }, SCREEN_FRAME).svg;
}

/** The activity mix as one bar of shares; the page lists the activities beside it. */
export function mixSvg(input: { title: string; segments: readonly MixSegment[] }): string {
  const segments = input.segments.map(({ label, value, shareLabel }) => ({
    label,
    value,
    detail: shareLabel,
  }));
  return chartSvg({ type: 'shares', id: 'mix', title: input.title, segments }, SCREEN_FRAME).svg;
}

/** The paint of the i-th mix segment as a CSS background, for the page's legend swatches. */
export function mixFill(i: number): string {
  return paintCss(segmentPaint(i));
}

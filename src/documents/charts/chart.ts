import { dejavuFontPath, textWidth } from '../fonts';

/**
 * The one chart model: a chart is described once, as data, and drawn once, as SVG, by
 * `chartSvg`. The pages show that SVG inline; the PDFs embed the same SVG (`drawChart`). Only
 * the frame differs: its size, its type size, how far many bars widen it, and whether it keeps
 * its size (paper) or takes the width of its box (a screen).
 */

/** How a value stands against its limits: within them, past a lower one, past the highest. */
export type Tone = 'normal' | 'alert' | 'over';

export interface ChartMark {
  value: number;
  /** Written on the chart: "alerte 40 h". */
  label: string;
}

export interface ChartBar {
  label: string;
  value: number;
  /** Written above the bar when there is room: "42 h". */
  valueLabel?: string;
  /** Worked out from the limits when left out. */
  tone?: Tone;
}

/** A line through the bars, one value a bar: what each month covered. */
export interface ChartSeries {
  label: string;
  values: readonly number[];
}

/** Vertical bars (days, weeks, months) with limits across them and lines through them. */
export interface BarChart {
  type: 'bars';
  /** Unique on a page: it names the chart's fill patterns. */
  id: string;
  /** What the chart shows, said in words with its figures to screen readers. */
  title: string;
  bars: readonly ChartBar[];
  /** Dashed lines across the chart, named beside it. */
  limits?: readonly ChartMark[];
  series?: readonly ChartSeries[];
  /** Appended to the figures of the vertical axis ("10 h"); no axis without it. */
  unit?: string;
  /** What each tone of bar means, in words under the chart. */
  legend?: readonly { label: string; tone: Tone }[];
}

/** One horizontal bar from 0 to the value, each limit a dashed tick with its name. */
export interface GaugeChart {
  type: 'gauge';
  id: string;
  title: string;
  value: number;
  valueLabel: string;
  marks: readonly ChartMark[];
}

export interface ShareSegment {
  label: string;
  /** Relative: the segments are scaled to fill the bar. */
  value: number;
  /** Said after the label: "12 h 30 (45 %)". */
  detail: string;
}

/** One bar split into shares (the activity mix). */
export interface ShareChart {
  type: 'shares';
  id: string;
  title: string;
  segments: readonly ShareSegment[];
  /** Each segment named under the bar; a page may list them itself instead. */
  legend?: boolean;
}

export type Chart = BarChart | GaugeChart | ShareChart;

/** Where a chart is drawn: sizes in SVG units, which are points in a PDF. */
export interface ChartFrame {
  width: number;
  /** A bar chart's plot with its labels, legend not included. */
  height: number;
  fontSize: number;
  /** The thickness of a gauge's or a share chart's bar. */
  band: number;
  legendRow: number;
  /** Room each bar asks for: more bars than fit widen the chart. Zero: they share the width. */
  slot: number;
  /** The widest many bars make a chart: beyond it they share its width. */
  maxWidth: number;
  /**
   * A screen's chart takes the width of its box (viewBox, width 100 %, class "fit"), growing to
   * at most this many times the size it is drawn at, so that its text stays of a reading size.
   * Left out, the chart keeps the size it is drawn at (paper).
   */
  fit?: number;
  /** The width of a text at a size, to keep labels apart. */
  measure: (text: string, size: number) => number;
}

/** Measured in DejaVu Sans, wider than most screen fonts, so labels keep clear of each other. */
const SCREEN_FONT = dejavuFontPath('DejaVuSans.ttf');

/**
 * The console's charts: a phone shows a week of days without shrinking the text much; a year of
 * weeks is drawn as wide as a desktop's page and shares it.
 */
export const SCREEN_FRAME: ChartFrame = {
  width: 320,
  height: 220,
  fontSize: 12,
  band: 18,
  legendRow: 18,
  slot: 52,
  maxWidth: 1000,
  fit: 1.3,
  measure: (text, size) => textWidth(SCREEN_FONT, text, size),
};

/** The tone of a value: past the highest limit "over", past another one "alert". */
export function toneOf(value: number, limits: readonly ChartMark[]): Tone {
  if (limits.length === 0) return 'normal';
  if (value > Math.max(...limits.map((m) => m.value))) return 'over';
  return limits.some((m) => value > m.value) ? 'alert' : 'normal';
}

import type * as SvgToPdfkit from 'svg-to-pdfkit';
import { onFirstUse } from '../../common/on-first-use';
import { textWidth } from '../fonts';
import {
  BOLD_FONT,
  measure,
  REGULAR_FONT,
  roomFor,
  type Sheet,
  type TextStyle,
  write,
} from '../sheet';
import type { Chart, ChartFrame } from './chart';
import { chartSvg } from './chart-svg';

const svgToPdfkit = onFirstUse<typeof SvgToPdfkit>('svg-to-pdfkit');

/** A frame as wide as the sheet between its margins, where many bars share the width. */
export function paperFrame(
  sheet: Sheet,
  sizes: Pick<ChartFrame, 'height' | 'fontSize' | 'band' | 'legendRow'>,
): ChartFrame {
  return {
    ...sizes,
    width: sheet.width,
    slot: 0,
    maxWidth: sheet.width,
    measure: (text, size) => textWidth(sheet.layout.fonts.regular, text, size),
  };
}

export interface ChartPlacement {
  frame: ChartFrame;
  /** The chart's title, written above it. */
  title: TextStyle;
  /** Told what svg-to-pdfkit could not draw; nothing is said by default. */
  onWarning?: (warning: string) => void;
}

/**
 * Writes the chart's title and embeds its SVG below it (both on a new page unless they fit on
 * this one), the SVG's text set in the document's own fonts. Returns the y below the chart.
 */
export function drawChart(
  sheet: Sheet,
  y: number,
  chart: Chart,
  { frame, title, onWarning }: ChartPlacement,
): number {
  const drawn = chartSvg(chart, frame);
  const titleHeight = measure(sheet, chart.title, sheet.width, title);
  const top = roomFor(sheet, y, titleHeight + 6 + drawn.height);
  const below = write(sheet, chart.title, { x: sheet.left, y: top, width: sheet.width }, title) + 6;
  svgToPdfkit().default(sheet.doc, drawn.svg, sheet.left, below, {
    width: drawn.width,
    height: drawn.height,
    assumePt: true,
    fontCallback: (_family, bold) => (bold ? BOLD_FONT : REGULAR_FONT),
    warningCallback: onWarning ?? (() => undefined),
  });
  return below + drawn.height;
}

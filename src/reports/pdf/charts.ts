/**
 * Charts drawn with pdfkit's vector paths, legible printed in black and white: series differ by
 * fill pattern (grey levels, hatching, dots) and limits by dash style, and every chart has a
 * legend in words. No colour carries meaning alone.
 */
import { roomFor, write } from '../../documents/sheet';
import type { ReportSheet as Sheet } from './report-sheet';

export type Pattern =
  'light' | 'mid' | 'dark' | 'hatch' | 'crosshatch' | 'dots' | 'lines' | 'white';

/** The patterns given in turn to the segments of a stacked bar. */
export const SEGMENT_PATTERNS: readonly Pattern[] = [
  'dark',
  'hatch',
  'light',
  'dots',
  'crosshatch',
  'lines',
  'mid',
  'white',
];

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const GREYS: Partial<Record<Pattern, string>> = {
  light: '#c8c8c8',
  mid: '#808080',
  dark: '#262626',
};

/** Fills a box with its pattern and outlines it, so even a white segment shows its edges. */
export function paint(sheet: Sheet, box: Box, pattern: Pattern): void {
  const { doc } = sheet;
  if (box.w <= 0 || box.h <= 0) return;
  doc.save();
  doc.rect(box.x, box.y, box.w, box.h).fill(GREYS[pattern] ?? '#ffffff');
  doc.rect(box.x, box.y, box.w, box.h).clip();
  const step = sheet.layout.charts.hatchSpacing;
  doc.lineWidth(0.6).strokeColor('#262626');
  if (pattern === 'hatch' || pattern === 'crosshatch') {
    for (let d = -box.h; d < box.w; d += step) {
      doc
        .moveTo(box.x + d, box.y + box.h)
        .lineTo(box.x + d + box.h, box.y)
        .stroke();
    }
  }
  if (pattern === 'crosshatch') {
    for (let d = -box.h; d < box.w; d += step) {
      doc
        .moveTo(box.x + d, box.y)
        .lineTo(box.x + d + box.h, box.y + box.h)
        .stroke();
    }
  }
  if (pattern === 'lines') {
    for (let y = box.y + step / 2; y < box.y + box.h; y += step) {
      doc
        .moveTo(box.x, y)
        .lineTo(box.x + box.w, y)
        .stroke();
    }
  }
  if (pattern === 'dots') {
    for (let y = box.y + step / 2; y < box.y + box.h; y += step) {
      for (let x = box.x + step / 2; x < box.x + box.w; x += step)
        doc.circle(x, y, 0.7).fill('#262626');
    }
  }
  doc.restore();
  doc.rect(box.x, box.y, box.w, box.h).lineWidth(0.5).strokeColor('#000000').stroke();
}

export interface Bar {
  label: string;
  value: number;
  pattern: Pattern;
  /** Printed above the bar when there are few bars. */
  valueLabel?: string;
}

export interface ReferenceLine {
  label: string;
  /** One value: a horizontal line (a limit). One per bar: a line through the bars (a series). */
  values: number | readonly number[];
  dash: [number, number];
}

export interface BarChart {
  title: string;
  bars: readonly Bar[];
  references: readonly ReferenceLine[];
  /** What each bar pattern means. */
  legend: readonly { label: string; pattern: Pattern }[];
  /** Appended to the axis figures: "h". */
  unit: string;
}

/** Draws the chart below `y` (on a new page if it does not fit) and returns the y below it. */
export function drawBarChart(sheet: Sheet, y: number, chart: BarChart): number {
  const { charts, fontSizes } = sheet.layout;
  const legendHeight = (chart.legend.length + chart.references.length) * charts.legendRowHeight;
  const top = roomFor(sheet, y, charts.height + legendHeight + 30);
  const plotTop =
    write(
      sheet,
      chart.title,
      { x: sheet.left, y: top, width: sheet.width },
      { size: fontSizes.body, bold: true },
    ) + 8;
  const plot: Box = {
    x: sheet.left + charts.axisWidth,
    y: plotTop,
    w: sheet.width - charts.axisWidth,
    h: charts.height - 14,
  };
  const scale = axisScale(chart);
  const yOf = (value: number) => plot.y + plot.h - (Math.max(0, value) / scale.max) * plot.h;
  drawGrid(sheet, plot, scale, yOf, chart.unit);
  const slot = plot.w / Math.max(1, chart.bars.length);
  // A lone bar would otherwise fill the whole plot.
  const barWidth = Math.min(slot * (1 - charts.barGapRatio), 40);
  const centreOf = (i: number) => plot.x + i * slot + slot / 2;
  chart.bars.forEach((bar, i) => {
    const barTop = yOf(bar.value);
    paint(
      sheet,
      { x: centreOf(i) - barWidth / 2, y: barTop, w: barWidth, h: plot.y + plot.h - barTop },
      bar.pattern,
    );
    if (bar.valueLabel && chart.bars.length <= charts.valueLabelsUpTo) {
      const at = { x: centreOf(i) - slot / 2, y: barTop - fontSizes.axis - 3, width: slot };
      write(
        sheet,
        bar.valueLabel,
        at,
        { size: fontSizes.axis },
        { align: 'center', lineBreak: false },
      );
    }
  });
  drawBarLabels(sheet, plot, chart.bars, slot);
  for (const line of chart.references) drawReference(sheet, plot, line, yOf, centreOf);
  return drawLegend(sheet, plot.y + plot.h + 16, chart) + charts.gapBelow;
}

interface Scale {
  max: number;
  step: number;
}

/** A round step giving at most six grid lines above every bar and line. */
function axisScale(chart: BarChart): Scale {
  const values = [
    ...chart.bars.map((b) => b.value),
    ...chart.references.flatMap((r) => (typeof r.values === 'number' ? [r.values] : [...r.values])),
  ];
  const top = Math.max(1, ...values) * 1.08;
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000];
  const step = steps.find((s) => top / s <= 6) ?? Math.ceil(top / 6);
  return { max: Math.ceil(top / step) * step, step };
}

function drawGrid(
  sheet: Sheet,
  plot: Box,
  scale: Scale,
  yOf: (v: number) => number,
  unit: string,
): void {
  const { doc, layout } = sheet;
  for (let value = 0; value <= scale.max + 1e-9; value += scale.step) {
    const y = yOf(value);
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.w, y)
      .lineWidth(0.3)
      .strokeColor(layout.colors.grid)
      .stroke();
    const at = {
      x: sheet.left,
      y: y - layout.fontSizes.axis / 2 - 1,
      width: layout.charts.axisWidth - 4,
    };
    write(
      sheet,
      `${value} ${unit}`,
      at,
      { size: layout.fontSizes.axis, color: layout.colors.muted },
      { align: 'right', lineBreak: false },
    );
  }
  doc
    .moveTo(plot.x, plot.y)
    .lineTo(plot.x, plot.y + plot.h)
    .lineTo(plot.x + plot.w, plot.y + plot.h)
    .lineWidth(0.7)
    .strokeColor('#000000')
    .stroke();
}

/** Labels under the bars, every k-th one when they would overlap. */
function drawBarLabels(sheet: Sheet, plot: Box, bars: readonly Bar[], slot: number): void {
  const size = sheet.layout.fontSizes.axis;
  const widest = Math.max(1, ...bars.map((b) => sheet.doc.fontSize(size).widthOfString(b.label)));
  const every = Math.max(1, Math.ceil((widest + 4) / slot));
  bars.forEach((bar, i) => {
    if (i % every !== 0) return;
    const width = slot * every;
    const at = { x: plot.x + i * slot + slot / 2 - width / 2, y: plot.y + plot.h + 3, width };
    write(
      sheet,
      bar.label,
      at,
      { size, color: sheet.layout.colors.muted },
      { align: 'center', lineBreak: false },
    );
  });
}

function drawReference(
  sheet: Sheet,
  plot: Box,
  line: ReferenceLine,
  yOf: (v: number) => number,
  centreOf: (i: number) => number,
): void {
  const { doc } = sheet;
  const path = () => {
    if (typeof line.values === 'number') {
      doc.moveTo(plot.x, yOf(line.values)).lineTo(plot.x + plot.w, yOf(line.values));
    } else {
      line.values.forEach((value, i) =>
        i === 0 ? doc.moveTo(centreOf(i), yOf(value)) : doc.lineTo(centreOf(i), yOf(value)),
      );
    }
  };
  // A white halo under the dashes keeps the line visible where it crosses a dark bar.
  path();
  doc.save().lineWidth(3.4).strokeColor('#ffffff').stroke().restore();
  path();
  doc.save().lineWidth(1.4).strokeColor('#000000').dash(line.dash[0], { space: line.dash[1] });
  doc.stroke().undash().restore();
  if (typeof line.values !== 'number') {
    line.values.forEach((value, i) =>
      doc.rect(centreOf(i) - 1.8, yOf(value) - 1.8, 3.6, 3.6).fill('#000000'),
    );
  }
}

function drawLegend(sheet: Sheet, y: number, chart: BarChart): number {
  const { doc, layout } = sheet;
  const row = layout.charts.legendRowHeight;
  const size = layout.fontSizes.legend;
  let cursor = y;
  for (const entry of chart.legend) {
    paint(
      sheet,
      { x: sheet.left + layout.charts.axisWidth, y: cursor, w: 14, h: 8 },
      entry.pattern,
    );
    write(
      sheet,
      entry.label,
      { x: sheet.left + layout.charts.axisWidth + 20, y: cursor - 0.5, width: sheet.width - 60 },
      { size },
      { lineBreak: false },
    );
    cursor += row;
  }
  for (const line of chart.references) {
    const x = sheet.left + layout.charts.axisWidth;
    doc.save().lineWidth(1.4).strokeColor('#000000').dash(line.dash[0], { space: line.dash[1] });
    doc
      .moveTo(x, cursor + 4)
      .lineTo(x + 14, cursor + 4)
      .stroke();
    doc.undash().restore();
    write(
      sheet,
      line.label,
      { x: x + 20, y: cursor - 0.5, width: sheet.width - 60 },
      { size },
      { lineBreak: false },
    );
    cursor += row;
  }
  return cursor;
}

export interface Segment {
  label: string;
  /** 0..1 of the whole bar. */
  share: number;
  /** Written in the legend after the label: "12 h 30 (45 %)". */
  detail: string;
}

/** One horizontal bar split into patterned segments, with a legend naming each one. */
export function drawStackedBar(
  sheet: Sheet,
  y: number,
  title: string,
  segments: readonly Segment[],
): number {
  const { charts, fontSizes } = sheet.layout;
  const height = charts.stackedBarHeight + 20 + segments.length * charts.legendRowHeight;
  const top = roomFor(sheet, y, height + 20);
  const barTop =
    write(
      sheet,
      title,
      { x: sheet.left, y: top, width: sheet.width },
      { size: fontSizes.body, bold: true },
    ) + 6;
  let x = sheet.left;
  segments.forEach((segment, i) => {
    const w = segment.share * sheet.width;
    paint(
      sheet,
      { x, y: barTop, w, h: charts.stackedBarHeight },
      SEGMENT_PATTERNS[i % SEGMENT_PATTERNS.length],
    );
    x += w;
  });
  let cursor = barTop + charts.stackedBarHeight + 8;
  segments.forEach((segment, i) => {
    paint(
      sheet,
      { x: sheet.left, y: cursor, w: 14, h: 8 },
      SEGMENT_PATTERNS[i % SEGMENT_PATTERNS.length],
    );
    const text = `${segment.label} — ${segment.detail}`;
    write(
      sheet,
      text,
      { x: sheet.left + 20, y: cursor - 0.5, width: sheet.width - 20 },
      { size: fontSizes.legend },
      { lineBreak: false },
    );
    cursor += charts.legendRowHeight;
  });
  return cursor + charts.gapBelow;
}

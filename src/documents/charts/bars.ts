import { type BarChart, type ChartFrame, type ChartMark, type Tone, toneOf } from './chart';
import { type LegendEntry, legendHeight, legendSvg } from './legend';
import { EDGE, GRID, INK, MUTED, PAPER, paintedRect, patternSvg, TONE_PAINTS } from './look';
import {
  type Box,
  type DrawnChart,
  escapeXml,
  round1,
  svgDocument,
  svgLine,
  svgRect,
  svgText,
} from './svg';

/** The plot area, what its top stands for, and the room of each bar. */
interface Plot extends Box {
  top: number;
  slot: number;
  /** The right-hand margin where the limits are named. */
  margin: number;
}

interface Drawing {
  chart: BarChart;
  frame: ChartFrame;
  plot: Plot;
  yOf: (value: number) => number;
  centre: (i: number) => number;
}

const SERIES_DASH = '5 3';
/** Round steps for the vertical axis: at most six grid lines above every bar and line. */
const STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000];

/** Vertical bars with each limit a dashed line across them, named beside the chart. */
export function barChartSvg(chart: BarChart, frame: ChartFrame): DrawnChart {
  const ticks = axisTicks(chart);
  const plot = placePlot(chart, frame, ticks);
  const d: Drawing = {
    chart,
    frame,
    plot,
    yOf: (v) => plot.y + plot.h - (Math.max(0, v) / plot.top) * plot.h,
    centre: (i) => plot.x + plot.slot * i + plot.slot / 2,
  };
  const tones = chart.bars.map((bar) => bar.tone ?? toneOf(bar.value, chart.limits ?? []));
  const legend = legendEntries(chart);
  const used = new Set([...tones, ...(chart.legend ?? []).map((entry) => entry.tone)]);
  const parts = [
    `<defs>${[...used].map((tone) => patternSvg(patternName(chart, tone), TONE_PAINTS[tone])).join('')}</defs>`,
    ...gridSvg(d, ticks),
    ...barsSvg(d, tones),
    ...seriesSvg(d),
    ...limitsSvg(d),
    ...valueLabelsSvg(d),
    ...barLabelsSvg(d),
    ...legendSvg(legend, plot.x, frame.height, frame),
  ];
  const size = {
    width: plot.x + plot.w + plot.margin,
    height: frame.height + legendHeight(legend, frame),
  };
  return svgDocument(size, ariaLabel(chart), parts, { grow: frame.fit });
}

function patternName(chart: BarChart, tone: Tone): string {
  return `${chart.id}-${tone}`;
}

/** "Heures: W44 0 h, W45 11 h; alerte 40 h; maximum 48 h". */
function ariaLabel(chart: BarChart): string {
  const bars = chart.bars.map((b) => [b.label, b.valueLabel].filter(Boolean).join(' '));
  const lines = [...(chart.limits ?? []), ...(chart.series ?? [])].map((m) => `; ${m.label}`);
  return `${chart.title}: ${bars.join(', ')}${lines.join('')}`;
}

function axisTicks(chart: BarChart): { top: number; ticks: number[] } {
  const values = [
    ...chart.bars.map((b) => b.value),
    ...(chart.limits ?? []).map((m) => m.value),
    ...(chart.series ?? []).flatMap((s) => s.values),
  ];
  const highest = Math.max(1, ...values) * 1.1;
  if (!chart.unit) return { top: highest, ticks: [] };
  const step = STEPS.find((s) => highest / s <= 6) ?? Math.ceil(highest / 6);
  const top = Math.ceil(highest / step) * step;
  return { top, ticks: Array.from({ length: top / step + 1 }, (_, i) => i * step) };
}

function placePlot(
  chart: BarChart,
  frame: ChartFrame,
  { top, ticks }: { top: number; ticks: number[] },
): Plot {
  const size = frame.fontSize;
  const widest = (texts: string[]) => Math.max(0, ...texts.map((t) => frame.measure(t, size)));
  const axis = ticks.length > 0 ? widest(ticks.map((t) => tickLabel(chart, t))) + 6 : 0;
  const limits = chart.limits ?? [];
  const margin = limits.length > 0 ? widest(limits.map((m) => m.label)) + 8 : 0;
  const count = Math.max(1, chart.bars.length);
  const room = Math.max(frame.width, Math.min(frame.maxWidth, frame.slot * count + axis + margin));
  const w = room - axis - margin;
  const y = 1.8 * size;
  return { x: axis, y, w, h: frame.height - y - (size + 10), top, slot: w / count, margin };
}

function tickLabel(chart: BarChart, value: number): string {
  return `${value} ${chart.unit ?? ''}`.trim();
}

function gridSvg({ chart, frame, plot, yOf }: Drawing, { ticks }: { ticks: number[] }): string[] {
  const size = frame.fontSize;
  const across = (y: number): [[number, number], [number, number]] => [
    [plot.x, y],
    [plot.x + plot.w, y],
  ];
  const grid = ticks.flatMap((t) => [
    svgLine(...across(yOf(t)), { color: GRID, width: 0.5 }),
    svgText(plot.x - 4, yOf(t) + size / 3, tickLabel(chart, t), {
      size,
      fill: MUTED,
      anchor: 'end',
    }),
  ]);
  return [...grid, svgLine(...across(yOf(0)), { color: EDGE, width: 1 })];
}

function barsSvg({ chart, frame, plot, yOf, centre }: Drawing, tones: Tone[]): string[] {
  const width = Math.min(plot.slot * 0.65, 5 * frame.fontSize);
  return chart.bars.map((bar, i) => {
    const tone = tones[i];
    const top = yOf(bar.value);
    const box = { x: centre(i) - width / 2, y: top, w: width, h: yOf(0) - top };
    const rest = `stroke="${INK}" stroke-width="0.5" data-tone="${tone}" data-over="${tone === 'over'}"`;
    return paintedRect(box, TONE_PAINTS[tone], patternName(chart, tone), rest);
  });
}

/** Each series a dashed line on a white halo (visible across a dark bar), a dot at each bar. */
function seriesSvg({ chart, yOf, centre }: Drawing): string[] {
  return (chart.series ?? []).flatMap((series) => {
    const points = series.values.map((v, i) => `${round1(centre(i))},${round1(yOf(v))}`);
    const line = (stroke: string) =>
      `<polyline points="${points.join(' ')}" fill="none" ${stroke}/>`;
    return [
      line(`stroke="${PAPER}" stroke-width="3.5"`),
      line(
        `stroke="${INK}" stroke-width="1.5" stroke-dasharray="${SERIES_DASH}" data-series="${escapeXml(series.label)}"`,
      ),
      ...series.values.map((v, i) =>
        svgRect({ x: centre(i) - 1.8, y: yOf(v) - 1.8, w: 3.6, h: 3.6 }, `fill="${INK}"`),
      ),
    ];
  });
}

/** The highest limit in long dashes, the others in short ones, each on a white halo. */
function limitsSvg({ chart, frame, plot, yOf }: Drawing): string[] {
  const limits = chart.limits ?? [];
  const highest = Math.max(...limits.map((m) => m.value));
  const size = frame.fontSize;
  const names = spreadLabels(
    limits.map((m) => yOf(m.value) + size / 3),
    size + 2,
  );
  return limits.flatMap((mark: ChartMark, i) => {
    const y = yOf(mark.value);
    const ends: [[number, number], [number, number]] = [
      [plot.x, y],
      [plot.x + plot.w, y],
    ];
    const dash = mark.value === highest ? '6 3' : '2 3';
    return [
      svgLine(...ends, { color: PAPER, width: 3.5 }),
      svgLine(...ends, { color: INK, width: 1.5, dash, extra: `data-limit="${mark.value}"` }),
      svgText(plot.x + plot.w + 4, names[i], mark.label, { size, fill: INK }),
    ];
  });
}

/** Label positions pushed apart so that two close limits keep legible names. */
function spreadLabels(ys: readonly number[], lineHeight: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => b.y - a.y);
  const out = [...ys];
  let previous = Infinity;
  for (const { y, i } of order) {
    out[i] = round1(Math.min(y, previous - lineHeight));
    previous = out[i];
  }
  return out;
}

/** The figures above the bars, on white, when every one fits above its bar; else none. */
function valueLabelsSvg({ chart, frame, plot, yOf, centre }: Drawing): string[] {
  const size = frame.fontSize;
  const labels = chart.bars.map((bar) => bar.valueLabel ?? '');
  const widths = labels.map((label) => frame.measure(label, size));
  if (widths.some((w) => w > plot.slot - 2)) return [];
  return chart.bars.flatMap((bar, i) => {
    if (!labels[i]) return [];
    const y = yOf(bar.value) - 4;
    const backing = {
      x: centre(i) - widths[i] / 2 - 1,
      y: y - size * 0.85,
      w: widths[i] + 2,
      h: size,
    };
    return [
      svgRect(backing, `fill="${PAPER}"`),
      svgText(centre(i), y, labels[i], { size, fill: INK, anchor: 'middle' }),
    ];
  });
}

/** The labels under the bars, every k-th one when they would overlap. */
function barLabelsSvg({ chart, frame, plot, centre }: Drawing): string[] {
  const size = frame.fontSize;
  const widest = Math.max(1, ...chart.bars.map((bar) => frame.measure(bar.label, size)));
  const every = Math.max(1, Math.ceil((widest + 4) / plot.slot));
  return chart.bars.flatMap((bar, i) =>
    i % every === 0
      ? [
          svgText(centre(i), plot.y + plot.h + size + 3, bar.label, {
            size,
            fill: INK,
            anchor: 'middle',
          }),
        ]
      : [],
  );
}

function legendEntries(chart: BarChart): LegendEntry[] {
  return [
    ...(chart.legend ?? []).map(({ label, tone }) => ({
      label,
      paint: TONE_PAINTS[tone],
      pattern: patternName(chart, tone),
    })),
    ...(chart.series ?? []).map(({ label }) => ({ label, dash: SERIES_DASH })),
  ];
}

/**
 * Charts for the console pages as inline SVG strings, drawn on the server: no script, no
 * chart library. A value over its limit is hatched (not only coloured), limits are dashed
 * lines with their name written beside them, and every chart carries an aria-label that says
 * in words what it shows. Callers format the numbers (hours, percents) in the reader's language.
 */

export interface ChartMark {
  value: number;
  /** Written on the chart: "alerte 40 h". */
  label: string;
}

export interface GaugeInput {
  /** Unique on the page: it names the chart's hatch pattern. */
  id: string;
  /** What the gauge measures, for the aria-label: "Heures de la semaine". */
  title: string;
  value: number;
  valueLabel: string;
  /** Limits, lowest first; the value is "over" once it passes the highest. */
  marks: readonly ChartMark[];
}

export interface Bar {
  label: string;
  value: number;
  /** Written above the bar: "42 h". */
  valueLabel: string;
}

export interface BarChartInput {
  id: string;
  title: string;
  bars: readonly Bar[];
  /** Horizontal lines across the chart; a bar above the highest is hatched. */
  limits: readonly ChartMark[];
}

export interface MixSegment {
  label: string;
  value: number;
  /** "62 %": written in the legend and the aria-label. */
  shareLabel: string;
}

const INK = '#1b1f24';
const TRACK = '#e3e8ee';
const EDGE = '#8895a4';
const FILL = '#0b5cab';
const OVER = '#a4161a';
/** Fills of the activity mix, told apart by lightness as well as hue. */
const MIX_FILLS = ['#0b5cab', '#7fb2e5', '#1d6b35', '#c9a227', '#4f5965', '#d9dee4'];

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

function hatch(id: string, colour: string): string {
  return (
    `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" ` +
    `patternTransform="rotate(45)"><rect width="6" height="6" fill="${colour}"/>` +
    `<line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern></defs>`
  );
}

function svgOpen(width: number, height: number, label: string): string {
  const text = escapeXml(label);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" ` +
    `width="${width}" height="${height}" role="img" aria-label="${text}"><title>${text}</title>`
  );
}

function highest(marks: readonly ChartMark[]): number {
  return marks.reduce((max, m) => Math.max(max, m.value), 0);
}

/** The words a chart's aria-label adds for its limits: "; alerte 40 h; maximum 48 h". */
function marksText(marks: readonly ChartMark[]): string {
  return marks.map((m) => `; ${m.label}`).join('');
}

/** A horizontal bar from 0 to the value, with each limit as a dashed tick and its name. */
export function gaugeSvg(input: GaugeInput): string {
  const [width, height, top, barHeight] = [320, 60, 20, 18];
  const limit = highest(input.marks);
  const scale = Math.max(input.value, limit, 1) * 1.1;
  const x = (v: number) => round1((Math.max(0, v) / scale) * width);
  const over = limit > 0 && input.value > limit;
  const parts = [
    svgOpen(width, height, `${input.title}: ${input.valueLabel}${marksText(input.marks)}`),
    over ? hatch(input.id, OVER) : '',
    `<rect x="0" y="${top}" width="${width}" height="${barHeight}" fill="${TRACK}" stroke="${EDGE}"/>`,
    `<rect x="0" y="${top}" width="${x(input.value)}" height="${barHeight}" ` +
      `fill="${over ? `url(#${input.id}-hatch)` : FILL}" data-over="${over}"/>`,
  ];
  input.marks.forEach((mark, i) => {
    const at = x(mark.value);
    // Labels alternate above and below the bar, so two close limits stay readable.
    const labelY = i % 2 === 0 ? top - 6 : top + barHeight + 15;
    const anchor = at > width * 0.7 ? 'end' : 'start';
    parts.push(
      `<line x1="${at}" y1="${top - 4}" x2="${at}" y2="${top + barHeight + 4}" ` +
        `stroke="${INK}" stroke-width="2" stroke-dasharray="4 2" data-limit="${mark.value}"/>`,
      `<text x="${at}" y="${labelY}" font-size="11" fill="${INK}" text-anchor="${anchor}">` +
        `${escapeXml(mark.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Room per bar: a phone shows a week of days without shrinking the text below legibility. */
const SLOT_WIDTH = 52;
/** Beyond this many bars the chart keeps its size and scrolls sideways (class "wide"). */
const MAX_FITTING_BARS = 12;
/** The right-hand margin where the limits are named. */
const LIMIT_LABEL_WIDTH = 96;
const LINE_HEIGHT = 14;

/** Label positions pushed apart so that two close limits keep legible names. */
function spreadLabels(ys: readonly number[]): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => b.y - a.y);
  const out = [...ys];
  let previous = Infinity;
  for (const { y, i } of order) {
    out[i] = round1(Math.min(y, previous - LINE_HEIGHT));
    previous = out[i];
  }
  return out;
}

/** Text drawn over bars and lines stays readable on a white halo. */
const HALO = 'paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round"';

/** Vertical bars (days or weeks) with each limit as a dashed line across the chart. */
export function barChartSvg(input: BarChartInput): string {
  const [left, top, bottom, height] = [8, 24, 28, 220];
  // Limit names sit in a margin on the right, clear of the bars.
  const margin = input.limits.length > 0 ? LIMIT_LABEL_WIDTH : 0;
  const plotWidth = Math.max(320 - margin, left * 2 + SLOT_WIDTH * input.bars.length);
  const width = plotWidth + margin;
  const plotHeight = height - top - bottom;
  const limit = highest(input.limits);
  const scale = Math.max(limit, ...input.bars.map((b) => b.value), 1) * 1.1;
  const y = (v: number) => round1(top + plotHeight - (Math.max(0, v) / scale) * plotHeight);
  const slot = (plotWidth - left * 2) / Math.max(input.bars.length, 1);
  const barWidth = round1(Math.min(slot * 0.6, 60));
  const summary = input.bars.map((b) => `${b.label} ${b.valueLabel}`).join(', ');
  const open = svgOpen(width, height, `${input.title}: ${summary}${marksText(input.limits)}`);
  const parts = [
    input.bars.length > MAX_FITTING_BARS ? open.replace('<svg ', '<svg class="wide" ') : open,
    hatch(input.id, OVER),
    `<line x1="0" y1="${y(0)}" x2="${width}" y2="${y(0)}" stroke="${EDGE}"/>`,
  ];
  input.bars.forEach((bar, i) => {
    const centre = round1(left + slot * i + slot / 2);
    const over = limit > 0 && bar.value > limit;
    const barTop = y(bar.value);
    parts.push(
      `<rect x="${round1(centre - barWidth / 2)}" y="${barTop}" width="${barWidth}" ` +
        `height="${round1(y(0) - barTop)}" fill="${over ? `url(#${input.id}-hatch)` : FILL}" ` +
        `stroke="${over ? OVER : FILL}" data-over="${over}"/>`,
      `<text x="${centre}" y="${round1(barTop - 4)}" font-size="12" text-anchor="middle" ` +
        `fill="${INK}" ${HALO}>${escapeXml(bar.valueLabel)}</text>`,
      `<text x="${centre}" y="${height - 10}" font-size="12" text-anchor="middle" ` +
        `fill="${INK}">${escapeXml(bar.label)}</text>`,
    );
  });
  const labelYs = spreadLabels(input.limits.map((mark) => y(mark.value) + 4));
  input.limits.forEach((mark, i) => {
    const at = y(mark.value);
    parts.push(
      `<line x1="0" y1="${at}" x2="${plotWidth}" y2="${at}" stroke="${INK}" stroke-width="1.5" ` +
        `stroke-dasharray="${i % 2 === 0 ? '6 3' : '2 3'}" data-limit="${mark.value}"/>`,
      `<text x="${plotWidth + 4}" y="${labelYs[i]}" font-size="12" fill="${INK}">` +
        `${escapeXml(mark.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** One stacked bar of shares (the activity mix); the page prints the legend beside it. */
export function mixSvg(input: { title: string; segments: readonly MixSegment[] }): string {
  const [width, height] = [600, 28];
  const total = input.segments.reduce((sum, s) => sum + Math.max(0, s.value), 0);
  const summary = input.segments.map((s) => `${s.label} ${s.shareLabel}`).join(', ');
  const parts = [svgOpen(width, height, `${input.title}: ${summary}`)];
  let x = 0;
  input.segments.forEach((segment, i) => {
    const w = total > 0 ? round1((Math.max(0, segment.value) / total) * width) : 0;
    parts.push(
      `<rect x="${x}" y="0" width="${w}" height="${height}" fill="${mixFill(i)}" ` +
        `stroke="#ffffff" stroke-width="2"><title>${escapeXml(`${segment.label} ${segment.shareLabel}`)}</title></rect>`,
    );
    x = round1(x + w);
  });
  if (total === 0) {
    parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="${TRACK}"/>`);
  }
  parts.push('</svg>');
  return parts.join('');
}

/** The fill of the i-th mix segment, for the legend's swatches. */
export function mixFill(i: number): string {
  return MIX_FILLS[i % MIX_FILLS.length];
}

import type { Tone } from './chart';
import { type Box, svgRect } from './svg';

/**
 * The charts' one look, legible on a screen and printed in black and white alike: tones and
 * segments differ by lightness and by hatching, not by hue alone; limits are dashed lines
 * with their names; every chart is named in words.
 */

export const INK = '#1b1f24';
export const MUTED = '#52606d';
export const GRID = '#d5dbe1';
export const TRACK = '#e3e8ee';
export const EDGE = '#8895a4';
export const PAPER = '#ffffff';

/** A flat fill, hatched when `hatch` is given (crossed both ways when `cross`). */
export interface Paint {
  fill: string;
  hatch?: { color: string; cross?: boolean };
}

export const TONE_PAINTS: Readonly<Record<Tone, Paint>> = {
  normal: { fill: '#0b5cab' },
  alert: { fill: '#f2c14e', hatch: { color: INK } },
  over: { fill: '#a4161a', hatch: { color: PAPER } },
};

/** The paints given in turn to the segments of a share chart. */
const SEGMENT_PAINTS: readonly Paint[] = [
  { fill: '#0b5cab' },
  { fill: '#7fb2e5' },
  { fill: '#1d6b35', hatch: { color: PAPER } },
  { fill: '#c9a227' },
  { fill: '#4f5965', hatch: { color: PAPER, cross: true } },
  { fill: '#d9dee4' },
];

export function segmentPaint(i: number): Paint {
  return SEGMENT_PAINTS[i % SEGMENT_PAINTS.length];
}

const HATCH_STEP = 6;

/**
 * The hatching of a paint as a <pattern> named `name` (nothing for a flat paint): lines alone,
 * laid over the flat fill, so no seam between tiles ever shows the page through.
 */
export function patternSvg(name: string, paint: Paint): string {
  if (!paint.hatch) return '';
  const { color, cross } = paint.hatch;
  const [mid, end] = [HATCH_STEP / 2, HATCH_STEP];
  const stroke = `stroke="${color}" stroke-width="2"`;
  return (
    `<pattern id="${name}" width="${end}" height="${end}" ` +
    `patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<line x1="${mid}" y1="0" x2="${mid}" y2="${end}" ${stroke}/>` +
    (cross ? `<line x1="0" y1="${mid}" x2="${end}" y2="${mid}" ${stroke}/>` : '') +
    `</pattern>`
  );
}

/**
 * A box in a paint: its flat fill (with `rest`, its other attributes, and `inner`, its
 * content), then the hatching named `pattern` over it.
 */
export function paintedRect(
  box: Box,
  paint: Paint,
  pattern: string,
  rest = '',
  inner = '',
): string {
  const base = svgRect(box, `fill="${paint.fill}"${rest ? ` ${rest}` : ''}`, inner);
  return paint.hatch ? base + svgRect(box, `fill="url(#${pattern})"`) : base;
}

/** The same paint as a CSS background, for a page's own legend swatches. */
export function paintCss(paint: Paint): string {
  if (!paint.hatch) return paint.fill;
  const { color, cross } = paint.hatch;
  const stripes = (angle: number, under: string) =>
    `repeating-linear-gradient(${angle}deg, ${color} 0 2px, ${under} 2px ${HATCH_STEP}px)`;
  // Stripes across a -45° gradient run up to the right, as the pattern's do.
  return cross
    ? `${stripes(45, 'transparent')}, ${stripes(-45, paint.fill)}`
    : stripes(-45, paint.fill);
}

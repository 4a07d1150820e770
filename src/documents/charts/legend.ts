import type { ChartFrame } from './chart';
import { INK, type Paint, paintedRect } from './look';
import { svgLine, svgText } from './svg';

/** A legend row: a swatch of a paint (its pattern named `pattern`), or a sample of a dashed line. */
export type LegendEntry =
  { label: string; paint: Paint; pattern: string } | { label: string; dash: string };

/** The height the legend's rows take under a chart, with the gap above them. */
export function legendHeight(entries: readonly LegendEntry[], frame: ChartFrame): number {
  return entries.length === 0 ? 0 : 6 + entries.length * frame.legendRow;
}

/** The rows from `y`, each a sample and its words. */
export function legendSvg(
  entries: readonly LegendEntry[],
  x: number,
  y: number,
  frame: ChartFrame,
): string[] {
  const size = frame.fontSize;
  return entries.flatMap((entry, i) => {
    const top = y + 6 + i * frame.legendRow;
    const sample =
      'dash' in entry
        ? svgLine([x, top + size / 2], [x + 2 * size, top + size / 2], {
            color: INK,
            width: 1.5,
            dash: entry.dash,
          })
        : paintedRect(
            { x, y: top, w: 2 * size, h: size },
            entry.paint,
            entry.pattern,
            `stroke="${INK}" stroke-width="0.5"`,
          );
    return [sample, svgText(x + 2.6 * size, top + size * 0.85, entry.label, { size, fill: INK })];
  });
}

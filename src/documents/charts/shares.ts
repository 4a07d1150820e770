import type { ChartFrame, ShareChart } from './chart';
import { type LegendEntry, legendHeight, legendSvg } from './legend';
import { PAPER, paintedRect, patternSvg, segmentPaint, TRACK } from './look';
import { type DrawnChart, escapeXml, svgDocument, svgRect } from './svg';

/** One bar split into its shares, each segment named in words (and under it with `legend`). */
export function sharesSvg(chart: ShareChart, frame: ChartFrame): DrawnChart {
  const { width, band } = frame;
  const total = chart.segments.reduce((sum, s) => sum + Math.max(0, s.value), 0);
  const pattern = (i: number) => `${chart.id}-${i}`;
  let x = 0;
  const segments = chart.segments.map((segment, i) => {
    const w = total > 0 ? (Math.max(0, segment.value) / total) * width : 0;
    const named = `<title>${escapeXml(`${segment.label} ${segment.detail}`)}</title>`;
    const box = { x, y: 0, w, h: band };
    const rect = paintedRect(box, segmentPaint(i), pattern(i), `stroke="${PAPER}"`, named);
    x += w;
    return rect;
  });
  const legend: LegendEntry[] = chart.legend
    ? chart.segments.map((s, i) => ({
        label: `${s.label} — ${s.detail}`,
        paint: segmentPaint(i),
        pattern: pattern(i),
      }))
    : [];
  const parts = [
    `<defs>${chart.segments.map((_, i) => patternSvg(pattern(i), segmentPaint(i))).join('')}</defs>`,
    total > 0 ? '' : svgRect({ x: 0, y: 0, w: width, h: band }, `fill="${TRACK}"`),
    ...segments,
    ...legendSvg(legend, 0, band, frame),
  ];
  const label = `${chart.title}: ${chart.segments.map((s) => `${s.label} ${s.detail}`).join(', ')}`;
  // Without words under it, the bar stretches across its box at its own height.
  const fitting = { grow: frame.fit, stretch: legend.length === 0 };
  return svgDocument({ width, height: band + legendHeight(legend, frame) }, label, parts, fitting);
}

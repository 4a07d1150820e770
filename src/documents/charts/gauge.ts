import { type ChartFrame, type GaugeChart, toneOf } from './chart';
import { EDGE, INK, paintedRect, patternSvg, TONE_PAINTS, TRACK } from './look';
import { type DrawnChart, svgDocument, svgLine, svgRect, svgText } from './svg';

/** A horizontal bar from 0 to the value, with each limit as a dashed tick and its name. */
export function gaugeSvg(chart: GaugeChart, frame: ChartFrame): DrawnChart {
  const { width, band, fontSize: size } = frame;
  const top = size + 8;
  const highest = Math.max(0, ...chart.marks.map((m) => m.value));
  const scale = Math.max(chart.value, highest, 1) * 1.1;
  const x = (v: number) => (Math.max(0, v) / scale) * width;
  const tone = toneOf(chart.value, chart.marks);
  const pattern = `${chart.id}-${tone}`;
  const parts = [
    `<defs>${patternSvg(pattern, TONE_PAINTS[tone])}</defs>`,
    svgRect({ x: 0, y: top, w: width, h: band }, `fill="${TRACK}" stroke="${EDGE}"`),
    paintedRect(
      { x: 0, y: top, w: x(chart.value), h: band },
      TONE_PAINTS[tone],
      pattern,
      `data-tone="${tone}" data-over="${tone === 'over'}"`,
    ),
    ...chart.marks.flatMap((mark, i) => {
      const at = x(mark.value);
      // Names alternate above and below the bar, so two close limits stay readable.
      const labelY = i % 2 === 0 ? top - 6 : top + band + size + 3;
      const anchor = at > width * 0.7 ? 'end' : 'start';
      return [
        svgLine([at, top - 4], [at, top + band + 4], {
          color: INK,
          width: 2,
          dash: '4 2',
          extra: `data-limit="${mark.value}"`,
        }),
        svgText(at, labelY, mark.label, { size, fill: INK, anchor }),
      ];
    }),
  ];
  const label = `${chart.title}: ${chart.valueLabel}${chart.marks.map((m) => `; ${m.label}`).join('')}`;
  return svgDocument({ width, height: top + band + size + 10 }, label, parts, {
    grow: frame.fit,
  });
}

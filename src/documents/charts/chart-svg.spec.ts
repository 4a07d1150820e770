import type { BarChart, ChartFrame } from './chart';
import { chartSvg } from './chart-svg';
import { escapeXml } from './svg';

/** A sheet-wide frame measuring text at 0.6 em a character, as on paper: bars share the width. */
const paper: ChartFrame = {
  width: 500,
  height: 170,
  fontSize: 7,
  band: 26,
  legendRow: 12,
  slot: 0,
  maxWidth: 500,
  measure: (text, size) => text.length * size * 0.6,
};

const attr = (svg: string, name: string): string[] =>
  [...svg.matchAll(new RegExp(`(?<![\\w-])${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
const texts = (svg: string): string[] =>
  [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

const limits = [
  { value: 48, label: 'Maximum 48 h' },
  { value: 40, label: 'Alerte 40 h' },
];

function weeks(values: number[]): BarChart {
  return {
    type: 'bars',
    id: 'weeks',
    title: 'Heures par semaine',
    bars: values.map((value, i) => ({ label: `S${i + 1}`, value, valueLabel: `${value} h` })),
    limits,
    unit: 'h',
  };
}

describe('a bar chart', () => {
  it('tells each bar by its limits: past the alert, past the maximum, or within them', () => {
    const { svg } = chartSvg(weeks([30, 44, 52, 40]), paper);
    expect(attr(svg, 'data-tone')).toEqual(['normal', 'alert', 'over', 'normal']);
    expect(attr(svg, 'data-over')).toEqual(['false', 'false', 'true', 'false']);
  });

  it('keeps the tone a bar is given (a month over its hours though under the line)', () => {
    const chart = weeks([12]);
    const { svg } = chartSvg({ ...chart, bars: [{ ...chart.bars[0], tone: 'over' }] }, paper);
    expect(attr(svg, 'data-tone')).toEqual(['over']);
  });

  it('draws the highest limit in long dashes, the others in short ones', () => {
    const { svg } = chartSvg(weeks([30]), paper);
    const dashes = [...svg.matchAll(/stroke-dasharray="([^"]*)" data-limit="(\d+)"/g)];
    expect(dashes.map((m) => [m[2], m[1]])).toEqual([
      ['48', '6 3'],
      ['40', '2 3'],
    ]);
  });

  it('writes the axis in round steps of its unit, above every bar and limit', () => {
    const { svg } = chartSvg(weeks([52]), paper);
    const axis = texts(svg).filter((t) => /^\d+ h$/.test(t) && t !== '52 h');
    expect(axis).toEqual(['0 h', '10 h', '20 h', '30 h', '40 h', '50 h', '60 h']);
    const { svg: bare } = chartSvg({ ...weeks([52]), unit: undefined }, paper);
    expect(texts(bare)).not.toContain('10 h');
  });

  it('writes the figures above a few bars, none above many, and every k-th label under many', () => {
    const few = texts(chartSvg(weeks([30, 45]), paper).svg);
    expect(few).toEqual(expect.arrayContaining(['30 h', '45 h', 'S1', 'S2']));
    const many = weeks(Array.from({ length: 104 }, (_, i) => 20 + (i % 30)));
    const labels = texts(chartSvg(many, paper).svg);
    expect(labels).not.toContain('25 h');
    const under = labels.filter((t) => /^S\d+$/.test(t));
    expect(under[0]).toBe('S1');
    expect(under.length).toBeGreaterThan(5);
    expect(under.length).toBeLessThan(104);
  });

  it('keeps the width of paper whatever the number of bars', () => {
    const many = chartSvg(weeks(Array.from({ length: 104 }, () => 30)), paper);
    expect(many.width).toBe(paper.width);
    expect(attr(many.svg, 'class')).toEqual([]);
    expect(attr(many.svg, 'width')[0]).toBe(String(paper.width));
  });

  it('on a screen, widens for many bars up to its widest, then takes its box’s width', () => {
    const screen: ChartFrame = { ...paper, width: 320, slot: 40, maxWidth: 900, fit: 1.5 };
    const few = chartSvg(weeks([30, 40]), screen);
    expect(few.width).toBe(320);
    const many = chartSvg(weeks(Array.from({ length: 52 }, () => 30)), screen);
    expect(many.width).toBe(900);
    expect(attr(many.svg, 'viewBox')).toEqual(['0 0 900 ' + many.height]);
    expect(attr(many.svg, 'width')[0]).toBe('100%');
    expect(attr(many.svg, 'style')).toEqual(['max-width: 1350px']);
    expect(attr(many.svg, 'class')).toEqual(['fit']);
  });

  it('draws a series through the bars and names it in the legend, under the tones', () => {
    const chart: BarChart = {
      ...weeks([4, 12, 9]),
      limits: [],
      series: [{ label: 'Heures incluses', values: [10, 16, 10] }],
      legend: [
        { label: 'Consommé', tone: 'normal' },
        { label: 'Au-delà', tone: 'over' },
      ],
    };
    const drawn = chartSvg(chart, paper);
    const line = /<polyline points="([^"]*)"[^>]*data-series="Heures incluses"/.exec(drawn.svg);
    expect(line?.[1].split(' ')).toHaveLength(3);
    expect(texts(drawn.svg).slice(-3)).toEqual(['Consommé', 'Au-delà', 'Heures incluses']);
    expect(drawn.height).toBe(paper.height + 6 + 3 * paper.legendRow);
  });
});

describe('a share chart', () => {
  const chart = {
    type: 'shares' as const,
    id: 'mix',
    title: 'Répartition',
    segments: [
      { label: 'Support', value: 3, detail: '3 h (75 %)' },
      { label: 'Formation', value: 1, detail: '1 h (25 %)' },
    ],
  };

  it('names each segment under the bar when asked, and not otherwise', () => {
    expect(texts(chartSvg({ ...chart, legend: true }, paper).svg)).toEqual([
      'Support — 3 h (75 %)',
      'Formation — 1 h (25 %)',
    ]);
    expect(texts(chartSvg(chart, paper).svg)).toEqual([]);
  });

  it('spans the frame, each segment in proportion to its value', () => {
    const widths = attr(chartSvg(chart, paper).svg, 'width').map(Number);
    expect(widths).toEqual([500, 375, 125]);
  });
});

describe('escapeXml', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<x y="1">', '&lt;x y=&quot;1&quot;&gt;'],
    ["l'équipe", 'l&#39;équipe'],
  ])('%s → %s', (text, expected) => expect(escapeXml(text)).toBe(expected));
});

import { barChartSvg, gaugeSvg, mixFill, mixSvg } from './svg-charts';

const attr = (svg: string, name: string): string[] =>
  [...svg.matchAll(new RegExp(`(?<![\\w-])${name}="([^"]*)"`, 'g'))].map((m) => m[1]);

const weekMarks = [
  { value: 40 * 60, label: 'alerte 40 h' },
  { value: 48 * 60, label: 'maximum 48 h' },
];

describe('gaugeSvg', () => {
  it.each([
    ['under the limits', 30 * 60, 'false', 'normal'],
    ['between alert and maximum', 44 * 60, 'false', 'alert'],
    ['over the maximum', 50 * 60, 'true', 'over'],
  ])('marks a week %s as over only past the highest limit', (_, value, over, tone) => {
    const svg = gaugeSvg({
      id: 'week',
      title: 'Semaine',
      value,
      valueLabel: 'x',
      marks: weekMarks,
    });
    expect(attr(svg, 'data-over')).toEqual([over]);
    expect(attr(svg, 'data-tone')).toEqual([tone]);
    // Past a limit the bar is hatched, not only coloured.
    expect(svg.includes(`url(#week-${tone})`)).toBe(tone !== 'normal');
  });

  it('draws each limit at its place on the scale, the fill ending at the value', () => {
    const svg = gaugeSvg({
      id: 'g',
      title: 'Semaine',
      value: 24 * 60,
      valueLabel: '24 h',
      marks: weekMarks,
    });
    // Scale: 48 h × 1.1 over 320 px.
    const px = (minutes: number) => Math.round((minutes / (48 * 60 * 1.1)) * 320 * 10) / 10;
    expect(attr(svg, 'x1').map(Number)).toEqual([px(40 * 60), px(48 * 60)]);
    expect(svg).toContain(`width="${px(24 * 60)}"`);
  });

  it('says the value and every limit in words for screen readers', () => {
    const svg = gaugeSvg({
      id: 'g',
      title: 'Heures de la semaine',
      value: 2700,
      valueLabel: '45 h',
      marks: weekMarks,
    });
    expect(attr(svg, 'aria-label')).toEqual([
      'Heures de la semaine: 45 h; alerte 40 h; maximum 48 h',
    ]);
    expect(attr(svg, 'role')).toEqual(['img']);
  });
});

describe('barChartSvg', () => {
  const bars = [
    { label: 'S10', value: 45 * 60, valueLabel: '45 h' },
    { label: 'S11', value: 52 * 60, valueLabel: '52 h' },
    { label: 'S12', value: 0, valueLabel: '0 h' },
  ];

  it('marks as over only the bars past the highest limit and draws one line per limit', () => {
    const svg = barChartSvg({ id: 'weeks', title: 'Heures', bars, limits: weekMarks });
    expect(attr(svg, 'data-over')).toEqual(['false', 'true', 'false']);
    expect(attr(svg, 'data-tone')).toEqual(['alert', 'over', 'normal']);
    expect(attr(svg, 'data-limit')).toEqual(['2400', '2880']);
    expect(svg).toContain('maximum 48 h');
  });

  it('puts a higher value higher on the chart', () => {
    const svg = barChartSvg({ id: 'w', title: 'Heures', bars, limits: [] });
    const heights = [...svg.matchAll(/<rect [^>]*height="([\d.]+)"[^>]*data-over/g)].map((m) =>
      Number(m[1]),
    );
    expect(heights[1]).toBeGreaterThan(heights[0]);
    expect(heights[2]).toBe(0);
  });

  it('names the limits beside the chart, clear of the bars, two close limits kept apart', () => {
    const svg = barChartSvg({
      id: 'w',
      title: 'Heures',
      bars,
      limits: [
        { value: 40 * 60, label: 'alerte 40 h' },
        { value: 41 * 60, label: 'maximum 41 h' },
      ],
    });
    const lineEnd = Math.max(
      ...[...svg.matchAll(/<line [^>]*x2="([\d.]+)"[^>]*data-limit/g)].map((m) => Number(m[1])),
    );
    const rightmostBar = Math.max(
      ...[...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*data-over/g)].map(
        (m) => Number(m[1]) + Number(m[2]),
      ),
    );
    const labels = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*>(alerte|maximum)/g)];
    expect(labels).toHaveLength(2);
    for (const label of labels) expect(Number(label[1])).toBeGreaterThan(rightmostBar);
    expect(Number(labels[0][1])).toBeGreaterThan(lineEnd - 1);
    expect(Math.abs(Number(labels[0][2]) - Number(labels[1][2]))).toBeGreaterThanOrEqual(14);
  });

  it('fits its box: as wide as the page, a year of weeks sharing the width of a desktop', () => {
    const week = barChartSvg({ id: 'w', title: 'Heures', bars, limits: [] });
    expect(attr(week, 'class')).toEqual(['fit']);
    expect(attr(week, 'width')[0]).toBe('100%');
    const year = Array.from({ length: 52 }, (_, i) => ({
      label: `S${i + 1}`,
      value: 60 * i,
      valueLabel: `${i} h`,
    }));
    const wide = barChartSvg({ id: 'y', title: 'Heures', bars: year, limits: [] });
    const [, , drawnWidth] = attr(wide, 'viewBox')[0].split(' ').map(Number);
    expect(drawnWidth).toBeLessThanOrEqual(1000);
    expect(attr(wide, 'width')[0]).toBe('100%');
    // Every bar is drawn within the picture, the last week included.
    const rightmost = Math.max(
      ...[...wide.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*data-over/g)].map(
        (m) => Number(m[1]) + Number(m[2]),
      ),
    );
    expect(rightmost).toBeLessThanOrEqual(drawnWidth);
    expect([...wide.matchAll(/data-over=/g)]).toHaveLength(52);
  });

  it('escapes labels, so a client name cannot break the page', () => {
    const svg = barChartSvg({
      id: 'w',
      title: 'A <b>',
      bars: [{ label: '<script>', value: 1, valueLabel: '"1"' }],
      limits: [],
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('&quot;1&quot;');
  });
});

describe('mixSvg', () => {
  it('gives each activity a width in proportion to its share', () => {
    const svg = mixSvg({
      title: 'Activités',
      segments: [
        { label: 'support', value: 300, shareLabel: '75 %' },
        { label: 'formation', value: 100, shareLabel: '25 %' },
      ],
    });
    const [, , whole] = attr(svg, 'viewBox')[0].split(' ').map(Number);
    const segments = attr(svg, 'width').slice(1).map(Number);
    expect(segments).toEqual([whole * 0.75, whole * 0.25]);
    expect(attr(svg, 'aria-label')).toEqual(['Activités: support 75 %, formation 25 %']);
  });

  it('spans its whole box at its own height: a share of 100 % is the full width', () => {
    const svg = mixSvg({
      title: 'Activités',
      segments: [{ label: 'support', value: 300, shareLabel: '100 %' }],
    });
    const [, , whole, height] = attr(svg, 'viewBox')[0].split(' ').map(Number);
    expect(attr(svg, 'width')).toEqual(['100%', String(whole)]);
    expect(attr(svg, 'preserveAspectRatio')).toEqual(['none']);
    expect(attr(svg, 'style')).toEqual([`height: ${height}px`]);
  });

  it('draws an empty track when nothing was worked', () => {
    const svg = mixSvg({ title: 'Activités', segments: [] });
    expect(svg).toContain('fill="#e3e8ee"');
  });
});

describe('mixFill', () => {
  it('gives the legend swatch of each activity the fill of its segment, hatching included', () => {
    const svg = mixSvg({
      title: 'Activités',
      segments: ['a', 'b', 'c'].map((label) => ({ label, value: 1, shareLabel: '33 %' })),
    });
    const fills = attr(svg, 'fill');
    expect(fills).toEqual(expect.arrayContaining([mixFill(0), mixFill(1)]));
    expect(mixFill(2)).toMatch(/^repeating-linear-gradient\(/);
    expect(svg).toContain('url(#mix-2)');
  });
});

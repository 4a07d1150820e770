import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testPageLayout as layout } from '../../../test/fixtures/page-layout';
import { pdfText } from '../../../test/support/pdf-text';
import { openDocument, type Sheet } from '../sheet';
import type { Chart } from './chart';
import { drawChart, paperFrame } from './pdf';

const weekly: Chart = {
  type: 'bars',
  id: 'weekly',
  title: 'Heures par semaine',
  bars: [
    { label: 'S10', value: 52, valueLabel: '52 h' },
    { label: 'S11', value: 38, valueLabel: '38 h' },
  ],
  limits: [
    { value: 48, label: 'Maximum hebdomadaire : 48 h' },
    { value: 40, label: 'Seuil d’alerte : 40 h' },
  ],
  unit: 'h',
  legend: [{ label: 'Au-delà du maximum', tone: 'over' }],
};

const mix: Chart = {
  type: 'shares',
  id: 'mix',
  title: 'Répartition par activité',
  segments: [
    { label: 'Support', value: 0.95, detail: '49 h 30 (95 %)' },
    { label: 'Formation', value: 0.05, detail: '2 h 30 (5 %)' },
  ],
  legend: true,
};

interface Drawn {
  pdf: Buffer;
  pages: number;
  warnings: string[];
  belows: number[];
}

async function drawn(charts: Chart[], from?: (sheet: Sheet) => number): Promise<Drawn> {
  const { sheet, close } = openDocument(layout, { lang: 'fr', info: { Title: 'Essai' } });
  const warnings: string[] = [];
  const frame = paperFrame(sheet, { height: 170, fontSize: 7, band: 26, legendRow: 12 });
  const placement = {
    frame,
    title: { size: 9, bold: true },
    onWarning: (w: string) => warnings.push(w),
  };
  const belows: number[] = [];
  let y = from ? from(sheet) : sheet.top;
  for (const chart of charts) belows.push((y = drawChart(sheet, y, chart, placement)));
  const pages = sheet.doc.bufferedPageRange().count;
  return { pdf: await close(), pages, warnings, belows };
}

function pdfFonts(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'chart-pdf-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    const out = execFileSync('pdffonts', [join(dir, 'doc.pdf')], { encoding: 'utf8' });
    return out
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((row) => row.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('drawChart', () => {
  it('prints the chart as text a reader can search: its title, limits, figures and legend', async () => {
    const { pdf, warnings } = await drawn([weekly, mix]);
    const text = pdfText(pdf);
    for (const words of [
      'Heures par semaine',
      'Maximum hebdomadaire : 48 h',
      'Seuil d’alerte : 40 h',
      '52 h',
      'S11',
      'Au-delà du maximum',
      'Support — 49 h 30 (95 %)',
    ])
      expect(text).toContain(words);
    expect(warnings).toEqual([]);
  });

  it('sets the chart in the document’s embedded fonts, and no other', async () => {
    const { pdf } = await drawn([weekly, mix]);
    expect([...new Set(pdfFonts(pdf))].sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
  });

  it('moves a chart that does not fit to the next page, with its title', async () => {
    const { pdf, pages, belows } = await drawn([weekly], (sheet) => sheet.bottom - 50);
    expect(pages).toBe(2);
    expect(pdfText(pdf).startsWith('Heures par semaine')).toBe(true);
    // The chart (title, plot, legend) stands at the top of the second page.
    expect(belows[0]).toBeLessThan(layout.page.margins.top + 250);
  });
});

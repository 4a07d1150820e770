import { testPageLayout as layout } from '../../test/fixtures/page-layout';
import { pdfLayoutText, pdfText } from '../../test/support/pdf-text';
import { decoratePages } from './page-decorations';
import { openDocument, type Sheet } from './sheet';
import { drawTable, type Table } from './table';

const look: Table['look'] = {
  head: { size: 8, bold: true },
  headBackground: '#eeeeee',
  cell: { size: 9 },
  detail: { size: 7 },
  cellPadding: 3,
  detailIndent: 10,
  rowGap: 1,
  rule: { width: 0.5, color: '#999999' },
};

async function pdfOf(draw: (sheet: Sheet) => void): Promise<Buffer> {
  const { sheet, close } = openDocument(layout, { lang: 'fr', info: { Title: 'Essai' } });
  draw(sheet);
  decoratePages(sheet, { footer: 'Pied de page', pageLabel: (n, all) => `Page ${n}/${all}` });
  return close();
}

/** The pages of a document drawn by `draw`, each read as text, footers "Page n/N". */
async function pagesOf(draw: (sheet: Sheet) => void): Promise<string[]> {
  return pdfText(await pdfOf(draw))
    .split(/(?<=Page \d+\/\d+)/)
    .map((page) => page.trim())
    .filter(Boolean);
}

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ cells: [`Ligne ${i + 1}`, `${i + 1},00 €`] }));

describe('drawTable', () => {
  it('breaks a long table across pages, the header repeated at the top of each one', async () => {
    const pages = await pagesOf((sheet) =>
      drawTable(
        sheet,
        {
          columns: [{ width: 3 }, { width: 1, align: 'right' }],
          head: ['Libellé', 'Montant'],
          rows: rows(150),
          look,
        },
        sheet.top,
      ),
    );
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(page.startsWith('Libellé Montant')).toBe(true);
      expect(page.endsWith(`Pied de page Page ${i + 1}/${pages.length}`)).toBe(true);
    });
    const printed = pages.join(' ').match(/Ligne \d+/g);
    expect(printed).toEqual(rows(150).map((r) => r.cells[0]));
  });

  it('keeps the detail lines of a row across a page break, under the repeated header', async () => {
    const detailed = [
      {
        cells: ['Support', '10,00 €'],
        details: Array.from({ length: 90 }, (_, i) => `Intervention ${i + 1}`),
      },
    ];
    const pages = await pagesOf((sheet) =>
      drawTable(
        sheet,
        {
          columns: [{ width: 3 }, { width: 1 }],
          head: ['Libellé', 'Montant'],
          rows: detailed,
          look,
        },
        sheet.top,
      ),
    );
    expect(pages).toHaveLength(2);
    expect(pages[1]).toMatch(/^Libellé Montant Intervention \d+/);
    expect(pages.join(' ').match(/Intervention \d+/g)).toHaveLength(90);
  });

  it('draws no header row for a table of labels and values', async () => {
    const [page] = await pagesOf((sheet) =>
      drawTable(
        sheet,
        { columns: [{ width: 3 }, { width: 1 }], head: null, rows: rows(2), look },
        sheet.top,
      ),
    );
    expect(page).toBe('Ligne 1 1,00 € Ligne 2 2,00 € Pied de page Page 1/1');
  });

  it('shrinks a figure in a one-line column rather than split it', async () => {
    const amount = '-1 234 567 890,12 €';
    const columns = (oneLine: boolean) => [
      { width: 8 },
      { width: 1, align: 'right' as const, oneLine },
    ];
    const table = (oneLine: boolean): Table => ({
      columns: columns(oneLine),
      head: null,
      rows: [{ cells: ['Total', amount] }],
      look,
    });
    const lines = async (oneLine: boolean) =>
      pdfLayoutText(await pdfOf((sheet) => drawTable(sheet, table(oneLine), sheet.top))).split(
        '\n',
      );
    expect((await lines(true)).some((line) => line.includes(amount))).toBe(true);
    expect((await lines(false)).some((line) => line.includes(amount))).toBe(false);
  });
});

/** A long invoice over several pages: numbered, its header repeated, every line once. */
import { typicalInvoiceView, withTotals, manyLines } from '../../../test/fixtures/invoice-views';
import { FRENCH_HEAD, pagesOf } from '../../../test/support/invoice-pdf-reading';

describe('a 300-line invoice', () => {
  let pages: string[];
  beforeAll(async () => {
    pages = await pagesOf(withTotals({ ...typicalInvoiceView(), lines: manyLines(300) }));
  });

  it('spans several pages, each counted "Page n/N"', () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
    pages.forEach((page, i) => {
      expect(page.match(/Page \d+\/\d+/g)).toEqual([`Page ${i + 1}/${pages.length}`]);
    });
  });

  it('repeats the table header at the top of every page', () => {
    for (const page of pages) {
      expect(page).toContain(FRENCH_HEAD);
    }
    expect(pages[1].startsWith(FRENCH_HEAD)).toBe(true);
  });

  it('prints every line once and in order, and its interventions across the break', () => {
    const all = pages.join(' ');
    const numbers = [...all.matchAll(/Ligne (\d{3}) /g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const details = [...all.matchAll(/Intervention (\d+) de la ligne 42\b/g)];
    expect(details.map((m) => Number(m[1]))).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('ends with the totals and mentions after the last line', () => {
    const last = pages[pages.length - 1];
    expect(last.indexOf('Ligne 300')).toBeLessThan(last.indexOf('Total HT 33 750,00 €'));
    expect(last).toContain('Total TTC 40 500,00 €');
    expect(last).toContain('Pas d’escompte pour paiement anticipé');
  });
});

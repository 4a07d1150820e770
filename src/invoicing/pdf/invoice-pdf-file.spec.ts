/** The invoice PDF as a file: its fonts, PDF/A-3b, the logo, another templates folder, the golden text. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { png } from '../../../test/fixtures/images';
import type { FontRegistration } from '../../documents/fonts';
import { renderInvoicePdf, renderInvoicePdfWith } from './invoice-pdf';
import { DEFAULT_TEMPLATES_DIR, loadInvoiceTemplate } from './invoice-template';
import type { InvoiceView } from './invoice-view';
import {
  invoiceUnder,
  typicalInvoiceView,
  draftOf,
  germanBuyer,
} from '../../../test/fixtures/invoice-views';
import { layoutText, pagesIn, poppler, textOf } from '../../../test/support/invoice-pdf-reading';

const workDir = mkdtempSync(path.join(os.tmpdir(), 'invoice-pdf-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('the PDF file', () => {
  it('embeds DejaVu Sans regular and bold, and no other font', async () => {
    const fonts = poppler('pdffonts', [], await renderInvoicePdf(typicalInvoiceView()));
    const rows = fonts.split('\n').slice(2).filter(Boolean);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'DejaVuSans',
      'DejaVuSans-Bold',
    ]);
    expect(rows.every((r) => /\byes yes yes\b/.test(r))).toBe(true);
  });

  it('is an A4 PDF 1.7 declaring PDF/A-3b, titled with the invoice number', async () => {
    const pdf = await renderInvoicePdf(typicalInvoiceView());
    const info = poppler('pdfinfo', ['-meta'], pdf) + poppler('pdfinfo', [], pdf);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    expect(info).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(info).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(info).toMatch(/Title:\s+Facture F2026-00042/);
  });

  it('prints the same with fonts parsed once for many PDFs as with fonts read afresh', async () => {
    const views = [
      typicalInvoiceView(),
      invoiceUnder('reverse_charge', { locale: 'en', buyer: germanBuyer }),
      draftOf(typicalInvoiceView()),
    ];
    const shared = await Promise.all(views.map((v) => renderInvoicePdf(v)));
    const afresh: FontRegistration = (doc, name, file) => doc.registerFont(name, file);
    const fresh = await Promise.all(
      views.map((v) => renderInvoicePdfWith(v, loadInvoiceTemplate(v.locale), afresh)),
    );
    const text = (pdf: Buffer) => layoutText(pdf);
    expect(shared.map(text)).toEqual(fresh.map(text));
    expect(shared.map((pdf) => pdf.length)).toEqual(fresh.map((pdf) => pdf.length));
    expect(text(shared[1])).toContain('Friedrichstraße 10');
  });
});

describe('the logo', () => {
  const withLogo = (logoPath: string | null) => {
    const view = typicalInvoiceView();
    return { ...view, seller: { ...view.seller, logoPath } };
  };
  const imagesIn = async (view: InvoiceView) =>
    poppler('pdfimages', ['-list'], await renderInvoicePdf(view))
      .split('\n')
      .slice(2)
      .filter(Boolean);

  it('is printed when the seller has one', async () => {
    const logo = path.join(workDir, 'logo.png');
    writeFileSync(logo, png());
    const images = await imagesIn(withLogo(logo));
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^\s*1\s+0\s+image\s+2\s+1\s+rgb/);
  });

  it.each([
    ['missing', path.join(os.tmpdir(), 'no-such-logo.png')],
    ['not an image', __filename],
  ])('is left out when %s, and the invoice still renders', async (_why, logoPath) => {
    expect(await imagesIn(withLogo(logoPath))).toEqual([]);
    expect(await textOf(withLogo(logoPath))).toContain('Total TTC 3 646,53 €');
  });
});

describe('restyling without code', () => {
  it('prints the words and layout of another templates folder', async () => {
    const dir = path.join(workDir, 'my-templates');
    cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
    const texts = {
      'invoice.title': '{kind, select, credit_note {AVOIR} other {HONORAIRES}}',
      'invoice.column.description': 'Prestation',
    };
    writeFileSync(path.join(dir, 'texts.fr.json'), JSON.stringify(texts));
    const layout = JSON.parse(readFileSync(path.join(dir, 'layout.json'), 'utf8'));
    layout.fonts = { regular: 'DejaVuSerif.ttf', bold: 'DejaVuSerif-Bold.ttf' };
    writeFileSync(path.join(dir, 'layout.json'), JSON.stringify(layout));

    const pdf = await renderInvoicePdf(typicalInvoiceView(), { templatesDir: dir });
    const text = pagesIn(pdf).join(' ');
    expect(text).toContain('HONORAIRES N° F2026-00042');
    expect(text).toContain('Prestation Qté Unité');
    expect(poppler('pdffonts', [], pdf)).toContain('DejaVuSerif-Bold');
    // The shipped folder is untouched by another folder's use.
    expect(await textOf(typicalInvoiceView())).toContain('FACTURE');
  });
});

describe('the golden French invoice', () => {
  const golden = path.resolve(__dirname, '../../../test/golden/invoice-fr.txt');

  it('reads exactly as test/golden/invoice-fr.txt (set UPDATE_GOLDEN=1 to rewrite it)', async () => {
    const text = `${layoutText(await renderInvoicePdf(typicalInvoiceView()))}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, text);
    expect(text).toBe(readFileSync(golden, 'utf8'));
  });
});

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { FontRegistration } from '../../documents/fonts';
import { renderInvoicePdf, renderInvoicePdfWith } from './invoice-pdf';
import { DEFAULT_TEMPLATES_DIR, loadInvoiceTemplate } from './invoice-template';
import type { InvoiceView, InvoiceViewLine } from './invoice-view';
import { invoiceUnder, typicalInvoiceView, withTotals } from '../../../test/fixtures/invoice-views';

/**
 * The PDFs are read back with poppler's pdftotext, as a person or an accounting tool would
 * read them: in drawing order (-raw) with every run of spaces, no-break spaces and line breaks
 * read as one space, so wrapped text still reads as a sentence; the golden file keeps the
 * page layout (-layout) instead.
 */

const workDir = mkdtempSync(path.join(os.tmpdir(), 'invoice-pdf-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function savePdf(pdf: Buffer): string {
  const file = path.join(workDir, `${randomUUID()}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

function poppler(tool: string, args: string[], pdf: Buffer): string {
  return execFileSync(tool, [...args, savePdf(pdf), ...(tool === 'pdftotext' ? ['-'] : [])], {
    encoding: 'utf8',
  });
}

const flatten = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The text of each page, flattened. */
function pagesIn(pdf: Buffer): string[] {
  return poppler('pdftotext', ['-raw'], pdf).split('\f').slice(0, -1).map(flatten);
}

async function pagesOf(view: InvoiceView): Promise<string[]> {
  return pagesIn(await renderInvoicePdf(view));
}

async function textOf(view: InvoiceView): Promise<string> {
  return (await pagesOf(view)).join(' ');
}

/** The page as laid out, with blank lines dropped and runs of spaces made one. */
function layoutText(pdf: Buffer): string {
  return poppler('pdftotext', ['-layout'], pdf)
    .replace(/[\u00a0\u202f]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

const FRENCH_HEAD = 'Désignation Qté Unité Prix unitaire HT TVA Montant HT';

const draftOf = (view: InvoiceView): InvoiceView => ({
  ...view,
  draft: true,
  number: null,
  issueDate: null,
  dueDate: null,
});

const germanBuyer = {
  name: 'Müller Systemhaus GmbH',
  vatNumber: 'DE123456789',
  address: { line1: 'Friedrichstraße 10', postalCode: '10117', city: 'Berlin', country: 'DE' },
};

describe('a typical French invoice', () => {
  let text: string;
  beforeAll(async () => {
    text = await textOf(typicalInvoiceView());
  });

  it.each([
    ['seller name with EI', 'Camille Martin EI'],
    ['seller legal form', 'Entrepreneur individuel (EI)'],
    ['seller address', '12 rue des Lilas Bâtiment B 69003 Lyon France'],
    ['seller SIREN', 'SIREN : 123456782'],
    ['seller SIRET', 'SIRET : 12345678200015'],
    ['seller VAT number', 'N° TVA intracommunautaire : FR11123456782'],
    ['buyer address', '5 place Bellecour 69002 Lyon France'],
    ['buyer SIREN', 'SIREN : 552100554'],
    ['title', 'FACTURE'],
    ['number', 'N° F2026-00042'],
    ['issue date', 'Date d’émission : 29/11/2026'],
    ['due date', 'Échéance : 29/12/2026'],
    ['service period', 'Période de prestation du 01/11/2026 au 30/11/2026'],
    ['column heads', FRENCH_HEAD],
    ['a time line', 'Support, urgence normale 6,50 h 90,00 € 20 % 585,00 €'],
    [
      'a line at 5,5 %',
      'Ouvrage « Administration Linux par la pratique » 1 unité 39,90 € 5,5 % 39,90 €',
    ],
    ['an intervention', '2026-11-03 09:00–10:30 · Serveur mail HS · 1,50 h'],
    ['total HT', 'Total HT 3 043,60 €'],
    ['VAT at 5,5 %', 'TVA 5,5 % sur 39,90 € 2,19 €'],
    ['VAT at 20 %', 'TVA 20 % sur 3 003,70 € 600,74 €'],
    ['total VAT', 'Total TVA 602,93 €'],
    ['total TTC', 'Total TTC 3 646,53 €'],
    ['operation category', 'Catégorie de l’opération : Prestations de services'],
    ['payment terms', 'Paiement à 30 jours à compter de la date d’émission'],
    ['late-payment penalty rate', 'Pénalités de retard : taux annuel de 12,15 %'],
    ['recovery indemnity', 'Indemnité forfaitaire pour frais de recouvrement : 40 €'],
    ['no discount', 'Pas d’escompte pour paiement anticipé'],
    ['IBAN', 'IBAN : FR76 3000 6000 0112 3456 7890 189'],
    ['BIC', 'BIC : AGRIFRPP'],
    ['notes with « »', 'Merci pour votre confiance. Virement avec la référence « F2026-00042 ».'],
    ['page counter', 'Page 1/1'],
  ])('prints the %s', (_what, expected) => {
    expect(text).toContain(expected);
  });

  it('prints the buyer name as it reads on the page', async () => {
    // pdftotext -raw splits a bold "L’É" apart; the page layout reads it whole.
    expect(layoutText(await renderInvoicePdf(typicalInvoiceView()))).toContain(
      'Boulangerie L’Épi d’Or SARL',
    );
  });

  it('prints no franchise or reverse-charge mention under the standard regime', () => {
    expect(text).not.toMatch(/293 B|Autoliquidation/);
  });

  it('prints the interventions in a smaller font than their line', async () => {
    const bbox = poppler('pdftotext', ['-bbox'], await renderInvoicePdf(typicalInvoiceView()));
    const heightOf = (word: string) => {
      const m = new RegExp(`yMin="([\\d.]+)" xMax="[\\d.]+" yMax="([\\d.]+)">${word}<`).exec(bbox);
      if (!m) throw new Error(`${word} not found`);
      return Number(m[2]) - Number(m[1]);
    };
    expect(heightOf('Serveur')).toBeLessThan(heightOf('Support,') * 0.9);
  });
});

describe('the VAT regime', () => {
  it('under franchise prints art. 293 B, no VAT number or VAT per rate, and TTC equals HT', async () => {
    const view = invoiceUnder('franchise');
    const text = await textOf({ ...view, seller: { ...view.seller, vatNumber: null } });
    expect(text).toContain('TVA non applicable, art. 293 B du CGI');
    expect(text).toContain('Support, urgence normale 6,50 h 90,00 € — 585,00 €');
    expect(text).toContain('Total TVA 0,00 € Total TTC 3 043,60 €');
    expect(text).not.toMatch(/TVA 20 % sur|FR11123456782|Autoliquidation/);
  });

  it('under reverse charge prints the mention with both VAT numbers and no VAT', async () => {
    const text = await textOf(invoiceUnder('reverse_charge', { buyer: germanBuyer }));
    expect(text).toContain('Autoliquidation');
    expect(text).toContain(
      'N° TVA du prestataire : FR11123456782 · N° TVA du preneur : DE123456789',
    );
    expect(text).toContain('Friedrichstraße 10 10117 Berlin Allemagne');
    expect(text).toContain('Total TTC 3 043,60 €');
    expect(text).not.toContain('293 B');
  });
});

describe('a business outside the EU (art. 259-1 CGI)', () => {
  const swissBuyer = {
    name: 'Helvetia Informatik AG',
    vatNumber: 'CHE-123.456.789',
    address: { line1: 'Bahnhofstrasse 1', postalCode: '8001', city: 'Zürich', country: 'CH' },
  };

  it.each(['fr', 'en'] as const)(
    'in %s prints the art. 259-1 mention in French, its tax ID, and no VAT',
    async (locale) => {
      const text = await textOf(invoiceUnder('export', { locale, buyer: swissBuyer }));
      expect(text).toContain('TVA non applicable – art. 259-1 du CGI');
      expect(text).toContain(
        locale === 'fr' ? 'Identifiant fiscal : CHE-123.456.789' : 'Tax ID: CHE-123.456.789',
      );
      expect(text).toContain(
        locale === 'fr' ? 'Total TTC 3 043,60 €' : 'Total incl. VAT €3,043.60',
      );
      expect(text).not.toMatch(/TVA 20 % sur|intracommunautaire : CHE|293 B|Autoliquidation/);
    },
  );

  it('an English invoice under franchise prints art. 293 B in French, then in English', async () => {
    const view = invoiceUnder('franchise', { locale: 'en' });
    const text = await textOf({ ...view, seller: { ...view.seller, vatNumber: null } });
    expect(text).toContain(
      'TVA non applicable, art. 293 B du CGI (VAT not applicable, art. 293 B of the French tax code)',
    );
  });
});

describe('an English invoice', () => {
  let text: string;
  beforeAll(async () => {
    text = await textOf(invoiceUnder('reverse_charge', { locale: 'en', buyer: germanBuyer }));
  });

  it.each([
    'INVOICE',
    'No. F2026-00042',
    'Issue date: 29 Nov 2026',
    'Due date: 29 Dec 2026',
    'Service period: 1 Nov 2026 to 30 Nov 2026',
    'Description Qty Unit Unit price excl. VAT VAT Amount excl. VAT',
    'Support, urgence normale 6.50 h €90.00 0% €585.00',
    'Total excl. VAT €3,043.60',
    'Total incl. VAT €3,043.60',
    // The law's word first, in French, then its translation.
    'Autoliquidation (reverse charge: VAT to be accounted for by the customer',
    'Supplier VAT number: FR11123456782 · Customer VAT number: DE123456789',
    'Category of operation: provision of services',
    'Late payment penalties: annual rate of 12.15%',
    'Fixed compensation for recovery costs: €40',
    'No discount for early payment',
    'Germany',
    'Page 1/1',
  ])('prints %p', (expected) => {
    expect(text).toContain(expected);
  });

  it('prints no French label', () => {
    expect(text).not.toMatch(/FACTURE|Échéance|Désignation|Pénalités|Total TTC/);
  });
});

describe('large figures', () => {
  it('shrink to stay on one line rather than split an amount', async () => {
    const line: InvoiceViewLine = {
      description: 'Régie annuelle',
      quantity: 1234.5,
      unit: 'hour',
      unitPriceCents: 99999,
      vatRateBp: 2000,
      amountCents: -123449765,
    };
    const pdf = await renderInvoicePdf(withTotals({ ...typicalInvoiceView(), lines: [line] }));
    const text = layoutText(pdf);
    expect(text).toContain('Régie annuelle 1 234,50 h 999,99 € 20 % -1 234 497,65 €');
    expect(text).toContain('Total TTC -1 481 397,18 €');
  });
});

describe('a credit note', () => {
  it('is titled AVOIR, refers to the invoice it corrects and shows negative amounts', async () => {
    const view = typicalInvoiceView();
    const text = await textOf(
      withTotals({
        ...view,
        kind: 'credit_note',
        number: 'AV2026-00003',
        dueDate: null,
        creditedInvoice: { number: 'F2026-00042', issueDate: '2026-11-29' },
        lines: view.lines
          .slice(0, 2)
          .map((l) => ({ ...l, unitPriceCents: -l.unitPriceCents, amountCents: -l.amountCents })),
      }),
    );
    expect(text).toContain('AVOIR');
    expect(text).toContain('N° AV2026-00003');
    expect(text).toContain('Avoir relatif à la facture n° F2026-00042 du 29/11/2026');
    expect(text).toContain('Support, urgence normale 6,50 h -90,00 € 20 % -585,00 €');
    expect(text).toContain('Total TTC -1 722,00 €');
    expect(text).not.toMatch(/FACTURE|Échéance|Pénalités de retard/);
  });
});

describe('a draft', () => {
  it('has no number or issue date and says BROUILLON', async () => {
    const text = await textOf(draftOf(typicalInvoiceView()));
    expect(text).toMatch(/FACTURE BROUILLON/);
    expect(text).not.toMatch(/N° F2026|Date d’émission|Échéance/);
    expect(text).toContain('Page 1/1');
  });

  it('carries the diagonal watermark on every page, in its language', async () => {
    const long = draftOf(withTotals({ ...typicalInvoiceView(), lines: manyLines(120) }));
    const pages = await pagesOf(long);
    expect(pages.length).toBeGreaterThan(2);
    // The number line says BROUILLON once on page 1; every page also has the watermark.
    expect(pages.map((p) => p.match(/BROUILLON/g)?.length)).toEqual(
      pages.map((_, i) => (i === 0 ? 2 : 1)),
    );
    const english = await pagesOf({ ...long, locale: 'en' });
    expect(english.every((p) => p.includes('DRAFT') && !p.includes('BROUILLON'))).toBe(true);
  });

  it('an issued invoice carries no watermark', async () => {
    const pages = await pagesOf(typicalInvoiceView());
    expect(pages.join('\n')).not.toMatch(/BROUILLON|DRAFT/);
  });
});

function manyLines(count: number): InvoiceViewLine[] {
  return Array.from({ length: count }, (_, i) => ({
    description: `Ligne ${String(i + 1).padStart(3, '0')} · support à distance`,
    quantity: 1.25,
    unit: 'hour',
    unitPriceCents: 9000,
    vatRateBp: 2000,
    amountCents: 11250,
    ...(i % 100 === 41
      ? {
          details: Array.from(
            { length: 40 },
            (_, j) => `Intervention ${j + 1} de la ligne ${i + 1}`,
          ),
        }
      : {}),
  }));
}

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

/** A 2×1 PNG, written by hand so the test needs no image library. */
function tinyPng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.from([0, 0, 0, 2, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const pixels = deflateSync(Buffer.from([0, 0x1f, 0x4e, 0x79, 0xc0, 0x39, 0x2b]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

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
    writeFileSync(logo, tinyPng());
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

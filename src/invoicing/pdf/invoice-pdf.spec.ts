/** What an invoice PDF says: its regime, language, figures, credit note and draft. */
import { renderInvoicePdf } from './invoice-pdf';
import type { InvoiceViewLine } from './invoice-view';
import {
  invoiceUnder,
  typicalInvoiceView,
  withTotals,
  draftOf,
  germanBuyer,
  manyLines,
} from '../../../test/fixtures/invoice-views';
import {
  FRENCH_HEAD,
  layoutText,
  pagesOf,
  poppler,
  textOf,
} from '../../../test/support/invoice-pdf-reading';

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

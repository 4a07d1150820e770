import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalogue } from '../../i18n';
import { DEFAULT_TEMPLATES_DIR, loadInvoiceTemplate, type InvoiceTexts } from './invoice-template';
import { invoiceWording, pageLabel } from './invoice-wording';
import { invoiceUnder, typicalInvoiceView } from '../../../test/fixtures/invoice-views';

const fr = loadInvoiceTemplate('fr').texts;
const en = loadInvoiceTemplate('en').texts;
const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('the seller as printed', () => {
  it.each([
    ['Camille Martin', 'EI', 'Camille Martin EI', 'Entrepreneur individuel (EI)'],
    ['Camille Martin EI', 'ei', 'Camille Martin EI', 'Entrepreneur individuel (EI)'],
    [
      'Martin Conseil',
      'SASU au capital de 1 000 €',
      'Martin Conseil',
      'SASU au capital de 1 000 €',
    ],
  ])('%s (%s) prints as %s, then %s', (name, legalForm, printed, formLine) => {
    const view = typicalInvoiceView();
    const wording = invoiceWording({ ...view, seller: { ...view.seller, name, legalForm } }, fr);
    expect(wording.sellerName).toBe(printed);
    expect(wording.sellerLines[0]).toBe(formLine);
  });

  it('leaves out the SIRET, VAT number and phone a seller does not have', () => {
    const view = typicalInvoiceView();
    const seller = { ...view.seller, siret: null, vatNumber: null, phone: null };
    const lines = invoiceWording({ ...view, seller }, fr).sellerLines.join('\n');
    expect(lines).toContain('SIREN : 123456782');
    expect(lines).not.toMatch(/SIRET|TVA|Tél/);
  });
});

describe('payment terms', () => {
  it.each([
    [30, 'fr', 'Paiement à 30 jours à compter de la date d’émission'],
    [1, 'fr', 'Paiement à 1 jour à compter de la date d’émission'],
    [0, 'fr', 'Paiement à réception de la facture'],
    [45, 'en', 'Payment within 45 days of the issue date'],
    [1, 'en', 'Payment within 1 day of the issue date'],
    [0, 'en', 'Payment on receipt of the invoice'],
  ] as const)('%d days in %s read "%s"', (days, locale, expected) => {
    const view = typicalInvoiceView({ paymentTermsDays: days, locale });
    expect(invoiceWording(view, locale === 'fr' ? fr : en).paymentLines[0]).toBe(expected);
  });

  it('a credit note has no payment terms, due date or penalties', () => {
    const view = typicalInvoiceView({
      kind: 'credit_note',
      number: 'AV2026-00003',
      creditedInvoice: { number: 'F2026-00042', issueDate: '2026-11-29' },
    });
    const wording = invoiceWording(view, fr);
    expect(wording.paymentHeading).toBeNull();
    expect(wording.paymentLines).toEqual([]);
    expect(wording.metaLines.join(' ')).not.toContain('Échéance');
    expect(wording.reference).toBe('Avoir relatif à la facture n° F2026-00042 du 29/11/2026');
  });
});

describe('totals', () => {
  it('end with the total TTC: payments are not part of the document', () => {
    const rows = invoiceWording(typicalInvoiceView(), fr).totals.map(
      (r) => `${r.label} ${nbsp(r.amount)}`,
    );
    expect(rows[rows.length - 1]).toBe('Total TTC 3 646,53 €');
    const invoiceTexts = (['fr', 'en'] as const).flatMap((locale) =>
      catalogue()
        .keys(locale)
        .filter((key) => key.startsWith('invoice.'))
        .map((key) => catalogue().source(locale, key)),
    );
    expect(invoiceTexts.join('\n')).not.toMatch(/Déjà réglé|Reste à payer|Balance due/);
  });

  it.each([
    ['franchise', '—'],
    ['reverse_charge', '0 %'],
    ['export', '—'],
  ] as const)('under %s, no VAT per rate is listed and the VAT column reads %p', (regime, rate) => {
    const wording = invoiceWording(invoiceUnder(regime), fr);
    expect(wording.totals.map((r) => r.label)).toEqual(['Total HT', 'Total TVA', 'Total TTC']);
    expect(nbsp(wording.rows[0].cells.vatRate)).toBe(rate);
  });
});

const swissBuyer = {
  name: 'Helvetia Informatik AG',
  vatNumber: 'CHE-123.456.789',
  address: { line1: 'Bahnhofstrasse 1', postalCode: '8001', city: 'Zürich', country: 'CH' },
};

describe('the VAT mentions, in the law’s French words whatever the language', () => {
  it.each([
    ['franchise', 'fr', 'TVA non applicable, art. 293 B du CGI'],
    [
      'franchise',
      'en',
      'TVA non applicable, art. 293 B du CGI (VAT not applicable, art. 293 B of the French tax code)',
    ],
    [
      'reverse_charge',
      'en',
      'Autoliquidation (reverse charge: VAT to be accounted for by the customer, art. 196 of Directive 2006/112/EC, art. 283-2 CGI)',
    ],
    [
      'export',
      'fr',
      'TVA non applicable – art. 259-1 du CGI (prestation de services à un preneur assujetti établi hors de l’Union européenne)',
    ],
    [
      'export',
      'en',
      'TVA non applicable – art. 259-1 du CGI (VAT not applicable: services supplied to a business established outside the European Union, art. 259-1 of the French tax code)',
    ],
  ] as const)('%s in %s reads %p', (regime, locale, mention) => {
    const view = invoiceUnder(regime, { locale, buyer: swissBuyer });
    expect(invoiceWording(view, locale === 'fr' ? fr : en).vatMentions[0]).toBe(mention);
  });

  it('prints the French words first when a reworded template leaves them out', () => {
    const reworded: InvoiceTexts = (key, values) =>
      key === 'invoice.mention.reverseCharge' ? 'Reverse charge' : en(key, values);
    const view = invoiceUnder('reverse_charge', { locale: 'en' });
    expect(invoiceWording(view, reworded).vatMentions[0]).toBe('Autoliquidation (Reverse charge)');
  });

  it('names a buyer’s tax identifier outside the EU, not an intra-community VAT number', () => {
    const view = invoiceUnder('export', { buyer: swissBuyer });
    expect(invoiceWording(view, fr).buyerLines).toContain('Identifiant fiscal : CHE-123.456.789');
    expect(invoiceWording({ ...view, locale: 'en' }, en).buyerLines).toContain(
      'Tax ID: CHE-123.456.789',
    );
  });
});

describe('the words of a document', () => {
  it.each([
    ['fr', 'invoice', 'FACTURE', 'Facture F2026-00042'],
    ['fr', 'credit_note', 'AVOIR', 'Avoir F2026-00042'],
    ['en', 'invoice', 'INVOICE', 'Invoice F2026-00042'],
    ['en', 'credit_note', 'CREDIT NOTE', 'Credit note F2026-00042'],
  ] as const)('%s %s: titled %s, named %s', (locale, kind, title, name) => {
    const wording = invoiceWording(typicalInvoiceView({ locale, kind }), locale === 'fr' ? fr : en);
    expect(wording.title).toBe(title);
    expect(wording.documentTitle).toBe(name);
    expect(wording.footer).toBe(`Camille Martin EI · SIREN 123456782 · ${name}`);
  });

  it('a draft has no number: the draft mark stands in its place', () => {
    const view = typicalInvoiceView({ draft: true, number: null, issueDate: null });
    const wording = invoiceWording(view, fr);
    expect(wording.numberLine).toBe('BROUILLON');
    expect(wording.documentTitle).toBe('Facture BROUILLON');
    expect(wording.watermark).toBe('BROUILLON');
  });

  it('names each unit and column head in the document’s language', () => {
    const wording = invoiceWording(typicalInvoiceView({ locale: 'en' }), en);
    expect(wording.rows.map((r) => r.cells.unit).slice(0, 2)).toEqual(['month', 'h']);
    expect(Object.values(wording.columns)).toEqual([
      'Description',
      'Qty',
      'Unit',
      'Unit price excl. VAT',
      'VAT',
      'Amount excl. VAT',
    ]);
    expect(pageLabel(fr, 2, 5)).toBe('Page 2/5');
  });
});

describe('a practice’s templates folder', () => {
  const folder = (texts?: object): string => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'invoice-template-'));
    cpSync(path.join(DEFAULT_TEMPLATES_DIR, 'layout.json'), path.join(dir, 'layout.json'));
    if (texts) writeFileSync(path.join(dir, 'texts.fr.json'), JSON.stringify(texts));
    return dir;
  };

  it('rewords the messages its texts file holds and keeps the catalogue’s for the others', () => {
    const dir = folder({
      invoice: {
        title: '{kind, select, credit_note {AVOIR} other {NOTE D’HONORAIRES}}',
        'column.description': 'Prestation',
      },
    });
    const own = loadInvoiceTemplate('fr', dir).texts;
    const wording = invoiceWording(typicalInvoiceView(), own);
    expect(wording.title).toBe('NOTE D’HONORAIRES');
    expect(wording.columns.description).toBe('Prestation');
    expect(wording.columns.quantity).toBe('Qté');
    // The English words of that folder are the catalogue's.
    expect(invoiceWording(typicalInvoiceView(), loadInvoiceTemplate('en', dir).texts).title).toBe(
      'INVOICE',
    );
  });

  it('without a texts file, prints the catalogue’s words', () => {
    const wording = invoiceWording(typicalInvoiceView(), loadInvoiceTemplate('fr', folder()).texts);
    expect(wording).toEqual(invoiceWording(typicalInvoiceView(), fr));
  });

  it.each([
    [{ invoice: { titel: 'FACTURE' } }, /invoice\.titel is not a message/],
    [
      { report: { page: 'Page {page}' } },
      /report\.page is not a message of the catalogue's invoice/,
    ],
    [{ invoice: { number: 'N° {number' } }, /invoice\.number does not parse/],
  ])('refuses a texts file with %j, naming the message', (texts, error) => {
    expect(() => loadInvoiceTemplate('fr', folder(texts))).toThrow(error);
  });

  it('refuses a restyled layout that lost a setting, naming it', () => {
    const dir = folder();
    const layout = JSON.parse(readFileSync(path.join(dir, 'layout.json'), 'utf8'));
    delete layout.totals.labelWidth;
    writeFileSync(path.join(dir, 'layout.json'), JSON.stringify(layout));
    expect(() => loadInvoiceTemplate('fr', dir)).toThrow(/lacks: totals\.labelWidth/);
  });
});

describe('the law’s mentions of a company seller and of exempt lines', () => {
  const company = (overrides = {}) => {
    const view = typicalInvoiceView();
    return {
      ...view,
      seller: {
        ...view.seller,
        name: 'Martin Conseil',
        legalForm: 'SASU',
        siren: '912345678',
        tradeRegistry: 'RCS' as const,
        tradeRegistryCity: 'Lyon',
        shareCapitalCents: 100000,
        ...overrides,
      },
    };
  };

  it('prints the form with its capital and the registration, beside the seller and in the footer', () => {
    const wording = invoiceWording(company(), fr);
    const lines = wording.sellerLines.map(nbsp);
    expect(lines[0]).toBe('SASU au capital de 1 000 €');
    expect(lines).toContain('RCS Lyon 912 345 678');
    expect(nbsp(wording.footer)).toBe(
      'Martin Conseil · SASU au capital de 1 000 €, RCS Lyon 912 345 678 · Facture F2026-00042',
    );
  });

  it('in English too, the registration as registered', () => {
    const wording = invoiceWording({ ...company(), locale: 'en' }, en);
    expect(wording.sellerLines.map(nbsp)).toContain('RCS Lyon 912 345 678');
    expect(nbsp(wording.sellerLines[0])).toBe('SASU with a share capital of €1,000');
  });

  it('an individual entrepreneur keeps its SIREN in the footer', () => {
    expect(invoiceWording(typicalInvoiceView(), fr).footer).toContain('SIREN 123456782');
  });

  it('states the exemption of a 0 % line and the option for VAT on debits', () => {
    const view = company({ vatOnDebits: true });
    const lines = [
      ...view.lines,
      { ...view.lines[0], vatRateBp: 0, vatExemption: 'training' as const },
    ];
    const mentions = invoiceWording({ ...view, lines }, fr).vatMentions;
    expect(mentions).toContain(
      'Exonération de TVA, art. 261-4-4° a du CGI (formation professionnelle continue)',
    );
    expect(mentions).toContain('Option pour le paiement de la taxe d’après les débits');
    expect(invoiceWording(typicalInvoiceView(), fr).vatMentions.join()).not.toMatch(
      /débits|Exonération/,
    );
  });

  it.each([
    [[], 'Catégorie de l’opération : Prestations de services'],
    [
      ['goods', 'goods', 'goods', 'goods', 'goods', 'goods', 'goods', 'goods'],
      'Catégorie de l’opération : Livraisons de biens',
    ],
    [['goods'], 'Catégorie de l’opération : Mixte'],
  ] as const)('lines of %j read %s', (supplies, category) => {
    const view = typicalInvoiceView();
    const lines = view.lines
      .slice(0, Math.max(supplies.length, 2))
      .map((line, k) => (supplies[k] ? { ...line, supply: supplies[k] } : line));
    expect(nbsp(invoiceWording({ ...view, lines }, fr).vatMentions.at(-1) ?? '')).toBe(
      nbsp(category),
    );
  });
});

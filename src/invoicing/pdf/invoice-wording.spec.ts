import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DEFAULT_TEMPLATES_DIR,
  fillText,
  loadInvoiceTemplate,
  missingKeys,
} from './invoice-template';
import { invoiceWording } from './invoice-wording';
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
    [0, 'fr', 'Paiement à réception de la facture'],
    [45, 'en', 'Payment within 45 days of the issue date'],
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
    expect(JSON.stringify(fr) + JSON.stringify(en)).not.toMatch(
      /Déjà réglé|Reste à payer|Balance due/,
    );
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
    const reworded = { ...en, mentions: { ...en.mentions, reverseCharge: 'Reverse charge' } };
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

describe('templates', () => {
  it('the French and English texts have the same keys', () => {
    expect(missingKeys(en, fr)).toEqual([]);
    expect(missingKeys(fr, en)).toEqual([]);
  });

  it('every placeholder of a text is one the renderer fills', () => {
    const filled = new Set(
      ['number', 'date', 'start', 'end', 'name', 'siren', 'siret', 'vatNumber', 'email']
        .concat(['phone', 'rate', 'base', 'seller', 'buyer', 'days', 'iban', 'bic'])
        .concat(['document', 'page', 'pages'])
        .map((name) => `{${name}}`),
    );
    for (const texts of [fr, en]) {
      const placeholders = JSON.stringify(texts).match(/\{\w+\}/g) ?? [];
      expect(placeholders.filter((p) => !filled.has(p))).toEqual([]);
    }
  });

  it.each([
    ['{name} EI', { name: 'Camille Martin' }, 'Camille Martin EI'],
    ['Page {page}/{pages}', { page: '2', pages: '5' }, 'Page 2/5'],
    ['{unknown} stays', {}, '{unknown} stays'],
  ])('fills %p', (text, values, expected) => {
    expect(fillText(text, values)).toBe(expected);
  });

  it('refuses a restyled folder that lost a text, naming it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'invoice-template-'));
    writeFileSync(
      path.join(dir, 'layout.json'),
      readFileSync(path.join(DEFAULT_TEMPLATES_DIR, 'layout.json')),
    );
    const texts = JSON.parse(
      readFileSync(path.join(DEFAULT_TEMPLATES_DIR, 'texts.fr.json'), 'utf8'),
    );
    delete texts.payment.latePenalty;
    writeFileSync(path.join(dir, 'texts.fr.json'), JSON.stringify(texts));
    expect(() => loadInvoiceTemplate('fr', dir)).toThrow(/lacks: payment\.latePenalty/);
  });
});

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
import { invoiceUnder, typicalInvoiceView } from './test-factories';

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
  it('shows what is paid and what is left when a payment came in', () => {
    const view = typicalInvoiceView({ paidCents: 100000, balanceCents: 264653 });
    const rows = invoiceWording(view, fr).totals.map((r) => `${r.label} ${nbsp(r.amount)}`);
    expect(rows.slice(-3)).toEqual([
      'Total TTC 3 646,53 €',
      'Déjà réglé 1 000,00 €',
      'Reste à payer 2 646,53 €',
    ]);
  });

  it.each(['franchise', 'reverse_charge'] as const)(
    'under %s, no VAT per rate is listed and the VAT column reads the regime',
    (regime) => {
      const wording = invoiceWording(invoiceUnder(regime), fr);
      expect(wording.totals.map((r) => r.label)).toEqual(['Total HT', 'Total TVA', 'Total TTC']);
      expect(nbsp(wording.rows[0].cells.vatRate)).toBe(regime === 'franchise' ? '—' : '0 %');
    },
  );
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

import fc from 'fast-check';
import { frozenDocumentOf } from './frozen-document';
import type { InvoiceLine } from './invoice-line.entity';
import type { Invoice } from './invoice.entity';
import { lineRowValues, draftLineOf } from './line-rows';
import { canonicalInvoiceContent, chainHash, hourLine, manualLine } from './math';

function issued(overrides: Partial<Invoice> = {}): Invoice {
  return {
    id: 'i1',
    kind: 'invoice',
    status: 'issued',
    number: 'F2026-00001',
    seriesKey: 'F{YYYY}-{SEQ:5}#2026',
    seq: 1,
    chainSeq: 1,
    clientId: 'c',
    contractId: 'k',
    periodStart: '2026-10-01',
    periodEnd: '2026-10-31',
    issueDate: '2026-11-29',
    dueDate: '2026-12-29',
    paymentTermsDays: 30,
    locale: 'fr',
    vatRegime: 'standard',
    seller: {
      name: 'Camille Martin',
      legalForm: 'EI',
      siren: '732829320',
      siret: null,
      vatNumber: null,
      address: { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' },
      email: 'c@example.fr',
      phone: null,
      iban: null,
      bic: null,
      latePenaltyRatePercent: 10,
    },
    buyer: {
      name: 'Client',
      siren: null,
      vatNumber: null,
      address: { line1: '1 rue', postalCode: '75001', city: 'Paris', country: 'FR' },
      billingEmail: 'b@example.fr',
    },
    netCents: 18000,
    vatCents: 3600,
    grossCents: 21600,
    byRate: [{ vatRateBp: 2000, netCents: 18000, vatCents: 3600 }],
    notes: null,
    creditedInvoiceId: null,
    hash: null,
    previousHash: null,
    pdfSha256: null,
    createdAt: new Date('2026-11-02T09:00:00Z'),
    issuedAt: new Date('2026-11-02T09:00:00Z'),
    ...overrides,
  } as Invoice;
}

const rows = (): InvoiceLine[] =>
  [
    hourLine('time', 'Support', 90, 9000, 2000, ['w']),
    manualLine({
      description: 'Déplacement',
      quantity: 1,
      unit: 'unit',
      unitPriceCents: 4500,
      vatRateBp: 2000,
    }),
  ].map((l, k) => ({ id: `l${k}`, ...lineRowValues('i1', k, l) }) as InvoiceLine);

const hashOf = (doc: Invoice, lines = rows()) =>
  chainHash(canonicalInvoiceContent(frozenDocumentOf(doc, lines, null)), doc.previousHash);

describe('frozenDocumentOf', () => {
  const original = hashOf(issued());

  it.each([
    ['the number', { number: 'F2026-00002' }],
    ['the issue date', { issueDate: '2026-11-28' }],
    ['the due date', { dueDate: '2027-01-29' }],
    ['the period', { periodEnd: '2026-10-30' }],
    ['the total', { grossCents: 21500 }],
    ['the VAT per rate', { byRate: [{ vatRateBp: 2000, netCents: 18000, vatCents: 3599 }] }],
    ['the VAT regime', { vatRegime: 'franchise' as const }],
    ['the previous hash', { previousHash: 'a'.repeat(64) }],
    ['the buyer', { buyer: { ...issued().buyer!, name: 'Other' } }],
    ['the late-payment rate', { seller: { ...issued().seller!, latePenaltyRatePercent: 3 } }],
  ])('changes the hash when %s changes', (_, overrides) => {
    expect(hashOf(issued(overrides))).not.toBe(original);
  });

  it('changes the hash when a line changes, and not when lines come back in another order', () => {
    const edited = rows();
    edited[1] = { ...edited[1], amountCents: 4400 } as InvoiceLine;
    expect(hashOf(issued(), edited)).not.toBe(original);
    expect(hashOf(issued(), rows().reverse())).toBe(original);
  });

  it('gives the same hash after a database round trip (JSON columns, nulls dropped)', () => {
    const trip = JSON.parse(JSON.stringify(issued())) as Invoice;
    expect(hashOf({ ...trip, createdAt: new Date(0) } as Invoice)).toBe(original);
  });

  describe('a document issued with its PDF stored', () => {
    const withPdf = (overrides: Partial<Invoice> = {}) =>
      issued({ pdfSha256: 'b'.repeat(64), ...overrides });
    const stored = hashOf(withPdf());

    it.each([
      ['the notes (a credit note’s reason)', { notes: 'Remise commerciale' }],
      ['the language', { locale: 'en' as const }],
      ['the payment terms', { paymentTermsDays: 45 }],
      ['the PDF file', { pdfSha256: 'c'.repeat(64) }],
    ])('changes the hash when %s changes', (_, overrides) => {
      expect(hashOf(withPdf(overrides))).not.toBe(stored);
    });

    it('changes the hash when a line’s printed interventions change', () => {
      const edited = rows();
      edited[0] = { ...edited[0], details: ['w', 'another day'] } as InvoiceLine;
      expect(hashOf(withPdf(), edited)).not.toBe(stored);
    });

    it('cannot pass for an older document by losing its PDF digest', () => {
      expect(hashOf(withPdf({ pdfSha256: null }))).not.toBe(stored);
    });
  });

  it('keeps the hash of a document issued before PDFs were stored', () => {
    // Its content then did not cover notes, language, terms or line details.
    const edited = rows();
    edited[0] = { ...edited[0], details: ['another day'] } as InvoiceLine;
    expect(hashOf(issued({ notes: 'x', locale: 'en', paymentTermsDays: 10 }), edited)).toBe(
      original,
    );
  });

  it('refuses a document without a number', () => {
    expect(() => frozenDocumentOf(issued({ number: null }), rows(), null)).toThrow(RangeError);
  });
});

describe('line rows', () => {
  it('store the quantity in hundredths and read it back exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (hundredths) => {
        const line = { ...hourLine('manual', 'x', 60, 100, 0, []), quantity: hundredths / 100 };
        const row = lineRowValues('i', 0, line);
        expect(row.quantityHundredths).toBe(hundredths);
        expect(draftLineOf({ id: 'r', ...row } as InvoiceLine).quantity).toBe(line.quantity);
      }),
    );
  });
});

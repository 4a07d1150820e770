import type { InvoiceDetail } from './invoice-detail';
import type { InvoiceLine } from './invoice-line.entity';
import type { Invoice } from './invoice.entity';
import {
  pdfFileName,
  toInvoiceView,
  viewSourceOfDetail,
  viewSourceOfRow,
  type ViewContext,
} from './invoice-view.mapper';
import type { BuyerSnapshot, SellerSnapshot } from './snapshots';

const seller = (name: string): SellerSnapshot => ({
  name,
  legalForm: 'EI',
  siren: '732829320',
  siret: null,
  vatNumber: null,
  address: { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' },
  email: 'camille@example.fr',
  phone: null,
  iban: null,
  bic: null,
  latePenaltyRatePercent: 10,
});
const buyer = (name: string): BuyerSnapshot => ({
  name,
  siren: '443061841',
  vatNumber: null,
  address: { line1: '8 rue de Londres', postalCode: '75009', city: 'Paris', country: 'FR' },
  billingEmail: 'compta@client.example',
});

const ctx: ViewContext = {
  currentSeller: { ...seller('Practice now'), latePenaltyRatePercent: 12 },
  currentBuyer: buyer('Client now'),
  currentPaymentTermsDays: 45,
  logoPath: '/data/logo.png',
};

function doc(overrides: Partial<InvoiceDetail> = {}): InvoiceDetail {
  return {
    id: '0f8e4c1a-0000-4000-8000-000000000000',
    number: 'F2026-00007',
    kind: 'invoice',
    status: 'partially_paid',
    clientId: 'c',
    contractId: 'k',
    issueDate: '2026-11-29',
    dueDate: '2026-12-29',
    paymentTermsDays: 30,
    periodStart: '2026-10-01',
    periodEnd: '2026-10-31',
    locale: 'fr',
    vatRegime: 'standard',
    vatMention: null,
    totals: { netCents: 10000, vatCents: 2000, grossCents: 12000, byRate: [] },
    paidCents: 2000,
    creditedCents: 0,
    balanceCents: 10000,
    hash: 'h',
    previousHash: null,
    notes: null,
    createdAt: new Date('2026-11-02T09:00:00Z'),
    issuedAt: new Date('2026-11-02T09:00:00Z'),
    seller: seller('Practice then'),
    buyer: buyer('Client then'),
    lines: [
      {
        position: 0,
        kind: 'time',
        description: 'Support, urgence normale',
        quantity: 1.5,
        unit: 'hour',
        unitPriceCents: 9000,
        vatRateBp: 2000,
        amountCents: 13500,
        interventionIds: ['i'],
        details: ['03/11/2026 09:00–10:30 · Serveur mail HS · 1,50 h'],
        supply: 'services',
        vatExemption: null,
      },
      {
        position: 1,
        kind: 'manual',
        description: 'Déplacement',
        quantity: 1,
        unit: 'unit',
        unitPriceCents: 4500,
        vatRateBp: 2000,
        amountCents: 4500,
        interventionIds: [],
        details: [],
        supply: 'services',
        vatExemption: null,
      },
    ],
    creditNotes: [],
    warnings: [],
    sentAt: null,
    sentTo: null,
    sends: [],
    remindersStoppedAt: null,
    ...overrides,
  };
}

describe('toInvoiceView', () => {
  it('prints an issued invoice with its snapshots and terms, not today’s identities', () => {
    const view = toInvoiceView(viewSourceOfDetail(doc()), ctx);
    expect(view).toMatchObject({
      draft: false,
      number: 'F2026-00007',
      dueDate: '2026-12-29',
      paymentTermsDays: 30,
      latePenaltyRatePercent: 10,
      seller: { name: 'Practice then', logoPath: '/data/logo.png' },
      buyer: { name: 'Client then', siren: '443061841' },
    });
    expect(view.lines[0].details).toEqual(['03/11/2026 09:00–10:30 · Serveur mail HS · 1,50 h']);
    expect(view.lines[1]).not.toHaveProperty('details');
  });

  it('prints no payment: what is paid changes after issue, the document does not', () => {
    const view = toInvoiceView(viewSourceOfDetail(doc()), ctx);
    expect(view).not.toHaveProperty('paidCents');
    expect(view).not.toHaveProperty('balanceCents');
  });

  it('prints the row being issued exactly as the API would read it back', () => {
    const row = {
      ...doc(),
      id: 'i',
      status: 'issued',
      netCents: 10000,
      vatCents: 2000,
      grossCents: 12000,
      byRate: [],
    } as unknown as Invoice;
    const lines = doc()
      .lines.map((l, k) => ({
        ...l,
        invoiceId: 'i',
        position: k,
        quantityHundredths: l.quantity * 100,
        creditedPosition: null,
      }))
      .reverse() as unknown as InvoiceLine[];
    const fromRow = toInvoiceView(viewSourceOfRow(row, lines, null), ctx);
    expect(fromRow).toEqual(toInvoiceView(viewSourceOfDetail(doc({ status: 'issued' })), ctx));
  });

  it('prints a draft with no number, today’s parties and the terms it would get', () => {
    const view = toInvoiceView(
      viewSourceOfDetail(
        doc({
          status: 'draft',
          number: null,
          issueDate: null,
          dueDate: null,
          paymentTermsDays: null,
          seller: null,
          buyer: null,
        }),
      ),
      ctx,
    );
    expect(view).toMatchObject({
      draft: true,
      number: null,
      paymentTermsDays: 45,
      latePenaltyRatePercent: 12,
      seller: { name: 'Practice now' },
      buyer: { name: 'Client now' },
    });
    expect(view).not.toHaveProperty('paidCents');
  });

  it('prints a credit note with the invoice it corrects and no due date or balance', () => {
    const view = toInvoiceView(
      viewSourceOfDetail(
        doc({
          kind: 'credit_note',
          number: 'AV2026-00001',
          status: 'issued',
          creditedInvoice: {
            id: 'x',
            number: 'F2026-00007',
            issueDate: '2026-11-02',
            grossCents: 1,
          },
          notes: 'Erreur de forfait',
        }),
      ),
      ctx,
    );
    expect(view).toMatchObject({
      kind: 'credit_note',
      dueDate: null,
      creditedInvoice: { number: 'F2026-00007', issueDate: '2026-11-02' },
      notes: 'Erreur de forfait',
    });
    expect(view).not.toHaveProperty('balanceCents');
  });
});

describe('pdfFileName', () => {
  it.each([
    [{}, 'F2026-00007.pdf'],
    [{ number: null, status: 'draft' as const }, 'brouillon-2026-10-01-0f8e4c1a.pdf'],
    [{ number: 'F/2026 7' }, 'F_2026_7.pdf'],
  ])('%j → %s', (overrides, expected) => {
    expect(pdfFileName(doc(overrides))).toBe(expected);
  });
});

import { balanceCents as balanceOf } from '../invoicing/math';
import type { InvoiceSummary } from '../invoicing/invoice-detail';
import type { Invoice } from '../invoicing/invoice.entity';
import { toJournalDoc } from './journal-source';

const issued = (over: Partial<Invoice> = {}): Invoice =>
  ({
    id: 'doc-1',
    kind: 'invoice',
    status: 'issued',
    number: 'F2026-00012',
    issueDate: '2026-11-29',
    dueDate: '2026-12-29',
    chainSeq: 12,
    clientId: 'client-1',
    buyer: {
      name: 'Boulangerie Émile',
      siren: '443061841',
      vatNumber: null,
      address: { line1: '1 rue', postalCode: '75001', city: 'Paris', country: 'FR' },
      billingEmail: 'compta@example.fr',
      accountCode: 'BOULANGE3F2A',
    },
    netCents: 60000,
    vatCents: 12000,
    grossCents: 72000,
    byRate: [{ vatRateBp: 2000, netCents: 60000, vatCents: 12000 }],
    vatRegime: 'standard',
    ...over,
  }) as Invoice;

const summary = (over: Partial<InvoiceSummary> = {}): InvoiceSummary =>
  ({ paidCents: 10000, balanceCents: 62000, status: 'partially_paid', ...over }) as InvoiceSummary;

describe('toJournalDoc', () => {
  it('takes the buyer as printed on the document, not the client as named today', () => {
    const doc = toJournalDoc(issued(), summary(), {
      name: 'Boulangerie Émile et Fils',
      accountCode: 'RENAMED0000',
    });
    expect(doc).toMatchObject({
      number: 'F2026-00012',
      chainSeq: 12,
      clientName: 'Boulangerie Émile',
      clientAccountCode: 'BOULANGE3F2A',
      clientSiren: '443061841',
      paidCents: 10000,
      balanceCents: 62000,
      status: 'partially_paid',
      vatByRate: [{ vatRateBp: 2000, netCents: 60000, vatCents: 12000 }],
    });
  });

  it("reads a credit note's balance from its summary (none of its own) and its issue date as due date", () => {
    const note = issued({
      kind: 'credit_note',
      number: 'AV2026-00001',
      dueDate: null,
      netCents: -10000,
      vatCents: -2000,
      grossCents: -12000,
      byRate: [{ vatRateBp: 2000, netCents: -10000, vatCents: -2000 }],
    });
    const doc = toJournalDoc(
      note,
      summary({
        paidCents: 0,
        balanceCents: balanceOf({
          kind: note.kind,
          grossCents: note.grossCents,
          paidCents: 0,
          creditedCents: 0,
        }),
        status: 'issued',
      }),
      { name: '', accountCode: 'X' },
    );
    expect(doc).toMatchObject({ grossCents: -12000, balanceCents: 0, dueDate: '2026-11-29' });
  });

  it('falls back on the client name when the document has no buyer snapshot', () => {
    const today = { name: 'Cabinet Durand', accountCode: 'CABINETD12AB' };
    expect(toJournalDoc(issued({ buyer: null }), summary(), today)).toMatchObject({
      clientName: 'Cabinet Durand',
      clientSiren: null,
      clientAccountCode: 'CABINETD12AB',
    });
  });

  it('takes the client’s code for a document issued before snapshots carried one', () => {
    const { accountCode: _code, ...older } = issued().buyer!;
    const doc = toJournalDoc(issued({ buyer: older }), summary(), {
      name: 'Boulangerie Émile et Fils',
      accountCode: 'BOULANGE3F2A',
    });
    expect(doc).toMatchObject({
      clientName: 'Boulangerie Émile',
      clientAccountCode: 'BOULANGE3F2A',
    });
  });

  it('refuses a draft, which has no number', () => {
    const today = { name: '', accountCode: 'X' };
    expect(() => toJournalDoc(issued({ number: null }), summary(), today)).toThrow('is not issued');
  });
});

import type { InvoiceDetail } from './invoice-detail';
import type { BuyerSnapshot, SellerSnapshot } from './snapshots';
import type { InvoiceView } from './pdf/invoice-view';

/** What a document does not carry itself: a draft has no snapshots or terms yet. */
export interface ViewContext {
  /** The practice and client now, printed on a draft (an issued one prints its snapshots). */
  currentSeller: SellerSnapshot;
  currentBuyer: BuyerSnapshot;
  /** The terms a draft would be issued with. */
  currentPaymentTermsDays: number;
  /** An absolute path, or null: the logo is decoration, not frozen content. */
  logoPath: string | null;
}

/** The renderer's view-model of a stored invoice or credit note. */
export function toInvoiceView(doc: InvoiceDetail, ctx: ViewContext): InvoiceView {
  const draft = doc.status === 'draft';
  const seller = doc.seller ?? ctx.currentSeller;
  const buyer = doc.buyer ?? ctx.currentBuyer;
  return {
    kind: doc.kind,
    draft,
    number: draft ? null : doc.number,
    issueDate: doc.issueDate,
    dueDate: doc.kind === 'invoice' ? doc.dueDate : null,
    periodStart: doc.periodStart,
    periodEnd: doc.periodEnd,
    locale: doc.locale,
    currency: 'EUR',
    seller: {
      name: seller.name,
      legalForm: seller.legalForm,
      siren: seller.siren,
      siret: seller.siret,
      vatNumber: seller.vatNumber,
      address: seller.address,
      email: seller.email,
      phone: seller.phone,
      iban: seller.iban,
      bic: seller.bic,
      logoPath: ctx.logoPath,
    },
    buyer: {
      name: buyer.name,
      siren: buyer.siren,
      vatNumber: buyer.vatNumber,
      address: buyer.address,
    },
    lines: doc.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPriceCents: l.unitPriceCents,
      vatRateBp: l.vatRateBp,
      amountCents: l.amountCents,
      ...(l.details.length > 0 ? { details: l.details } : {}),
    })),
    totals: doc.totals,
    vatRegime: doc.vatRegime,
    latePenaltyRatePercent: seller.latePenaltyRatePercent,
    paymentTermsDays: doc.paymentTermsDays ?? ctx.currentPaymentTermsDays,
    ...(doc.creditedInvoice?.number && doc.creditedInvoice.issueDate
      ? {
          creditedInvoice: {
            number: doc.creditedInvoice.number,
            issueDate: doc.creditedInvoice.issueDate,
          },
        }
      : {}),
    ...(doc.notes ? { notes: doc.notes } : {}),
    ...(doc.kind === 'invoice' && !draft
      ? { paidCents: doc.paidCents, balanceCents: doc.balanceCents }
      : {}),
  };
}

/** "F2026-00001.pdf"; a draft, which has no number, by its period. */
export function pdfFileName(doc: InvoiceDetail): string {
  const name = doc.number ?? `brouillon-${doc.periodStart}-${doc.id.slice(0, 8)}`;
  return `${name.replace(/[^\w.-]/g, '_')}.pdf`;
}

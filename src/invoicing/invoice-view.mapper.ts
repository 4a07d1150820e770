import { lineView, type InvoiceDetail, type InvoiceLineView } from './invoice-detail';
import type { InvoiceLine } from './invoice-line.entity';
import type { Invoice } from './invoice.entity';
import type { BuyerSnapshot, SellerSnapshot } from './snapshots';
import type { InvoiceView } from './pdf/invoice-view';

/** What a document does not carry itself: a draft has no snapshots or terms yet. */
export interface ViewContext {
  /** The practice and client now, printed on a draft (an issued one prints its snapshots). */
  currentSeller: SellerSnapshot;
  currentBuyer: BuyerSnapshot;
  /** The terms a draft would be issued with. */
  currentPaymentTermsDays: number;
  /** An absolute path, or null. Read when the PDF is made: at issue for an issued document. */
  logoPath: string | null;
}

/**
 * The fields of a document the PDF prints. Payments are not among them: what is paid changes
 * after issue, and an issued document never does (the app shows the balance, not the PDF).
 */
export type ViewSource = Pick<
  InvoiceDetail,
  | 'kind'
  | 'number'
  | 'issueDate'
  | 'dueDate'
  | 'periodStart'
  | 'periodEnd'
  | 'locale'
  | 'seller'
  | 'buyer'
  | 'totals'
  | 'vatRegime'
  | 'paymentTermsDays'
  | 'notes'
> & {
  draft: boolean;
  lines: Pick<
    InvoiceLineView,
    | 'description'
    | 'quantity'
    | 'unit'
    | 'unitPriceCents'
    | 'vatRateBp'
    | 'amountCents'
    | 'details'
    | 'supply'
    | 'vatExemption'
  >[];
  creditedInvoice?: { number: string | null; issueDate: string | null };
};

/** The API's document as the renderer's source. */
export function viewSourceOfDetail(doc: InvoiceDetail): ViewSource {
  return { ...doc, draft: doc.status === 'draft' };
}

/** A stored row and its lines (the document being issued, read in its transaction). */
export function viewSourceOfRow(
  doc: Invoice,
  lines: InvoiceLine[],
  credited: Pick<Invoice, 'number' | 'issueDate'> | null,
): ViewSource {
  return {
    ...doc,
    draft: doc.status === 'draft',
    totals: {
      netCents: doc.netCents,
      vatCents: doc.vatCents,
      grossCents: doc.grossCents,
      byRate: doc.byRate,
    },
    lines: [...lines].sort((a, b) => a.position - b.position).map(lineView),
    ...(credited ? { creditedInvoice: credited } : {}),
  };
}

/** The renderer's view-model of a stored invoice or credit note. */
export function toInvoiceView(doc: ViewSource, ctx: ViewContext): InvoiceView {
  const { draft } = doc;
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
      tradeRegistry: seller.tradeRegistry ?? null,
      tradeRegistryCity: seller.tradeRegistryCity ?? null,
      shareCapitalCents: seller.shareCapitalCents ?? null,
      vatOnDebits: seller.vatOnDebits ?? false,
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
      ...(l.supply === 'goods' ? { supply: l.supply } : {}),
      ...(l.vatExemption ? { vatExemption: l.vatExemption } : {}),
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
  };
}

/** "F2026-00001.pdf"; a draft, which has no number, by its period. */
export function pdfFileName(doc: Pick<Invoice, 'number' | 'periodStart' | 'id'>): string {
  const name = doc.number ?? `brouillon-${doc.periodStart}-${doc.id.slice(0, 8)}`;
  return `${name.replace(/[^\w.-]/g, '_')}.pdf`;
}

import { outcome } from '../common/outcome';
import type { InvoiceLine } from './invoice-line.entity';
import type { Invoice } from './invoice.entity';
import {
  balanceCents,
  monthsBefore,
  invoiceStatus,
  vatMention,
  type DocumentKind,
  type InvoiceStatus,
  type InvoiceTotals,
  type InvoiceVatRegime,
  type LineKind,
  type LineUnit,
  type Supply,
  type VatExemption,
} from './math';
import type { BuyerSnapshot, SellerSnapshot } from './snapshots';

/** Money received and credited against a document, summed in SQL. */
export interface DocumentFigures {
  paidCents: number;
  /** Gross of the issued credit notes of an invoice (negative, as they are stored). */
  creditedCents: number;
}

export interface InvoiceLineView {
  position: number;
  kind: LineKind;
  description: string;
  quantity: number;
  unit: LineUnit;
  unitPriceCents: number;
  vatRateBp: number;
  amountCents: number;
  interventionIds: string[];
  details: string[];
  /** services or goods */
  supply: Supply;
  /** Why a 0 % line of an invoice with VAT bears none; null otherwise. */
  vatExemption: VatExemption | null;
}

export interface DocumentReference {
  id: string;
  number: string | null;
  issueDate: string | null;
  grossCents: number;
}

/** An invoice or credit note as the API answers it (API.md, plus a few useful extras). */
export interface InvoiceSummary {
  id: string;
  number: string | null;
  kind: DocumentKind;
  status: InvoiceStatus;
  clientId: string;
  contractId: string | null;
  issueDate: string | null;
  dueDate: string | null;
  paymentTermsDays: number | null;
  periodStart: string;
  periodEnd: string;
  locale: 'fr' | 'en';
  vatRegime: InvoiceVatRegime;
  vatMention: string | null;
  totals: InvoiceTotals;
  paidCents: number;
  creditedCents: number;
  balanceCents: number;
  hash: string | null;
  previousHash: string | null;
  notes: string | null;
  createdAt: Date;
  issuedAt: Date | null;
}

/** Something the consultant should know about a draft before issuing it (words: `warning.<code>`). */
export interface DraftWarning {
  /**
   * `period_open`: the period ends today or later, so work still to come is not on it;
   * `work_open`: the same of the months before the period, whose work a draft billing its fee
   * in advance bills.
   */
  code: 'period_open' | 'work_open';
  /** The last day of the period, or of the months whose work it bills. */
  date: string;
}

/**
 * A draft whose work may still grow says so: the last day of the work it bills is today or
 * later. That is its period's, or, for a fee billed in advance, the months before it: its own
 * months run ahead by design, their work goes on the next draft.
 */
export function draftWarnings(doc: Invoice, today: string, feeInAdvance = false): DraftWarning[] {
  if (doc.status !== 'draft' || doc.kind !== 'invoice') return [];
  const period = { start: doc.periodStart, end: doc.periodEnd };
  const date = feeInAdvance ? monthsBefore(period).end : period.end;
  if (date < today) return [];
  return [outcome('warning', feeInAdvance ? 'work_open' : 'period_open', { date })];
}

export interface InvoiceDetail extends InvoiceSummary {
  seller: SellerSnapshot | null;
  buyer: BuyerSnapshot | null;
  lines: InvoiceLineView[];
  /** On a credit note: the invoice it corrects. */
  creditedInvoice?: DocumentReference;
  /** On an invoice: its issued credit notes. */
  creditNotes: DocumentReference[];
  /** On a draft: what to check before issuing it. */
  warnings: DraftWarning[];
  /** The last time the document was sent by mail, and to whom (null: never sent). */
  sentAt: Date | null;
  sentTo: string | null;
  /** Every send, oldest first. */
  sends: DocumentSend[];
  /** When its payment reminders were stopped by hand (null: they go on while it is owed). */
  remindersStoppedAt: Date | null;
}

/** A send of an issued document by mail. */
export interface DocumentSend {
  sentAt: Date;
  sentTo: string;
}

/** Status and balance, derived from the stored facts and the practice's today. */
export function summarize(doc: Invoice, figures: DocumentFigures, today: string): InvoiceSummary {
  const facts = {
    kind: doc.kind,
    grossCents: doc.grossCents,
    paidCents: figures.paidCents,
    creditedCents: doc.kind === 'invoice' ? figures.creditedCents : 0,
  };
  return {
    id: doc.id,
    number: doc.number,
    kind: doc.kind,
    status: invoiceStatus({
      ...facts,
      issued: doc.status === 'issued',
      dueDate: doc.dueDate,
      today,
    }),
    clientId: doc.clientId,
    contractId: doc.contractId,
    issueDate: doc.issueDate,
    dueDate: doc.dueDate,
    paymentTermsDays: doc.paymentTermsDays,
    periodStart: doc.periodStart,
    periodEnd: doc.periodEnd,
    locale: doc.locale,
    vatRegime: doc.vatRegime,
    vatMention: vatMention(doc.vatRegime),
    totals: {
      netCents: doc.netCents,
      vatCents: doc.vatCents,
      grossCents: doc.grossCents,
      byRate: doc.byRate,
    },
    paidCents: facts.paidCents,
    creditedCents: facts.creditedCents,
    // A draft is owed by nobody until it is issued.
    balanceCents: doc.status === 'issued' ? balanceCents(facts) : 0,
    hash: doc.hash,
    previousHash: doc.previousHash,
    notes: doc.notes,
    createdAt: doc.createdAt,
    issuedAt: doc.issuedAt,
  };
}

export function lineView(row: InvoiceLine): InvoiceLineView {
  return {
    position: row.position,
    kind: row.kind,
    description: row.description,
    quantity: row.quantityHundredths / 100,
    unit: row.unit,
    unitPriceCents: row.unitPriceCents,
    vatRateBp: row.vatRateBp,
    amountCents: row.amountCents,
    interventionIds: row.interventionIds,
    details: row.details,
    supply: row.supply ?? 'services',
    vatExemption: row.vatExemption ?? null,
  };
}

export function reference(doc: Invoice): DocumentReference {
  return { id: doc.id, number: doc.number, issueDate: doc.issueDate, grossCents: doc.grossCents };
}

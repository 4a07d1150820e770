/**
 * The sales journal for the accountant: one row per issued invoice and credit note, with the
 * VAT of each rate in its own column. Plain view-models in, CSV rows out (see toCsv).
 */
import { catalogue, type Translate } from '../i18n';
import type { DocumentKind, InvoiceStatus, InvoiceVatRegime } from '../invoicing/invoice-math';
import { centsToDecimal, type CsvCell, type CsvLocale } from './csv';
import type { Lettering } from './lettering';

/** One issued document as the exports read it. Credit notes carry negative amounts. */
export interface JournalDoc {
  number: string;
  kind: DocumentKind;
  /** Local days 'YYYY-MM-DD'. */
  issueDate: string;
  dueDate: string;
  /** Position in the chain of issued documents: the order they were issued in. */
  chainSeq: number;
  clientId: string;
  clientName: string;
  /** The client's sub-account code, as frozen on the document (see clients/account-code.ts). */
  clientAccountCode: string;
  clientSiren: string | null;
  netCents: number;
  /** One entry per VAT rate of the document. */
  vatByRate: { vatRateBp: number; vatCents: number; netCents: number }[];
  grossCents: number;
  paidCents: number;
  balanceCents: number;
  status: InvoiceStatus;
  vatRegime: InvoiceVatRegime;
  /** The document's id, and a credit note's invoice: what lettering joins them by. */
  id?: string;
  creditedInvoiceId?: string | null;
  /** The net of its lines of goods (the rest is services); 0 when absent. */
  goodsNetCents?: number;
  /** On the client line once the invoice is settled (see lettering.ts). */
  lettering?: Lettering | null;
}

/** A payment received against an issued invoice, as the bank journal reads it. */
export interface JournalPayment {
  invoiceId: string;
  invoiceNumber: string;
  /** 'YYYY-MM-DD' */
  paidOn: string;
  amountCents: number;
  /** The client as printed on the invoice, with its sub-account. */
  clientName: string;
  clientAccountCode: string;
  /** The invoice's lettering once this payment and the others settle it. */
  lettering?: Lettering | null;
}

/**
 * Header plus one row per document, in the words of the catalogue (the journal's headers and
 * regimes, the documents' kinds and statuses), by issue date then issue order (a credit note after the
 * invoice it corrects, whatever their numbers). A VAT column per non-zero rate found, highest
 * rate first ("TVA 20 %", "TVA 5,5 %"); a rate of 0 % (franchise, reverse charge, export) has
 * no VAT to show, the regime column says why.
 */
export function invoiceJournalRows(docs: readonly JournalDoc[], locale: CsvLocale): CsvCell[][] {
  const t = catalogue().translator(locale);
  const rates = [...new Set(docs.flatMap((doc) => doc.vatByRate.map((r) => r.vatRateBp)))]
    .filter((rate) => rate !== 0)
    .sort((a, b) => b - a);
  const header = [
    t('export.journal.header.number'),
    t('export.journal.header.kind'),
    t('export.journal.header.issueDate'),
    t('export.journal.header.dueDate'),
    t('export.journal.header.client'),
    t('export.journal.header.clientSiren'),
    t('export.journal.header.net'),
    ...rates.map((rate) =>
      t('export.journal.header.vatAtRate', { rate: formatRate(rate, locale) }),
    ),
    t('export.journal.header.gross'),
    t('export.journal.header.paid'),
    t('export.journal.header.balance'),
    t('export.journal.header.status'),
    t('export.journal.header.vatRegime'),
  ];
  return [header, ...inIssueOrder(docs).map((doc) => journalRow(doc, rates, t, locale))];
}

function journalRow(
  doc: JournalDoc,
  rates: readonly number[],
  t: Translate,
  locale: CsvLocale,
): CsvCell[] {
  const money = (cents: number) => centsToDecimal(cents, locale);
  const vatOf = (rate: number) =>
    doc.vatByRate.filter((r) => r.vatRateBp === rate).reduce((sum, r) => sum + r.vatCents, 0);
  return [
    doc.number,
    t('invoice.kind', { kind: doc.kind }),
    formatDate(doc.issueDate, locale),
    formatDate(doc.dueDate, locale),
    doc.clientName,
    doc.clientSiren,
    money(doc.netCents),
    ...rates.map((rate) => money(vatOf(rate))),
    money(doc.grossCents),
    money(doc.paidCents),
    money(doc.balanceCents),
    t('invoice.status', { status: doc.status }),
    t('export.journal.regime', { regime: doc.vatRegime }),
  ];
}

/** By issue date, then by position in the chain: the order the documents were issued in. */
export function inIssueOrder(docs: readonly JournalDoc[]): JournalDoc[] {
  return [...docs].sort(
    (a, b) => a.issueDate.localeCompare(b.issueDate) || a.chainSeq - b.chainSeq,
  );
}

/** Basis points as a percentage: 2000 → "20 %", 550 → "5,5 %" (fr) / "5.5 %" (en). */
export function formatRate(vatRateBp: number, locale: CsvLocale): string {
  const percent = String(vatRateBp / 100);
  return `${locale === 'fr' ? percent.replace('.', ',') : percent} %`;
}

/** French spreadsheets read 29/11/2026 as a date; elsewhere ISO is unambiguous. */
function formatDate(date: string, locale: CsvLocale): string {
  if (locale === 'en') return date;
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

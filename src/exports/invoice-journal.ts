/**
 * The sales journal for the accountant: one row per issued invoice and credit note, with the
 * VAT of each rate in its own column. Plain view-models in, CSV rows out (see toCsv).
 */
import type { DocumentKind, InvoiceStatus, InvoiceVatRegime } from '../invoicing/invoice-math';
import { centsToDecimal, type CsvCell, type CsvLocale } from './csv';

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
}

interface JournalTexts {
  headers: {
    number: string;
    kind: string;
    issueDate: string;
    dueDate: string;
    client: string;
    clientSiren: string;
    net: string;
    vat: string;
    gross: string;
    paid: string;
    balance: string;
    status: string;
    vatRegime: string;
  };
  kinds: Record<DocumentKind, string>;
  statuses: Record<InvoiceStatus, string>;
  regimes: Record<InvoiceVatRegime, string>;
}

const TEXTS: Record<CsvLocale, JournalTexts> = {
  fr: {
    headers: {
      number: 'Numéro',
      kind: 'Type',
      issueDate: "Date d'émission",
      dueDate: 'Échéance',
      client: 'Client',
      clientSiren: 'SIREN client',
      net: 'Total HT',
      vat: 'TVA',
      gross: 'Total TTC',
      paid: 'Payé',
      balance: 'Solde',
      status: 'Statut',
      vatRegime: 'Régime de TVA',
    },
    kinds: { invoice: 'Facture', credit_note: 'Avoir' },
    statuses: {
      draft: 'Brouillon',
      issued: 'Émise',
      partially_paid: 'Partiellement payée',
      paid: 'Payée',
      overdue: 'En retard',
      cancelled: 'Annulée',
    },
    regimes: {
      standard: 'Normal',
      franchise: 'Franchise en base',
      reverse_charge: 'Autoliquidation',
      export: 'Hors UE, art. 259-1 du CGI',
    },
  },
  en: {
    headers: {
      number: 'Number',
      kind: 'Kind',
      issueDate: 'Issue date',
      dueDate: 'Due date',
      client: 'Client',
      clientSiren: 'Client SIREN',
      net: 'Net',
      vat: 'VAT',
      gross: 'Gross',
      paid: 'Paid',
      balance: 'Balance',
      status: 'Status',
      vatRegime: 'VAT regime',
    },
    kinds: { invoice: 'Invoice', credit_note: 'Credit note' },
    statuses: {
      draft: 'Draft',
      issued: 'Issued',
      partially_paid: 'Partially paid',
      paid: 'Paid',
      overdue: 'Overdue',
      cancelled: 'Cancelled',
    },
    regimes: {
      standard: 'Standard',
      franchise: 'Franchise',
      reverse_charge: 'Reverse charge',
      export: 'Outside the EU, art. 259-1 CGI',
    },
  },
};

/**
 * Header plus one row per document, by issue date then issue order (a credit note after the
 * invoice it corrects, whatever their numbers). A VAT column per non-zero rate found, highest
 * rate first ("TVA 20 %", "TVA 5,5 %"); a rate of 0 % (franchise, reverse charge, export) has
 * no VAT to show, the regime column says why.
 */
export function invoiceJournalRows(docs: readonly JournalDoc[], locale: CsvLocale): CsvCell[][] {
  const texts = TEXTS[locale];
  const rates = [...new Set(docs.flatMap((doc) => doc.vatByRate.map((r) => r.vatRateBp)))]
    .filter((rate) => rate !== 0)
    .sort((a, b) => b - a);
  const h = texts.headers;
  const header = [
    ...[h.number, h.kind, h.issueDate, h.dueDate, h.client, h.clientSiren, h.net],
    ...rates.map((rate) => `${h.vat} ${formatRate(rate, locale)}`),
    ...[h.gross, h.paid, h.balance, h.status, h.vatRegime],
  ];
  return [header, ...inIssueOrder(docs).map((doc) => journalRow(doc, rates, texts, locale))];
}

function journalRow(
  doc: JournalDoc,
  rates: readonly number[],
  texts: JournalTexts,
  locale: CsvLocale,
): CsvCell[] {
  const money = (cents: number) => centsToDecimal(cents, locale);
  const vatOf = (rate: number) =>
    doc.vatByRate.filter((r) => r.vatRateBp === rate).reduce((sum, r) => sum + r.vatCents, 0);
  return [
    doc.number,
    texts.kinds[doc.kind],
    formatDate(doc.issueDate, locale),
    formatDate(doc.dueDate, locale),
    doc.clientName,
    doc.clientSiren,
    money(doc.netCents),
    ...rates.map((rate) => money(vatOf(rate))),
    money(doc.grossCents),
    money(doc.paidCents),
    money(doc.balanceCents),
    texts.statuses[doc.status],
    texts.regimes[doc.vatRegime],
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

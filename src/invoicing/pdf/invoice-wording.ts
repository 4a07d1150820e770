import {
  formatDate,
  formatDecimal,
  formatMoney,
  formatPercent,
  formatQuantity,
  formatRate,
} from '../../common/format';
import { formatIban } from '../../common/identifiers';
import { vatArea, vatMention, type InvoiceVatRegime } from '../math';
import type { InvoiceAddress, InvoiceView, InvoiceViewLine } from './invoice-view';
import { fillText, type InvoiceTexts, type TableColumn } from './invoice-template';

/**
 * Every string an invoice prints, decided from the view and the template texts before anything
 * is drawn, so the wording (and its legal mentions) can be read and tested without a PDF.
 */
export interface InvoiceWording {
  title: string;
  /** "N° F2026-00012", or the draft mark on a draft (which has no number yet). */
  numberLine: string;
  metaLines: string[];
  /** On a credit note, the invoice it corrects. */
  reference: string | null;
  sellerName: string;
  sellerLines: string[];
  buyerHeading: string;
  buyerName: string;
  buyerLines: string[];
  columns: Record<TableColumn, string>;
  rows: { cells: Record<TableColumn, string>; details: string[] }[];
  totals: { label: string; amount: string; grand: boolean }[];
  vatMentions: string[];
  paymentHeading: string | null;
  paymentLines: string[];
  notes: { heading: string; text: string } | null;
  /** Repeated at the bottom of every page, beside "Page n/N". */
  footer: string;
  watermark: string | null;
  /** The PDF's title in its properties. */
  documentTitle: string;
}

export function invoiceWording(view: InvoiceView, texts: InvoiceTexts): InvoiceWording {
  const documentTitle = `${texts.documentName[view.kind]} ${view.number ?? texts.draft}`;
  const sellerName = sellerDisplayName(view, texts);
  return {
    title: texts.title[view.kind],
    numberLine:
      view.draft || !view.number ? texts.draft : fillText(texts.number, { number: view.number }),
    metaLines: metaLines(view, texts),
    reference: view.creditedInvoice
      ? fillText(texts.creditedInvoice, {
          number: view.creditedInvoice.number,
          date: formatDate(view.creditedInvoice.issueDate, view.locale),
        })
      : null,
    sellerName,
    sellerLines: sellerLines(view, texts),
    buyerHeading: texts.buyerHeading,
    buyerName: view.buyer.name,
    buyerLines: buyerLines(view, texts),
    columns: texts.columns,
    rows: view.lines.map((line) => ({
      cells: lineCells(line, view, texts),
      details: line.details ?? [],
    })),
    totals: totalRows(view, texts),
    vatMentions: vatMentions(view, texts),
    paymentHeading: view.kind === 'invoice' ? texts.payment.heading : null,
    paymentLines: view.kind === 'invoice' ? paymentLines(view, texts) : [],
    notes: view.notes?.trim() ? { heading: texts.notesHeading, text: view.notes.trim() } : null,
    footer: fillText(texts.footer, {
      seller: sellerName,
      siren: view.seller.siren,
      document: documentTitle,
    }),
    watermark: view.draft ? texts.watermark : null,
    documentTitle,
  };
}

/** The page counter, "Page 2/5". */
export function pageLabel(texts: InvoiceTexts, page: number, pages: number): string {
  return fillText(texts.page, { page: String(page), pages: String(pages) });
}

function isEntrepreneurIndividuel(legalForm: string): boolean {
  return legalForm.trim().toUpperCase() === 'EI';
}

/** The law wants "EI" or "entrepreneur individuel" right beside an EI's name, not just nearby. */
function sellerDisplayName(view: InvoiceView, texts: InvoiceTexts): string {
  const { name, legalForm } = view.seller;
  if (!isEntrepreneurIndividuel(legalForm) || /\bEI\b/.test(name)) return name;
  return fillText(texts.sellerNameEI, { name });
}

function metaLines(view: InvoiceView, texts: InvoiceTexts): string[] {
  const date = (day: string) => formatDate(day, view.locale);
  const lines: string[] = [];
  if (view.issueDate) lines.push(fillText(texts.issueDate, { date: date(view.issueDate) }));
  if (view.dueDate && view.kind === 'invoice') {
    lines.push(fillText(texts.dueDate, { date: date(view.dueDate) }));
  }
  lines.push(
    fillText(texts.servicePeriod, { start: date(view.periodStart), end: date(view.periodEnd) }),
  );
  return lines;
}

function addressLines(address: InvoiceAddress, locale: InvoiceView['locale']): string[] {
  const country = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  return [
    address.line1,
    ...(address.line2 ? [address.line2] : []),
    `${address.postalCode} ${address.city}`,
    country.of(address.country.toUpperCase()) ?? address.country,
  ];
}

function sellerLines(view: InvoiceView, texts: InvoiceTexts): string[] {
  const s = view.seller;
  const legalForm = isEntrepreneurIndividuel(s.legalForm) ? texts.legalFormEI : s.legalForm.trim();
  return [
    ...(legalForm ? [legalForm] : []),
    ...addressLines(s.address, view.locale),
    fillText(texts.siren, { siren: s.siren }),
    ...(s.siret ? [fillText(texts.siret, { siret: s.siret })] : []),
    ...(s.vatNumber ? [fillText(texts.vatNumber, { vatNumber: s.vatNumber })] : []),
    fillText(texts.email, { email: s.email }),
    ...(s.phone ? [fillText(texts.phone, { phone: s.phone })] : []),
  ];
}

function buyerLines(view: InvoiceView, texts: InvoiceTexts): string[] {
  const b = view.buyer;
  // A company outside the EU has a tax identifier, not an intra-community VAT number.
  const vatLabel = vatArea(b.address.country) === 'outside_eu' ? texts.taxId : texts.vatNumber;
  return [
    ...addressLines(b.address, view.locale),
    ...(b.siren ? [fillText(texts.siren, { siren: b.siren })] : []),
    ...(b.vatNumber ? [fillText(vatLabel, { vatNumber: b.vatNumber })] : []),
  ];
}

function lineCells(
  line: InvoiceViewLine,
  view: InvoiceView,
  texts: InvoiceTexts,
): Record<TableColumn, string> {
  const { locale } = view;
  // Hours always show two decimals; months, units and flat fees show whole counts bare.
  const quantity =
    line.unit !== 'hour' && Number.isInteger(line.quantity)
      ? formatDecimal(line.quantity, locale, 0)
      : formatQuantity(line.quantity, locale);
  return {
    description: line.description,
    quantity,
    unit: texts.units[line.unit],
    unitPrice: formatMoney(line.unitPriceCents, locale),
    vatRate: lineVatRate(line, view, texts),
    amount: formatMoney(line.amountCents, locale),
  };
}

/** The rate that applies: none under franchise or outside the scope, 0 % under reverse charge. */
function lineVatRate(line: InvoiceViewLine, view: InvoiceView, texts: InvoiceTexts): string {
  switch (view.vatRegime) {
    case 'franchise':
    case 'export':
      return texts.noVatRate;
    case 'reverse_charge':
      return formatRate(0, view.locale);
    case 'standard':
      return formatRate(line.vatRateBp, view.locale);
  }
}

function totalRows(view: InvoiceView, texts: InvoiceTexts): InvoiceWording['totals'] {
  const money = (cents: number) => formatMoney(cents, view.locale);
  const row = (label: string, cents: number, grand = false) => ({
    label,
    amount: money(cents),
    grand,
  });
  const t = view.totals;
  const perRate = view.vatRegime === 'standard' ? vatPerRate(view, texts) : [];
  return [
    row(texts.totals.net, t.netCents),
    ...perRate,
    row(texts.totals.vat, t.vatCents),
    row(texts.totals.gross, t.grossCents, true),
  ];
}

/** "TVA 20 % sur 3 003,70 €" and the VAT at that rate, one row per rate. */
function vatPerRate(view: InvoiceView, texts: InvoiceTexts): InvoiceWording['totals'] {
  const money = (cents: number) => formatMoney(cents, view.locale);
  return view.totals.byRate.map((r) => ({
    label: fillText(texts.totals.vatAtRate, {
      rate: formatRate(r.vatRateBp, view.locale),
      base: money(r.netCents),
    }),
    amount: money(r.vatCents),
    grand: false,
  }));
}

const MENTION_TEXT: Record<InvoiceVatRegime, 'franchise' | 'reverseCharge' | 'export' | null> = {
  standard: null,
  franchise: 'franchise',
  reverse_charge: 'reverseCharge',
  export: 'export',
};

/**
 * The regime's mention in the law's French words, whatever the language: the template's text
 * when it contains them (the French one), else the words followed by the text, its translation.
 */
function regimeMention(view: InvoiceView, texts: InvoiceTexts): string | null {
  const legal = vatMention(view.vatRegime);
  const key = MENTION_TEXT[view.vatRegime];
  if (!legal || !key) return null;
  const text = texts.mentions[key].trim();
  if (text.includes(legal)) return text;
  return text ? `${legal} (${text})` : legal;
}

function vatMentions(view: InvoiceView, texts: InvoiceTexts): string[] {
  const m = texts.mentions;
  const mention = regimeMention(view, texts);
  const regime = mention ? [mention] : [];
  if (view.vatRegime === 'reverse_charge') {
    const vatNumbers = { seller: view.seller.vatNumber ?? '—', buyer: view.buyer.vatNumber ?? '—' };
    regime.push(fillText(m.reverseChargeVatNumbers, vatNumbers));
  }
  return [...regime, m.operationCategory];
}

function paymentLines(view: InvoiceView, texts: InvoiceTexts): string[] {
  const p = texts.payment;
  const { iban, bic } = view.seller;
  return [
    view.paymentTermsDays > 0
      ? fillText(p.terms, { days: String(view.paymentTermsDays) })
      : p.onReceipt,
    fillText(p.latePenalty, { rate: formatPercent(view.latePenaltyRatePercent, view.locale) }),
    p.recoveryIndemnity,
    p.noEarlyPaymentDiscount,
    ...(iban ? [fillText(p.iban, { iban: formatIban(iban) })] : []),
    ...(bic ? [fillText(p.bic, { bic })] : []),
  ];
}

import {
  formatDate,
  formatDecimal,
  formatMoney,
  formatPercent,
  formatQuantity,
  formatRate,
} from '../../common/format';
import { formatIban } from '../../common/identifiers';
import {
  exemptionsOf,
  isEntrepreneurIndividuel,
  operationCategory,
  sellerMentions,
  vatArea,
  vatExemption,
  vatMention,
  type InvoiceVatRegime,
} from '../math';
import type { InvoiceAddress, InvoiceView, InvoiceViewLine } from './invoice-view';
import { TABLE_COLUMNS, type InvoiceTexts, type TableColumn } from './invoice-template';

/**
 * Every string an invoice prints, decided from the view and the catalogue's `invoice.` messages
 * before anything is drawn, so the wording (and its legal mentions) can be read and tested
 * without a PDF. Amounts, rates and dates are written by common/format and handed to the
 * messages as text, so the PDF prints them as it always has.
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

export function invoiceWording(view: InvoiceView, t: InvoiceTexts): InvoiceWording {
  const { kind } = view;
  const documentTitle = t('invoice.documentTitle', {
    kind: t('invoice.kind', { kind }),
    number: view.number ?? t('invoice.draft'),
  });
  const sellerName = sellerDisplayName(view, t);
  return {
    title: t('invoice.title', { kind }),
    numberLine:
      view.draft || !view.number
        ? t('invoice.draft')
        : t('invoice.number', { number: view.number }),
    metaLines: metaLines(view, t),
    reference: view.creditedInvoice
      ? t('invoice.creditedInvoice', {
          number: view.creditedInvoice.number,
          date: formatDate(view.creditedInvoice.issueDate, view.locale),
        })
      : null,
    sellerName,
    sellerLines: sellerLines(view, t),
    buyerHeading: t('invoice.buyerHeading'),
    buyerName: view.buyer.name,
    buyerLines: buyerLines(view, t),
    columns: columnHeads(t),
    rows: view.lines.map((line) => ({
      cells: lineCells(line, view, t),
      details: line.details ?? [],
    })),
    totals: totalRows(view, t),
    vatMentions: vatMentions(view, t),
    paymentHeading: kind === 'invoice' ? t('invoice.payment.heading') : null,
    paymentLines: kind === 'invoice' ? paymentLines(view, t) : [],
    notes: view.notes?.trim()
      ? { heading: t('invoice.notesHeading'), text: view.notes.trim() }
      : null,
    footer: footer(view, t, sellerName, documentTitle),
    watermark: view.draft ? t('invoice.watermark') : null,
    documentTitle,
  };
}

/** The page counter, "Page 2/5". */
export function pageLabel(t: InvoiceTexts, page: number, pages: number): string {
  return t('invoice.page', { page, pages });
}

const COLUMN_KEYS: Record<TableColumn, string> = {
  description: 'invoice.column.description',
  quantity: 'invoice.column.quantity',
  unit: 'invoice.column.unit',
  unitPrice: 'invoice.column.unitPrice',
  vatRate: 'invoice.column.vatRate',
  amount: 'invoice.column.amount',
};

function columnHeads(t: InvoiceTexts): Record<TableColumn, string> {
  const heads = TABLE_COLUMNS.map((column) => [column, t(COLUMN_KEYS[column])]);
  return Object.fromEntries(heads) as Record<TableColumn, string>;
}

/** The law wants "EI" or "entrepreneur individuel" right beside an EI's name, not just nearby. */
function sellerDisplayName(view: InvoiceView, t: InvoiceTexts): string {
  const { name, legalForm } = view.seller;
  if (!isEntrepreneurIndividuel(legalForm) || /\bEI\b/.test(name)) return name;
  return t('invoice.sellerNameEI', { name });
}

function metaLines(view: InvoiceView, t: InvoiceTexts): string[] {
  const date = (day: string) => formatDate(day, view.locale);
  const lines: string[] = [];
  if (view.issueDate) lines.push(t('invoice.issueDate', { date: date(view.issueDate) }));
  if (view.dueDate && view.kind === 'invoice') {
    lines.push(t('invoice.dueDate', { date: date(view.dueDate) }));
  }
  lines.push(
    t('invoice.servicePeriod', { start: date(view.periodStart), end: date(view.periodEnd) }),
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

/**
 * At the foot of every page: the seller and, for a registered one, its form, capital and
 * registration ("SASU au capital de 1 000 €, RCS Lyon 912 345 678"); else its SIREN.
 */
function footer(view: InvoiceView, t: InvoiceTexts, seller: string, document: string): string {
  const { registration, line } = sellerMentions(view.seller, view.locale, t);
  if (!registration) return t('invoice.footer', { seller, siren: view.seller.siren, document });
  return t('legal.footer', { seller, identity: line, document });
}

function sellerLines(view: InvoiceView, t: InvoiceTexts): string[] {
  const s = view.seller;
  const { legalForm, registration } = sellerMentions(s, view.locale, t);
  return [
    ...(legalForm ? [legalForm] : []),
    ...addressLines(s.address, view.locale),
    t('invoice.siren', { siren: s.siren }),
    ...(registration ? [registration] : []),
    ...(s.siret ? [t('invoice.siret', { siret: s.siret })] : []),
    ...(s.vatNumber ? [t('invoice.vatNumber', { vatNumber: s.vatNumber })] : []),
    t('invoice.email', { email: s.email }),
    ...(s.phone ? [t('invoice.phone', { phone: s.phone })] : []),
  ];
}

function buyerLines(view: InvoiceView, t: InvoiceTexts): string[] {
  const b = view.buyer;
  // A company outside the EU has a tax identifier, not an intra-community VAT number.
  const vatLabel =
    vatArea(b.address.country) === 'outside_eu' ? 'invoice.taxId' : 'invoice.vatNumber';
  return [
    ...addressLines(b.address, view.locale),
    ...(b.siren ? [t('invoice.siren', { siren: b.siren })] : []),
    ...(b.vatNumber ? [t(vatLabel, { vatNumber: b.vatNumber })] : []),
  ];
}

function lineCells(
  line: InvoiceViewLine,
  view: InvoiceView,
  t: InvoiceTexts,
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
    unit: t('invoice.unit', { unit: line.unit }),
    unitPrice: formatMoney(line.unitPriceCents, locale),
    vatRate: lineVatRate(line, view, t),
    amount: formatMoney(line.amountCents, locale),
  };
}

/** The rate that applies: none under franchise or outside the scope, 0 % under reverse charge. */
function lineVatRate(line: InvoiceViewLine, view: InvoiceView, t: InvoiceTexts): string {
  switch (view.vatRegime) {
    case 'franchise':
    case 'export':
      return t('invoice.noVatRate');
    case 'reverse_charge':
      return formatRate(0, view.locale);
    case 'standard':
      return formatRate(line.vatRateBp, view.locale);
  }
}

function totalRows(view: InvoiceView, t: InvoiceTexts): InvoiceWording['totals'] {
  const money = (cents: number) => formatMoney(cents, view.locale);
  const row = (label: string, cents: number, grand = false) => ({
    label,
    amount: money(cents),
    grand,
  });
  const { totals } = view;
  const perRate = view.vatRegime === 'standard' ? vatPerRate(view, t) : [];
  return [
    row(t('invoice.total.net'), totals.netCents),
    ...perRate,
    row(t('invoice.total.vat'), totals.vatCents),
    row(t('invoice.total.gross'), totals.grossCents, true),
  ];
}

/** "TVA 20 % sur 3 003,70 €" and the VAT at that rate, one row per rate. */
function vatPerRate(view: InvoiceView, t: InvoiceTexts): InvoiceWording['totals'] {
  const money = (cents: number) => formatMoney(cents, view.locale);
  return view.totals.byRate.map((r) => ({
    label: t('invoice.total.vatAtRate', {
      rate: formatRate(r.vatRateBp, view.locale),
      base: money(r.netCents),
    }),
    amount: money(r.vatCents),
    grand: false,
  }));
}

const MENTION_KEY: Record<InvoiceVatRegime, string | null> = {
  standard: null,
  franchise: 'invoice.mention.franchise',
  reverse_charge: 'invoice.mention.reverseCharge',
  export: 'invoice.mention.export',
};

/**
 * The regime's mention in the law's French words, whatever the language: the message when it
 * contains them (the French one), else the words followed by the message, its translation.
 */
function regimeMention(view: InvoiceView, t: InvoiceTexts): string | null {
  const legal = vatMention(view.vatRegime);
  const key = MENTION_KEY[view.vatRegime];
  if (!legal || !key) return null;
  const text = t(key).trim();
  if (text.includes(legal)) return text;
  return text ? `${legal} (${text})` : legal;
}

/**
 * The regime's mention; on an invoice with VAT, the reason of each exempt line (in the law's
 * French words) and the option for VAT on debits; then the category of the operation.
 */
function vatMentions(view: InvoiceView, t: InvoiceTexts): string[] {
  const mention = regimeMention(view, t);
  const regime = mention ? [mention] : [];
  if (view.vatRegime === 'reverse_charge') {
    const vatNumbers = { seller: view.seller.vatNumber ?? '—', buyer: view.buyer.vatNumber ?? '—' };
    regime.push(t('invoice.mention.reverseChargeVatNumbers', vatNumbers));
  }
  if (view.vatRegime === 'standard') {
    for (const code of exemptionsOf(view.lines)) {
      regime.push(t('legal.exemption', { reason: vatExemption(code).reason }));
    }
    if (view.seller.vatOnDebits) regime.push(t('legal.vatOnDebits'));
  }
  const category = operationCategory(view.lines);
  return [...regime, t('invoice.mention.operationCategory', { category })];
}

/** Terms in days ("à 30 jours", "à réception" for none), penalties, indemnity, bank details. */
function paymentLines(view: InvoiceView, t: InvoiceTexts): string[] {
  const { iban, bic } = view.seller;
  const rate = formatPercent(view.latePenaltyRatePercent, view.locale);
  return [
    t('invoice.payment.terms', { days: Math.max(0, view.paymentTermsDays) }),
    t('invoice.payment.latePenalty', { rate }),
    t('invoice.payment.recoveryIndemnity'),
    t('invoice.payment.noEarlyPaymentDiscount'),
    ...(iban ? [t('invoice.payment.iban', { iban: formatIban(iban) })] : []),
    ...(bic ? [t('invoice.payment.bic', { bic })] : []),
  ];
}

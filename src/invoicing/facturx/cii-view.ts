import { formatPercent } from '../../common/format';
import type { Translate } from '../../i18n/catalogue';
import {
  isEntrepreneurIndividuel,
  sellerMentions,
  VAT_EXEMPTIONS,
  vatArea,
  vatExemption,
  vatMention,
  type InvoiceTotals,
  type InvoiceVatRegime,
  type LineUnit,
  type VatExemption,
} from '../math';
import type { BuyerSnapshot, SellerSnapshot } from '../snapshots';

/**
 * What an issued invoice or credit note says in its Factur-X XML (UN/CEFACT CII, EN 16931
 * profile), decided before any XML is written: codes chosen, signs set, words worded. Money in
 * integer cents, quantities in hundredths, VAT rates in basis points, days as "YYYY-MM-DD".
 */
export interface CiiView {
  number: string;
  /** 380 commercial invoice, 381 credit note. */
  typeCode: '380' | '381';
  issueDate: string;
  notes: CiiNote[];
  lines: CiiLine[];
  seller: CiiSeller;
  buyer: CiiParty;
  period: { start: string; end: string };
  /** Credit transfer (code 30) to the seller's account; none on a credit note or without IBAN. */
  payment: { iban: string; bic: string | null } | null;
  terms: { description: string; dueDate: string | null };
  vat: CiiVatBreakdown[];
  totals: CiiTotals;
  /** A credit note's invoice. */
  precedingInvoice: { number: string; issueDate: string } | null;
}

/** A note of the document; `subjectCode` from UNTDID 4451 (PMT, PMD, AAB, BAR…). */
export interface CiiNote {
  subjectCode: string | null;
  content: string;
}

/**
 * UNTDID 5305: S standard, E exempt, AE reverse charge, G export outside the EU, K intra-EU
 * supply of goods, O outside the scope of VAT.
 */
export type CiiVatCategory = 'S' | 'E' | 'AE' | 'G' | 'K' | 'O';

export interface CiiLine {
  id: string;
  name: string;
  netPriceCents: number;
  quantityHundredths: number;
  /** UN/ECE Recommendation 20: HUR hour, MON month, C62 one. */
  unitCode: 'HUR' | 'MON' | 'C62';
  category: CiiVatCategory;
  rateBp: number;
  lineTotalCents: number;
}

/** An electronic address: 0225 the French directory (by SIREN), EM an e-mail. */
export interface CiiElectronicAddress {
  scheme: '0225' | 'EM';
  value: string;
}

export interface CiiAddress {
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  country: string;
}

export interface CiiParty {
  name: string;
  siren: string | null;
  address: CiiAddress;
  electronicAddress: CiiElectronicAddress | null;
  vatNumber: string | null;
}

export interface CiiSeller extends CiiParty {
  siret: string | null;
  /** BT-33: legal form, share capital, trade registry. */
  legalInfo: string | null;
  /** BT-32, for a seller without a VAT number (under franchise): its SIRET, else its SIREN. */
  taxRegistration: string | null;
  email: string;
}

export interface CiiVatBreakdown {
  category: CiiVatCategory;
  rateBp: number;
  basisCents: number;
  taxCents: number;
  exemptionReason: string | null;
  exemptionCode: string | null;
  /** BT-8 on taxed rows: 5 the invoice date (VAT on debits), 72 the payment date. */
  dueDateTypeCode: '5' | '72' | null;
}

export interface CiiTotals {
  lineTotalCents: number;
  taxBasisCents: number;
  taxCents: number;
  grandTotalCents: number;
  duePayableCents: number;
}

/**
 * The seller fields a company's invoice carries beyond the base snapshot. Optional: documents
 * issued before they existed lack them.
 */
export interface SellerLegalMentions {
  tradeRegistry?: 'RCS' | 'RM' | null;
  tradeRegistryCity?: string | null;
  shareCapitalCents?: number | null;
  /** The option to pay VAT on debits (art. 269-2 c CGI): VAT falls due at the invoice date. */
  vatOnDebits?: boolean;
}

/** An issued document as the XML reads it: its frozen columns, snapshots and lines. */
export interface IssuedDocument {
  kind: 'invoice' | 'credit_note';
  number: string;
  issueDate: string;
  dueDate: string | null;
  periodStart: string;
  periodEnd: string;
  locale: 'fr' | 'en';
  vatRegime: InvoiceVatRegime;
  paymentTermsDays: number | null;
  notes: string | null;
  seller: SellerSnapshot & SellerLegalMentions;
  buyer: BuyerSnapshot;
  totals: InvoiceTotals;
  lines: IssuedLine[];
  creditedInvoice: { number: string; issueDate: string } | null;
}

export interface IssuedLine {
  description: string;
  quantityHundredths: number;
  unit: LineUnit;
  unitPriceCents: number;
  vatRateBp: number;
  amountCents: number;
  /** Why a 0 % line of an invoice with VAT bears none. */
  vatExemption?: VatExemption | null;
}

const UNIT_CODES: Record<LineUnit, CiiLine['unitCode']> = {
  hour: 'HUR',
  month: 'MON',
  unit: 'C62',
  event: 'C62',
};

/** What states the exemption of a line or a breakdown row: category, VATEX code, the law's words. */
interface Exemption {
  category: Exclude<CiiVatCategory, 'S'>;
  code: string | null;
  reason: string;
}

/**
 * The exemption a whole document states under a regime without VAT. A service to a business
 * outside the EU is G (export), with the words of art. 259-1 CGI it prints: O would forbid the
 * VAT numbers that such an invoice shows (BR-O-02).
 */
function regimeExemption(regime: Exclude<InvoiceVatRegime, 'standard'>): Exemption {
  switch (regime) {
    case 'franchise':
      return exemptionFrom(VAT_EXEMPTIONS.franchise);
    case 'reverse_charge':
      return exemptionFrom(VAT_EXEMPTIONS.reverse_charge);
    case 'export':
      return { category: 'G', code: 'VATEX-EU-G', reason: vatMention('export') ?? regime };
  }
}

function exemptionFrom(e: { vatex: string; category: string; reason: string }): Exemption {
  return { category: e.category as Exemption['category'], code: e.vatex, reason: e.reason };
}

/**
 * A line's category and exemption: the regime's, else a taxed line's S, else the line's own
 * exemption (E with the general article for a 0 % line issued before lines named theirs).
 */
function lineTax(line: IssuedLine, regime: InvoiceVatRegime, t: Translate): Exemption | null {
  if (regime !== 'standard') return regimeExemption(regime);
  if (line.vatRateBp > 0) return null;
  if (line.vatExemption) return exemptionFrom(vatExemption(line.vatExemption));
  return { category: 'E', code: null, reason: t('facturx.exemption.unstated') };
}

/**
 * The CII view of an issued document. A credit note (381) states positive amounts, as EN 16931
 * wants, where the stored note holds the negative mirror of its invoice.
 */
export function ciiViewOf(doc: IssuedDocument, t: Translate): CiiView {
  const sign = doc.kind === 'credit_note' ? -1 : 1;
  const taxes = doc.lines.map((line) => lineTax(line, doc.vatRegime, t));
  const lines = doc.lines.map((line, k) => ciiLineOf(line, k, taxes[k], sign));
  const { totals } = doc;
  return {
    number: doc.number,
    typeCode: doc.kind === 'credit_note' ? '381' : '380',
    issueDate: doc.issueDate,
    notes: notesOf(doc, t),
    lines,
    seller: sellerOf(doc, t),
    buyer: buyerOf(doc.buyer),
    period: { start: doc.periodStart, end: doc.periodEnd },
    payment:
      doc.kind === 'invoice' && doc.seller.iban
        ? { iban: doc.seller.iban, bic: doc.seller.bic }
        : null,
    terms: {
      description: t('invoice.payment.terms', { days: Math.max(0, doc.paymentTermsDays ?? 0) }),
      dueDate: doc.dueDate,
    },
    vat: breakdownOf(doc, taxes, sign),
    totals: {
      lineTotalCents: sign * totals.netCents,
      taxBasisCents: sign * totals.netCents,
      taxCents: sign * totals.vatCents,
      grandTotalCents: sign * totals.grossCents,
      duePayableCents: sign * totals.grossCents,
    },
    precedingInvoice: doc.creditedInvoice,
  };
}

function ciiLineOf(
  line: IssuedLine,
  k: number,
  exemption: Exemption | null,
  sign: number,
): CiiLine {
  return {
    id: String(k + 1),
    name: line.description,
    netPriceCents: sign * line.unitPriceCents,
    quantityHundredths: line.quantityHundredths,
    unitCode: UNIT_CODES[line.unit],
    category: exemption?.category ?? 'S',
    rateBp: exemption ? 0 : line.vatRateBp,
    lineTotalCents: sign * line.amountCents,
  };
}

/**
 * The taxed rows as the totals hold them (one per rate, VAT rounded once per rate), then one
 * row per category of the lines without VAT, its words each reason once (EN 16931 allows one
 * row per category: the code is the first line's).
 */
function breakdownOf(
  doc: IssuedDocument,
  taxes: (Exemption | null)[],
  sign: number,
): CiiVatBreakdown[] {
  const dueDateTypeCode = doc.seller.vatOnDebits === true ? '5' : '72';
  const taxed: CiiVatBreakdown[] = doc.totals.byRate
    .filter((row) => doc.vatRegime === 'standard' && row.vatRateBp > 0)
    .map((row) => ({
      category: 'S',
      rateBp: row.vatRateBp,
      basisCents: sign * row.netCents,
      taxCents: sign * row.vatCents,
      exemptionReason: null,
      exemptionCode: null,
      dueDateTypeCode,
    }));
  const exempt = new Map<string, CiiVatBreakdown>();
  doc.lines.forEach((line, k) => {
    const e = taxes[k];
    if (!e) return;
    const row = exempt.get(e.category);
    if (!row) {
      exempt.set(e.category, {
        category: e.category,
        rateBp: 0,
        basisCents: sign * line.amountCents,
        taxCents: 0,
        exemptionReason: e.reason,
        exemptionCode: e.code,
        dueDateTypeCode: null,
      });
      return;
    }
    row.basisCents += sign * line.amountCents;
    if (!row.exemptionReason?.split(' ; ').includes(e.reason)) {
      row.exemptionReason = `${row.exemptionReason} ; ${e.reason}`;
    }
    row.exemptionCode ??= e.code;
  });
  return [...taxed, ...exempt.values()];
}

/**
 * The notes French rules ask for (late-payment penalties PMD, the recovery indemnity PMT, no
 * early-payment discount AAB) in the document's language, the buyer's category (BAR) and the
 * document's own notes.
 */
function notesOf(doc: IssuedDocument, t: Translate): CiiNote[] {
  const rate = formatPercent(doc.seller.latePenaltyRatePercent, doc.locale);
  const notes: CiiNote[] = [
    { subjectCode: 'BAR', content: buyerCategory(doc.buyer) },
    { subjectCode: 'PMD', content: t('invoice.payment.latePenalty', { rate }) },
    { subjectCode: 'PMT', content: t('invoice.payment.recoveryIndemnity') },
    { subjectCode: 'AAB', content: t('invoice.payment.noEarlyPaymentDiscount') },
  ];
  const own = doc.notes?.trim();
  if (own) notes.push({ subjectCode: null, content: own });
  return notes;
}

/** B2B a French company (it has a SIREN), B2BINT a business abroad, else B2C. */
export function buyerCategory(buyer: BuyerSnapshot): 'B2B' | 'B2BINT' | 'B2C' {
  if (vatArea(buyer.address.country) === 'france') return buyer.siren ? 'B2B' : 'B2C';
  return buyer.vatNumber ? 'B2BINT' : 'B2C';
}

function addressOf(a: SellerSnapshot['address']): CiiAddress {
  return {
    line1: a.line1,
    line2: a.line2 ?? null,
    postalCode: a.postalCode,
    city: a.city,
    country: a.country.toUpperCase(),
  };
}

function sellerOf(doc: IssuedDocument, t: Translate): CiiSeller {
  const s = doc.seller;
  const ei = isEntrepreneurIndividuel(s.legalForm);
  return {
    name: ei && !/\bEI\b/.test(s.name) ? t('invoice.sellerNameEI', { name: s.name }) : s.name,
    siren: s.siren,
    siret: s.siret,
    // BT-33: the seller's legal mentions as its PDF prints them.
    legalInfo: sellerMentions(s, doc.locale, t).line,
    taxRegistration: s.vatNumber ? null : (s.siret ?? s.siren),
    email: s.email,
    address: addressOf(s.address),
    // Every company has its SIREN as address in the French directory of e-invoicing.
    electronicAddress: { scheme: '0225', value: s.siren },
    vatNumber: s.vatNumber,
  };
}

function buyerOf(b: BuyerSnapshot): CiiParty {
  const french = vatArea(b.address.country) === 'france';
  return {
    name: b.name,
    siren: b.siren,
    address: addressOf(b.address),
    electronicAddress:
      french && b.siren
        ? { scheme: '0225', value: b.siren }
        : { scheme: 'EM', value: b.billingEmail },
    vatNumber: b.vatNumber,
  };
}

import { onFirstUse } from '../../common/on-first-use';
import type * as Xmlbuilder2 from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type {
  CiiAddress,
  CiiLine,
  CiiParty,
  CiiSeller,
  CiiVatBreakdown,
  CiiView,
} from './cii-view';

const xmlbuilder2 = onFirstUse<typeof Xmlbuilder2>('xmlbuilder2');

/** The EN 16931 profile of Factur-X 1.0 (BT-24). */
export const EN16931_GUIDELINE = 'urn:cen.eu:en16931:2017';
/** The name the XML bears inside the PDF (and in the PDF's XMP). */
export const FACTURX_FILE_NAME = 'factur-x.xml';

const NS = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
};

/** Integer cents (or hundredths) as a decimal with two digits: -12345 → "-123.45". */
export function decimal2(hundredths: number): string {
  if (!Number.isSafeInteger(hundredths)) {
    throw new RangeError(`Expected whole hundredths: ${hundredths}`);
  }
  const abs = Math.abs(hundredths);
  const units = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${hundredths < 0 ? '-' : ''}${units}.${rest}`;
}

/** "2026-11-02" → "20261102" (format 102). */
function day102(day: string): string {
  return day.replace(/-/g, '');
}

/**
 * The CII XML of an issued document, its elements in the order of the D16B schema (which
 * Factur-X's EN16931 schema follows). UTF-8, no indentation: the same view always gives the
 * same bytes.
 */
export function buildCiiXml(view: CiiView): string {
  const root = xmlbuilder2()
    .create({ version: '1.0', encoding: 'UTF-8' })
    .ele(NS.rsm, 'rsm:CrossIndustryInvoice', {
      'xmlns:rsm': NS.rsm,
      'xmlns:ram': NS.ram,
      'xmlns:qdt': NS.qdt,
      'xmlns:udt': NS.udt,
    });
  const context = root.ele(NS.rsm, 'rsm:ExchangedDocumentContext');
  // S1: an invoice of services (the French billing frameworks, BT-23).
  ram(ram(context, 'BusinessProcessSpecifiedDocumentContextParameter'), 'ID', 'S1');
  ram(ram(context, 'GuidelineSpecifiedDocumentContextParameter'), 'ID', EN16931_GUIDELINE);

  const header = root.ele(NS.rsm, 'rsm:ExchangedDocument');
  ram(header, 'ID', view.number);
  ram(header, 'TypeCode', view.typeCode);
  dateTime(ram(header, 'IssueDateTime'), view.issueDate);
  for (const note of view.notes) {
    const n = ram(header, 'IncludedNote');
    ram(n, 'Content', note.content);
    if (note.subjectCode) ram(n, 'SubjectCode', note.subjectCode);
  }

  const transaction = root.ele(NS.rsm, 'rsm:SupplyChainTradeTransaction');
  for (const line of view.lines) lineItem(transaction, line);
  agreement(ram(transaction, 'ApplicableHeaderTradeAgreement'), view);
  ram(transaction, 'ApplicableHeaderTradeDelivery');
  settlement(ram(transaction, 'ApplicableHeaderTradeSettlement'), view);
  return root.end({ prettyPrint: false });
}

function ram(parent: XMLBuilder, name: string, text?: string): XMLBuilder {
  const child = parent.ele(NS.ram, `ram:${name}`);
  if (text !== undefined) child.txt(text);
  return child;
}

function dateTime(parent: XMLBuilder, day: string, prefix: 'udt' | 'qdt' = 'udt'): void {
  parent.ele(NS[prefix], `${prefix}:DateTimeString`, { format: '102' }).txt(day102(day));
}

function lineItem(transaction: XMLBuilder, line: CiiLine): void {
  const item = ram(transaction, 'IncludedSupplyChainTradeLineItem');
  ram(ram(item, 'AssociatedDocumentLineDocument'), 'LineID', line.id);
  ram(ram(item, 'SpecifiedTradeProduct'), 'Name', line.name);
  const price = ram(ram(item, 'SpecifiedLineTradeAgreement'), 'NetPriceProductTradePrice');
  ram(price, 'ChargeAmount', decimal2(line.netPriceCents));
  ram(
    ram(item, 'SpecifiedLineTradeDelivery'),
    'BilledQuantity',
    decimal2(line.quantityHundredths),
  ).att('unitCode', line.unitCode);
  const settlement = ram(item, 'SpecifiedLineTradeSettlement');
  const tax = ram(settlement, 'ApplicableTradeTax');
  ram(tax, 'TypeCode', 'VAT');
  ram(tax, 'CategoryCode', line.category);
  ram(tax, 'RateApplicablePercent', decimal2(line.rateBp));
  const sum = ram(settlement, 'SpecifiedTradeSettlementLineMonetarySummation');
  ram(sum, 'LineTotalAmount', decimal2(line.lineTotalCents));
}

function agreement(agreement: XMLBuilder, view: CiiView): void {
  seller(ram(agreement, 'SellerTradeParty'), view.seller);
  party(ram(agreement, 'BuyerTradeParty'), view.buyer);
}

function seller(p: XMLBuilder, s: CiiSeller): void {
  if (s.siret) ram(p, 'GlobalID', s.siret).att('schemeID', '0009');
  ram(p, 'Name', s.name);
  if (s.legalInfo) ram(p, 'Description', s.legalInfo);
  if (s.siren) ram(ram(p, 'SpecifiedLegalOrganization'), 'ID', s.siren).att('schemeID', '0002');
  const contact = ram(p, 'DefinedTradeContact');
  ram(ram(contact, 'EmailURIUniversalCommunication'), 'URIID', s.email);
  partyTail(p, s);
  if (s.taxRegistration) {
    ram(ram(p, 'SpecifiedTaxRegistration'), 'ID', s.taxRegistration).att('schemeID', 'FC');
  }
}

function party(p: XMLBuilder, b: CiiParty): void {
  ram(p, 'Name', b.name);
  if (b.siren) ram(ram(p, 'SpecifiedLegalOrganization'), 'ID', b.siren).att('schemeID', '0002');
  partyTail(p, b);
}

/** Address, electronic address and VAT number, the end of every party. */
function partyTail(p: XMLBuilder, party: CiiParty): void {
  address(ram(p, 'PostalTradeAddress'), party.address);
  if (party.electronicAddress) {
    const { scheme, value } = party.electronicAddress;
    ram(ram(p, 'URIUniversalCommunication'), 'URIID', value).att('schemeID', scheme);
  }
  if (party.vatNumber) {
    ram(ram(p, 'SpecifiedTaxRegistration'), 'ID', party.vatNumber).att('schemeID', 'VA');
  }
}

function address(a: XMLBuilder, value: CiiAddress): void {
  ram(a, 'PostcodeCode', value.postalCode);
  ram(a, 'LineOne', value.line1);
  if (value.line2) ram(a, 'LineTwo', value.line2);
  ram(a, 'CityName', value.city);
  ram(a, 'CountryID', value.country);
}

function settlement(s: XMLBuilder, view: CiiView): void {
  ram(s, 'InvoiceCurrencyCode', 'EUR');
  if (view.payment) {
    const means = ram(s, 'SpecifiedTradeSettlementPaymentMeans');
    ram(means, 'TypeCode', '30');
    ram(ram(means, 'PayeePartyCreditorFinancialAccount'), 'IBANID', view.payment.iban);
    if (view.payment.bic) {
      ram(ram(means, 'PayeeSpecifiedCreditorFinancialInstitution'), 'BICID', view.payment.bic);
    }
  }
  for (const row of view.vat) vatRow(s, row);
  const period = ram(s, 'BillingSpecifiedPeriod');
  dateTime(ram(period, 'StartDateTime'), view.period.start);
  dateTime(ram(period, 'EndDateTime'), view.period.end);
  const terms = ram(s, 'SpecifiedTradePaymentTerms');
  ram(terms, 'Description', view.terms.description);
  if (view.terms.dueDate) dateTime(ram(terms, 'DueDateDateTime'), view.terms.dueDate);
  const sum = ram(s, 'SpecifiedTradeSettlementHeaderMonetarySummation');
  ram(sum, 'LineTotalAmount', decimal2(view.totals.lineTotalCents));
  ram(sum, 'TaxBasisTotalAmount', decimal2(view.totals.taxBasisCents));
  ram(sum, 'TaxTotalAmount', decimal2(view.totals.taxCents)).att('currencyID', 'EUR');
  ram(sum, 'GrandTotalAmount', decimal2(view.totals.grandTotalCents));
  ram(sum, 'DuePayableAmount', decimal2(view.totals.duePayableCents));
  if (view.precedingInvoice) {
    const ref = ram(s, 'InvoiceReferencedDocument');
    ram(ref, 'IssuerAssignedID', view.precedingInvoice.number);
    dateTime(ram(ref, 'FormattedIssueDateTime'), view.precedingInvoice.issueDate, 'qdt');
  }
}

function vatRow(s: XMLBuilder, row: CiiVatBreakdown): void {
  const tax = ram(s, 'ApplicableTradeTax');
  ram(tax, 'CalculatedAmount', decimal2(row.taxCents));
  ram(tax, 'TypeCode', 'VAT');
  if (row.exemptionReason) ram(tax, 'ExemptionReason', row.exemptionReason);
  ram(tax, 'BasisAmount', decimal2(row.basisCents));
  ram(tax, 'CategoryCode', row.category);
  if (row.exemptionCode) ram(tax, 'ExemptionReasonCode', row.exemptionCode);
  if (row.dueDateTypeCode) ram(tax, 'DueDateTypeCode', row.dueDateTypeCode);
  ram(tax, 'RateApplicablePercent', decimal2(row.rateBp));
}

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dejavuFontPath } from './fonts';

/**
 * The invoice's look and words live in a templates folder (layout.json, texts.fr.json,
 * texts.en.json) so a practice restyles or rewords its invoices without code. A folder is read
 * once per process; a file missing a key of the shipped one is refused with the keys named.
 */

export const TABLE_COLUMNS = [
  'description',
  'quantity',
  'unit',
  'unitPrice',
  'vatRate',
  'amount',
] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

export interface InvoiceLayout {
  page: { size: string; margins: { top: number; right: number; bottom: number; left: number } };
  /** A file in the templates folder, or one of the DejaVu files; resolved to absolute paths. */
  fonts: { regular: string; bold: string };
  colors: Record<
    | 'text'
    | 'muted'
    | 'accent'
    | 'rule'
    | 'tableHeaderBackground'
    | 'tableHeaderText'
    | 'totalsBackground'
    | 'watermark',
    string
  >;
  fontSizes: Record<
    | 'title'
    | 'meta'
    | 'partyName'
    | 'party'
    | 'heading'
    | 'tableHeader'
    | 'tableRow'
    | 'detail'
    | 'totals'
    | 'grandTotal'
    | 'mentions'
    | 'notes'
    | 'footer'
    | 'watermark',
    number
  >;
  logo: { maxWidth: number; maxHeight: number };
  parties: { buyerBoxWidth: number; gapBelow: number };
  table: {
    /** Relative widths, scaled to fill the page between the margins. */
    columnWidths: Record<TableColumn, number>;
    cellPadding: number;
    rowGap: number;
    detailIndent: number;
    gapBelow: number;
  };
  totals: { width: number; labelWidth: number; gapBelow: number };
  mentions: { lineGap: number; paragraphGap: number };
  watermark: { angle: number; opacity: number };
  footer: { distanceFromBottom: number };
}

type ByKind = Record<'invoice' | 'credit_note', string>;

export interface InvoiceTexts {
  title: ByKind;
  documentName: ByKind;
  draft: string;
  watermark: string;
  number: string;
  issueDate: string;
  dueDate: string;
  servicePeriod: string;
  creditedInvoice: string;
  buyerHeading: string;
  sellerNameEI: string;
  legalFormEI: string;
  siren: string;
  siret: string;
  vatNumber: string;
  /** A buyer outside the EU: its tax identifier is not an intra-community VAT number. */
  taxId: string;
  email: string;
  phone: string;
  columns: Record<TableColumn, string>;
  units: Record<'hour' | 'month' | 'unit' | 'event', string>;
  noVatRate: string;
  totals: Record<'net' | 'vatAtRate' | 'vat' | 'gross', string>;
  /**
   * The VAT mention of each regime. The law's French words ("TVA non applicable, art. 293 B du
   * CGI", "Autoliquidation"…) are printed whatever the text says: a text that leaves them out
   * (an English one) is printed after them, as their translation.
   */
  mentions: Record<
    'franchise' | 'reverseCharge' | 'export' | 'reverseChargeVatNumbers' | 'operationCategory',
    string
  >;
  payment: Record<
    | 'heading'
    | 'terms'
    | 'onReceipt'
    | 'latePenalty'
    | 'recoveryIndemnity'
    | 'noEarlyPaymentDiscount'
    | 'iban'
    | 'bic',
    string
  >;
  notesHeading: string;
  footer: string;
  page: string;
}

export interface InvoiceTemplate {
  layout: InvoiceLayout;
  texts: InvoiceTexts;
}

export type TemplateLocale = 'fr' | 'en';

/** The folder shipped with the product: templates/invoice at the project root. */
export const DEFAULT_TEMPLATES_DIR = findShippedTemplates(__dirname);

function findShippedTemplates(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'templates', 'invoice');
    if (existsSync(path.join(candidate, 'layout.json'))) return candidate;
    if (path.dirname(dir) === dir) return path.resolve('templates', 'invoice');
  }
}

const cache = new Map<string, InvoiceTemplate>();

/** The layout and the texts of one language, read from `dir` on first use only. */
export function loadInvoiceTemplate(
  locale: TemplateLocale,
  dir: string = DEFAULT_TEMPLATES_DIR,
): InvoiceTemplate {
  const key = `${path.resolve(dir)}\0${locale}`;
  let template = cache.get(key);
  if (!template) {
    const layout = readChecked<InvoiceLayout>(dir, 'layout.json');
    template = {
      layout: { ...layout, fonts: resolveFonts(layout.fonts, dir) },
      texts: readChecked<InvoiceTexts>(dir, `texts.${locale}.json`),
    };
    cache.set(key, template);
  }
  return template;
}

function readChecked<T>(dir: string, file: string): T {
  const filePath = path.join(dir, file);
  const value = JSON.parse(readFileSync(filePath, 'utf8')) as unknown;
  const shipped = path.join(DEFAULT_TEMPLATES_DIR, file);
  if (path.resolve(filePath) !== path.resolve(shipped)) {
    const reference = JSON.parse(readFileSync(shipped, 'utf8')) as unknown;
    const missing = missingKeys(value, reference);
    if (missing.length > 0) {
      throw new Error(`Invoice template ${filePath} lacks: ${missing.join(', ')}`);
    }
  }
  return value as T;
}

/** Dotted paths present in `reference` but absent from `candidate`. */
export function missingKeys(candidate: unknown, reference: unknown, prefix = ''): string[] {
  if (typeof reference !== 'object' || reference === null) return [];
  const have = typeof candidate === 'object' && candidate !== null ? candidate : {};
  return Object.entries(reference).flatMap(([key, value]) => {
    const keyPath = prefix + key;
    if (!(key in have)) return [keyPath];
    return missingKeys((have as Record<string, unknown>)[key], value, `${keyPath}.`);
  });
}

function resolveFonts(fonts: InvoiceLayout['fonts'], dir: string): InvoiceLayout['fonts'] {
  const resolve = (file: string) => {
    const own = path.resolve(dir, file);
    return existsSync(own) ? own : dejavuFontPath(file);
  };
  return { regular: resolve(fonts.regular), bold: resolve(fonts.bold) };
}

/** "{name} EI" with { name: 'Camille Martin' } → "Camille Martin EI"; unknown names stay visible. */
export function fillText(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Translate } from '../../i18n';
import { ownMessagesIn, ownTranslator } from '../../i18n/own-messages';
import { resolveFonts } from '../../documents/fonts';

/**
 * The invoice's look lives in a templates folder (layout.json), its words in the message
 * catalogue (templates/i18n/invoice.<locale>.json), so a practice restyles or rewords its
 * invoices without code: a folder holds its layout.json and, if it likes, its own wording of
 * some messages (texts.<locale>.json). A folder is read once per process; a layout missing a key
 * of the shipped one, or a text that is no invoice message, is refused by name.
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

/**
 * The invoice's words in its language: the catalogue's `invoice.` messages
 * (templates/i18n/invoice.<locale>.json), a practice's own first (see loadInvoiceTemplate).
 */
export type InvoiceTexts = Translate;

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

/**
 * The layout and the words of one language, read from `dir` on first use only. The words are
 * the catalogue's, but for those the folder's `texts.<locale>.json` rewords.
 */
export function loadInvoiceTemplate(
  locale: TemplateLocale,
  dir: string = DEFAULT_TEMPLATES_DIR,
): InvoiceTemplate {
  const key = `${path.resolve(dir)}\0${locale}`;
  let template = cache.get(key);
  if (!template) {
    const layout = readLayout(dir);
    template = {
      layout: { ...layout, fonts: resolveFonts(layout.fonts, dir) },
      texts: ownTranslator(locale, ownMessagesIn(dir, locale, 'invoice')),
    };
    cache.set(key, template);
  }
  return template;
}

function readLayout(dir: string): InvoiceLayout {
  const filePath = path.join(dir, 'layout.json');
  const value = JSON.parse(readFileSync(filePath, 'utf8')) as unknown;
  const shipped = path.join(DEFAULT_TEMPLATES_DIR, 'layout.json');
  if (path.resolve(filePath) !== path.resolve(shipped)) {
    const reference = JSON.parse(readFileSync(shipped, 'utf8')) as unknown;
    const missing = missingKeys(value, reference);
    if (missing.length > 0) {
      throw new Error(`Invoice template ${filePath} lacks: ${missing.join(', ')}`);
    }
  }
  return value as InvoiceLayout;
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

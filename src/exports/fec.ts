/**
 * The FEC (fichier des écritures comptables, article A47 A-1 of the Livre des procédures
 * fiscales) of the sales and bank journals: one balanced entry per issued invoice or credit
 * note, one per payment received, the client lines of a settled invoice lettered together.
 * - 18 tab-separated columns with a header row, dates YYYYMMDD, amounts "1234,56" (III 2°:
 *   a decimal comma, no thousands separator).
 * - Characters in ISO 8859-15 (Latin-9): III 1° allows ASCII, ISO 8859-15 or EBCDIC only, not
 *   UTF-8, so `bytes` is what to deliver; `content` is the same text as a JS string.
 * - CRLF between records (Windows tools, the administration's included) and none after the
 *   last one, so no reader sees an empty trailing record.
 */
import { isValidLocalDate } from '../calendar';
import { isValidSiren } from '../common/identifiers';
import { catalogue } from '../i18n';
import { inIssueOrder, type JournalDoc, type JournalPayment } from './invoice-journal';
import type { Lettering } from './lettering';

export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

/**
 * Accounts of the French chart (PCG) the sales and bank journals post to; the practice may
 * change them. Revenue goes to `sales`, except sales without French VAT under reverse charge
 * (services to EU businesses; goods to them are intra-EU deliveries) and outside the EU.
 */
export interface FecAccounts {
  receivable: string;
  sales: string;
  vatCollected: string;
  journalCode: string;
  journalLabel: string;
  revenueReverseCharge?: string;
  revenueIntraEu?: string;
  revenueExport?: string;
  bank?: string;
  bankJournalCode?: string;
  bankJournalLabel?: string;
  receivableLabel?: string;
  salesLabel?: string;
  vatCollectedLabel?: string;
}

/** The labels of the accounts, French words for the French tax administration. */
function accountLabel(account: 'reverseCharge' | 'intraEu' | 'export' | 'bank'): string {
  return catalogue().translator('fr')('export.fec.account', { account });
}

export const DEFAULT_FEC_ACCOUNTS: Required<FecAccounts> = {
  receivable: '411',
  sales: '706',
  vatCollected: '44571',
  journalCode: 'VT',
  journalLabel: 'Ventes',
  revenueReverseCharge: '7062',
  revenueIntraEu: '7063',
  revenueExport: '7064',
  bank: '512',
  bankJournalCode: 'BQ',
  bankJournalLabel: 'Banque',
  receivableLabel: 'Clients',
  salesLabel: 'Prestations de services',
  vatCollectedLabel: 'TVA collectée',
};

export interface FecFile {
  /** '<SIREN>FEC<YYYYMMDD>.txt', the date being the closing date of the financial year. */
  fileName: string;
  /** The file as text, already limited to the Latin-9 repertoire. */
  content: string;
  /** The file to deliver: `content` encoded in ISO 8859-15. */
  bytes: Buffer;
  encoding: 'ISO-8859-15';
  /** Characters outside Latin-9 written as "?" (a name in Greek, an emoji): worth a warning. */
  replacedCharacters: number;
}

/** One line of an entry; positive cents go to Debit, negative to Credit. */
interface EntryLine {
  account: string;
  accountLabel: string;
  auxNum: string;
  auxLib: string;
  cents: number;
  lettering?: Lettering | null;
}

/** One balanced entry of a journal: a document issued or a payment received. */
interface Entry {
  journalCode: string;
  journalLabel: string;
  /** 'YYYY-MM-DD': EcritureDate, PieceDate and ValidDate. */
  date: string;
  /** Sales before payments on a day, each in its own order. */
  order: [number, number];
  pieceRef: string;
  label: string;
  lines: EntryLine[];
}

const RECORD_SEPARATOR = '\r\n';

export function buildFec(
  docs: readonly JournalDoc[],
  accounts: FecAccounts,
  opts: { siren: string; closingDate: string },
  payments: readonly JournalPayment[] = [],
): FecFile {
  if (!isValidSiren(opts.siren)) throw new RangeError(`Not a SIREN: "${opts.siren}"`);
  if (!isValidLocalDate(opts.closingDate)) {
    throw new RangeError(`Not a calendar day (YYYY-MM-DD): "${opts.closingDate}"`);
  }
  const chart: Required<FecAccounts> = { ...DEFAULT_FEC_ACCOUNTS, ...definedOnly(accounts) };
  const entries = [
    ...inIssueOrder(docs).map((doc, k) => salesEntry(doc, chart, k)),
    ...payments.map((payment, k) => bankEntry(payment, chart, k)),
  ].sort(
    (a, b) => a.date.localeCompare(b.date) || a.order[0] - b.order[0] || a.order[1] - b.order[1],
  );
  const records = entries.flatMap((entry, index) =>
    entry.lines.map((line) => fecRecord(entry, line, index + 1)),
  );
  const text = [[...FEC_COLUMNS], ...records]
    .map((fields) => fields.map(fecText).join('\t'))
    .join(RECORD_SEPARATOR);
  const { text: content, replaced } = toLatin9Repertoire(text);
  return {
    fileName: `${opts.siren}FEC${compactDate(opts.closingDate)}.txt`,
    content,
    bytes: latin9Bytes(content),
    encoding: 'ISO-8859-15',
    replacedCharacters: replaced,
  };
}

/** The accounts the caller set, the others left to their defaults. */
function definedOnly(accounts: FecAccounts): Partial<FecAccounts> {
  return Object.fromEntries(
    Object.entries(accounts).filter(([, value]) => value !== undefined && value !== ''),
  );
}

const line = (account: string, accountLabel: string, cents: number): EntryLine => ({
  account,
  accountLabel,
  auxNum: '',
  auxLib: '',
  cents,
});

function salesEntry(doc: JournalDoc, chart: Required<FecAccounts>, order: number): Entry {
  return {
    journalCode: chart.journalCode,
    journalLabel: chart.journalLabel,
    date: doc.issueDate,
    order: [0, order],
    pieceRef: doc.number,
    label: entryLabel(doc),
    lines: entryLines(doc, chart),
  };
}

/**
 * A payment received debits the bank and credits the client's sub-account; when it settles
 * its invoice, its client line carries the invoice's lettering.
 */
function bankEntry(payment: JournalPayment, chart: Required<FecAccounts>, order: number): Entry {
  if (!isValidLocalDate(payment.paidOn)) {
    throw new RangeError(`${payment.invoiceNumber}: payment day "${payment.paidOn}"`);
  }
  if (!Number.isSafeInteger(payment.amountCents) || payment.amountCents <= 0) {
    throw new RangeError(`${payment.invoiceNumber}: a payment is whole, positive cents`);
  }
  const t = catalogue().translator('fr');
  return {
    journalCode: chart.bankJournalCode,
    journalLabel: chart.bankJournalLabel,
    date: payment.paidOn,
    order: [1, order],
    pieceRef: payment.invoiceNumber,
    label: t('export.fec.payment', {
      number: payment.invoiceNumber,
      client: payment.clientName,
    }),
    lines: [
      line(chart.bank, accountLabel('bank'), payment.amountCents),
      {
        ...line(chart.receivable, chart.receivableLabel, -payment.amountCents),
        auxNum: clientSubAccount(chart.receivable, payment.clientAccountCode),
        auxLib: payment.clientName,
        lettering: payment.lettering ?? null,
      },
    ],
  };
}

/**
 * The revenue lines of a document: per VAT rate on `sales`; without French VAT under reverse
 * charge, services and goods apart (EU services reverse-charged, intra-EU deliveries); outside
 * the EU on the export account.
 */
function revenueLines(
  doc: JournalDoc,
  rates: readonly { netCents: number }[],
  chart: Required<FecAccounts>,
): EntryLine[] {
  switch (doc.vatRegime) {
    case 'standard':
    case 'franchise':
      return rates.map((rate) => line(chart.sales, chart.salesLabel, -rate.netCents));
    case 'export':
      return [line(chart.revenueExport, accountLabel('export'), -doc.netCents)];
    case 'reverse_charge': {
      const goods = doc.goodsNetCents ?? 0;
      return [
        line(chart.revenueReverseCharge, accountLabel('reverseCharge'), goods - doc.netCents),
        line(chart.revenueIntraEu, accountLabel('intraEu'), -goods),
      ];
    }
  }
}

/**
 * An invoice debits the client for the gross and credits revenue (one line per VAT rate, or
 * per regime without French VAT) and VAT collected (per rate, none when there is no VAT:
 * franchise, reverse charge, export). A credit note carries negative amounts, so the same
 * lines land in the opposite columns.
 */
function entryLines(doc: JournalDoc, chart: Required<FecAccounts>): EntryLine[] {
  assertDocument(doc);
  const rates =
    doc.vatByRate.length > 0
      ? doc.vatByRate
      : [{ vatRateBp: 0, netCents: doc.netCents, vatCents: doc.grossCents - doc.netCents }];
  const client: EntryLine = {
    ...line(chart.receivable, chart.receivableLabel, doc.grossCents),
    auxNum: clientSubAccount(chart.receivable, doc.clientAccountCode),
    auxLib: doc.clientName,
    lettering: doc.lettering ?? null,
  };
  const sales = revenueLines(doc, rates, chart);
  const vat = rates.map((rate) =>
    line(chart.vatCollected, chart.vatCollectedLabel, -rate.vatCents),
  );
  const lines = [client, ...[...sales, ...vat].filter((l) => l.cents !== 0)];
  const imbalance = lines.reduce((sum, l) => sum + l.cents, 0);
  if (imbalance !== 0) {
    throw new RangeError(
      `${doc.number}: gross ${doc.grossCents} is not net plus VAT by rate (off by ${imbalance} cents)`,
    );
  }
  return lines;
}

function assertDocument(doc: JournalDoc): void {
  if (doc.number.trim() === '') throw new RangeError('A document without a number is not issued');
  if (!isValidLocalDate(doc.issueDate)) {
    throw new RangeError(`${doc.number}: issue date "${doc.issueDate}" is not a calendar day`);
  }
  const amounts = [doc.grossCents, ...doc.vatByRate.flatMap((r) => [r.netCents, r.vatCents])];
  if (!amounts.every(Number.isSafeInteger)) {
    throw new RangeError(`${doc.number}: amounts must be whole cents`);
  }
  if (doc.vatRegime !== 'standard' && doc.vatByRate.some((r) => r.vatCents !== 0)) {
    throw new RangeError(`${doc.number}: VAT charged under the ${doc.vatRegime} regime`);
  }
}

function fecRecord(entry: Entry, line: EntryLine, entryNumber: number): string[] {
  const date = compactDate(entry.date);
  return [
    entry.journalCode,
    entry.journalLabel,
    String(entryNumber),
    date,
    line.account,
    line.accountLabel,
    line.auxNum,
    line.auxLib,
    entry.pieceRef,
    date,
    entry.label,
    fecAmount(Math.max(line.cents, 0)),
    fecAmount(Math.max(-line.cents, 0)),
    line.lettering?.code ?? '',
    line.lettering ? compactDate(line.lettering.date) : '',
    date,
    '',
    '',
  ];
}

/** "Facture F2026-00001 Boulangerie Émile": the FEC is read by the French tax authorities. */
function entryLabel(doc: JournalDoc): string {
  const t = catalogue().translator('fr');
  const kind = t('invoice.kind', { kind: doc.kind });
  return t('export.fec.entry', { kind, number: doc.number, client: doc.clientName });
}

/**
 * The client's sub-account: the receivable account and the code the client was given at
 * creation (frozen on each document at issue), so renaming the client never splits its account.
 */
export function clientSubAccount(receivable: string, accountCode: string): string {
  if (accountCode.trim() === '') throw new RangeError('A client without an account code');
  return `${receivable}${accountCode}`;
}

/** "1234,56", "0,00": a comma and no thousands separator (A47 A-1 III 2°). */
function fecAmount(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

function compactDate(date: string): string {
  return date.replaceAll('-', '');
}

/** No quoting in a FEC: a tab or line break inside a label would break the columns. */
function fecText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\t\r\n]+/g, ' ')
    .trim();
}

// ISO 8859-15 is ISO 8859-1 with eight code points changed (€, Š, š, Ž, ž, Œ, œ, Ÿ).
const LATIN9_CHANGES = new Map<number, number>([
  [0x20ac, 0xa4],
  [0x0160, 0xa6],
  [0x0161, 0xa8],
  [0x017d, 0xb4],
  [0x017e, 0xb8],
  [0x0152, 0xbc],
  [0x0153, 0xbd],
  [0x0178, 0xbe],
]);
const LATIN1_ONLY = new Set(LATIN9_CHANGES.values());
/** Typography that word processors put in names and labels, and its plain equivalent. */
const LOOKALIKES = new Map<string, string>([
  ['\u2018', "'"],
  ['\u2019', "'"],
  ['\u201c', '"'],
  ['\u201d', '"'],
  ['\u2013', '-'],
  ['\u2014', '-'],
  ['\u2026', '...'],
  ['\u2009', ' '],
  ['\u202f', ' '],
]);

function latin9Byte(codePoint: number): number | undefined {
  if (codePoint < 0x100) return LATIN1_ONLY.has(codePoint) ? undefined : codePoint;
  return LATIN9_CHANGES.get(codePoint);
}

function toLatin9Repertoire(text: string): { text: string; replaced: number } {
  let replaced = 0;
  let out = '';
  for (const char of text) {
    const plain = LOOKALIKES.get(char) ?? char;
    if ([...plain].every((c) => latin9Byte(c.codePointAt(0)!) !== undefined)) {
      out += plain;
    } else {
      out += '?';
      replaced += 1;
    }
  }
  return { text: out, replaced };
}

function latin9Bytes(text: string): Buffer {
  return Buffer.from([...text].map((char) => latin9Byte(char.codePointAt(0)!) ?? 0x3f));
}

/**
 * The accountant's period at a glance: the issued invoices and credit notes the services
 * return, counted and summed per kind. Drafts are not accounting documents and are left out.
 * Pure; amounts are the documents' own integer cents (credit notes negative, as stored). And
 * the periods offered in one click.
 */
import { addDays, firstDayOfNextMonth } from '../calendar';
import type { InvoiceSummary } from '../invoicing/invoice-detail';

export interface KindTotals {
  count: number;
  netCents: number;
  vatCents: number;
  grossCents: number;
}

export interface PeriodTotals {
  invoices: KindTotals;
  creditNotes: KindTotals;
  /** Invoices less credit notes. */
  net: KindTotals;
  /** What clients still owe on the period's invoices. */
  balanceCents: number;
}

const none = (): KindTotals => ({ count: 0, netCents: 0, vatCents: 0, grossCents: 0 });

function add(into: KindTotals, doc: InvoiceSummary): void {
  into.count += 1;
  into.netCents += doc.totals.netCents;
  into.vatCents += doc.totals.vatCents;
  into.grossCents += doc.totals.grossCents;
}

export function issuedOnly(docs: readonly InvoiceSummary[]): InvoiceSummary[] {
  return docs.filter((doc) => doc.status !== 'draft');
}

export function periodTotals(docs: readonly InvoiceSummary[]): PeriodTotals {
  const totals: PeriodTotals = {
    invoices: none(),
    creditNotes: none(),
    net: none(),
    balanceCents: 0,
  };
  for (const doc of issuedOnly(docs)) {
    add(doc.kind === 'invoice' ? totals.invoices : totals.creditNotes, doc);
    add(totals.net, doc);
    totals.balanceCents += doc.balanceCents;
  }
  return totals;
}

/** A period the accountant picks in one click: a month, a quarter or a year, of local days. */
export interface PeriodPreset {
  kind: 'month' | 'quarter' | 'year';
  /** 'YYYY-MM' for a month, the quarter's number (1–4) for a quarter. */
  month?: string;
  quarter?: number;
  year: number;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) =>
  addDays(firstDayOfNextMonth(`${year}-${pad(month)}`), -1);

/** Months from 1 to 12 counted from year 0, so that going back crosses years. */
const monthAt = (index: number) => ({ year: Math.floor(index / 12), month: (index % 12) + 1 });

/**
 * The presets around a day: its month and the one before, its quarter and the one before, its
 * year and the one before, each from its first day to its last.
 */
export function periodPresets(today: string): PeriodPreset[] {
  const [year, month] = today.split('-').map(Number);
  const index = year * 12 + month - 1;
  const months = [0, 1].map((back) => {
    const m = monthAt(index - back);
    const from = `${m.year}-${pad(m.month)}-01`;
    return {
      kind: 'month' as const,
      month: from.slice(0, 7),
      year: m.year,
      from,
      to: lastDayOf(m.year, m.month),
    };
  });
  const quarters = [0, 3].map((back) => {
    const first = monthAt(index - ((month - 1) % 3) - back);
    const quarter = (first.month + 2) / 3;
    const from = `${first.year}-${pad(first.month)}-01`;
    return {
      kind: 'quarter' as const,
      quarter,
      year: first.year,
      from,
      to: lastDayOf(first.year, first.month + 2),
    };
  });
  const years = [year, year - 1].map((y) => ({
    kind: 'year' as const,
    year: y,
    from: `${y}-01-01`,
    to: `${y}-12-31`,
  }));
  return [...months, ...quarters, ...years];
}

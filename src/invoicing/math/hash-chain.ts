import { createHash } from 'node:crypto';
import type { DraftLine } from './lines';
import type { DocumentKind } from './payment-status';
import type { InvoiceTotals } from './totals';

export type FrozenLine = Pick<
  DraftLine,
  'description' | 'quantity' | 'unit' | 'unitPriceCents' | 'vatRateBp' | 'amountCents'
> & {
  /** The interventions printed under the line. */
  details?: readonly string[];
};

/**
 * The fields of an issued invoice or credit note that can never change. The optional ones
 * (language, notes, payment terms, line details, the PDF's digest) are left out of documents
 * issued before they were hashed, so those keep their hash.
 */
export interface FrozenDocument {
  number: string;
  kind: DocumentKind;
  issueDate: string;
  dueDate: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  /** Snapshots of the identities printed on the document. */
  seller: Readonly<Record<string, unknown>>;
  buyer: Readonly<Record<string, unknown>>;
  lines: readonly FrozenLine[];
  totals: InvoiceTotals;
  previousHash: string | null;
  /** A credit note's invoice. */
  referencedInvoiceNumber?: string | null;
  /** The language the document is printed in. */
  locale?: string;
  /** Printed under the totals; a credit note's reason. */
  notes?: string | null;
  paymentTermsDays?: number | null;
  /** SHA-256 (hex) of the PDF file stored at issue: the printed document itself is chained. */
  pdfSha256?: string | null;
}

type Canonical = null | boolean | number | string | Canonical[] | { [key: string]: Canonical };

/**
 * Plain JSON values with keys sorted. A missing field and a null one are the same (a database
 * round trip turns one into the other); a Date is its ISO instant.
 */
function canonicalValue(value: unknown): Canonical {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonicalValue);
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
      return value;
    case 'object': {
      const entries = Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(entries.map(([k, v]) => [k, canonicalValue(v)]));
    }
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  throw new RangeError(`Cannot freeze a ${typeof value}`);
}

/** Only what the document shows: internal fields (ids, kinds, status) stay out of the hash. */
function frozenFields(doc: FrozenDocument): Record<string, unknown> {
  return {
    number: doc.number,
    kind: doc.kind,
    issueDate: doc.issueDate,
    dueDate: doc.dueDate,
    periodStart: doc.periodStart,
    periodEnd: doc.periodEnd,
    seller: doc.seller,
    buyer: doc.buyer,
    lines: doc.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPriceCents: l.unitPriceCents,
      vatRateBp: l.vatRateBp,
      amountCents: l.amountCents,
      details: l.details,
    })),
    totals: {
      netCents: doc.totals.netCents,
      vatCents: doc.totals.vatCents,
      grossCents: doc.totals.grossCents,
      byRate: doc.totals.byRate.map((r) => ({
        vatRateBp: r.vatRateBp,
        netCents: r.netCents,
        vatCents: r.vatCents,
      })),
    },
    previousHash: doc.previousHash,
    referencedInvoiceNumber: doc.referencedInvoiceNumber,
    locale: doc.locale,
    notes: doc.notes,
    paymentTermsDays: doc.paymentTermsDays,
    pdfSha256: doc.pdfSha256,
  };
}

/** Deterministic JSON (sorted keys, no whitespace) of a document's frozen fields. */
export function canonicalInvoiceContent(doc: FrozenDocument): string {
  return JSON.stringify(canonicalValue(frozenFields(doc)));
}

/** SHA-256 (hex) of the content chained to the previous document's hash. */
export function chainHash(canonical: string, previousHash: string | null): string {
  return createHash('sha256')
    .update(`${previousHash ?? ''}\n${canonical}`, 'utf8')
    .digest('hex');
}

export interface ChainLink {
  number: string;
  /** Recomputed from the stored fields, not read back from a stored copy. */
  canonical: string;
  hash: string;
  previousHash: string | null;
}

export interface ChainVerdict {
  ok: boolean;
  /** Documents examined: all of them, or up to and including the first broken one. */
  checked: number;
  firstBrokenNumber?: string;
}

/**
 * Walks the documents in issue order: each must point at the previous one's hash and hash to
 * its stored value. An edit, a deletion or a reordering breaks the chain at that document.
 */
export function verifyChain(docs: ChainLink[], startAfterHash: string | null = null): ChainVerdict {
  let expectedPrevious = startAfterHash;
  for (const [k, doc] of docs.entries()) {
    const intact =
      doc.previousHash === expectedPrevious &&
      chainHash(doc.canonical, doc.previousHash) === doc.hash;
    if (!intact) return { ok: false, checked: k + 1, firstBrokenNumber: doc.number };
    expectedPrevious = doc.hash;
  }
  return { ok: true, checked: docs.length };
}

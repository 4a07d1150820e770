/**
 * Lettering (lettrage) of client accounts in the FEC: an invoice settled by its payments (and
 * any credit notes) as of the closing date gets one code, written on the invoice's receivable
 * line, on each payment's and on each credit note's, with the day it was settled. An invoice
 * partly paid is not lettered: its lines stay open.
 */

/** EcritureLet and DateLet of the lines of one settled invoice. */
export interface Lettering {
  code: string;
  /** The day the last payment or credit note settled it, 'YYYY-MM-DD'. */
  date: string;
}

/** What settles an invoice up to the closing date. Credit notes' gross is negative. */
export interface SettlementFacts {
  invoiceId: string;
  /** The invoice's place in the chain of issued documents: its code, stable from file to file. */
  chainSeq: number;
  grossCents: number;
  payments: readonly { paidOn: string; amountCents: number }[];
  creditNotes: readonly { issueDate: string; grossCents: number }[];
}

/** 1 → "A", 26 → "Z", 27 → "AA": the letters of a spreadsheet's columns. */
export function letteringCode(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Not a position: ${n}`);
  let code = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    code = String.fromCharCode(65 + ((rest - 1) % 26)) + code;
  }
  return code;
}

/**
 * The invoices settled by at least one payment, payments and credit notes adding up to their
 * gross exactly, each with its code and the day of its last settling document.
 */
export function letterings(facts: readonly SettlementFacts[]): Map<string, Lettering> {
  const found = new Map<string, Lettering>();
  for (const invoice of facts) {
    if (invoice.payments.length === 0) continue;
    const paid = invoice.payments.reduce((sum, p) => sum + p.amountCents, 0);
    const credited = invoice.creditNotes.reduce((sum, c) => sum - c.grossCents, 0);
    if (invoice.grossCents - credited - paid !== 0) continue;
    const days = [
      ...invoice.payments.map((p) => p.paidOn),
      ...invoice.creditNotes.map((c) => c.issueDate),
    ];
    const date = days.reduce((last, day) => (day > last ? day : last));
    found.set(invoice.invoiceId, { code: letteringCode(invoice.chainSeq), date });
  }
  return found;
}

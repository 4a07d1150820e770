import type { Problem } from './problem';

export const INVOICE_STATUSES = [
  'draft',
  'issued',
  'partially_paid',
  'paid',
  'overdue',
  'cancelled',
] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export type DocumentKind = 'invoice' | 'credit_note';

export interface BalanceFacts {
  kind: DocumentKind;
  grossCents: number;
  paidCents: number;
  /** Gross (TTC) credited by credit notes; read as a magnitude, whatever its sign. */
  creditedCents: number;
}

export interface StatusFacts extends BalanceFacts {
  issued: boolean;
  /** 'YYYY-MM-DD'; null on a draft. */
  dueDate: string | null;
  /** The practice's local day 'YYYY-MM-DD'. */
  today: string;
}

/**
 * What the client still owes on an invoice: its gross less the credit notes on it and the
 * payments (negative = owed back). A credit note has no balance of its own: what it credits is
 * counted on its invoice, so every total of what is owed reads this one figure.
 */
export function balanceCents(facts: BalanceFacts): number {
  if (facts.kind === 'credit_note') return 0;
  return facts.grossCents - Math.abs(facts.creditedCents) - facts.paidCents;
}

/**
 * Status derived from the facts, never stored: overdue the day after the due date while
 * something is owed (even when partly paid); cancelled once credited in full.
 */
export function invoiceStatus(facts: StatusFacts): InvoiceStatus {
  if (!facts.issued) return 'draft';
  if (facts.kind === 'credit_note') return 'issued';
  if (facts.grossCents > 0 && Math.abs(facts.creditedCents) >= facts.grossCents) return 'cancelled';
  if (balanceCents(facts) <= 0) return 'paid';
  // 'YYYY-MM-DD' strings compare in calendar order.
  if (facts.dueDate !== null && facts.today > facts.dueDate) return 'overdue';
  return facts.paidCents > 0 ? 'partially_paid' : 'issued';
}

/** The reasons a payment is refused. */
export type PaymentProblemCode = 'amount' | 'nothing_due' | 'overpayment';

/** Reasons a payment is refused: not a positive amount, nothing due, or more than is due. */
export function validatePayment(
  balance: number,
  amountCents: number,
): Problem<PaymentProblemCode>[] {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    return [
      {
        field: 'amountCents',
        code: 'amount',
        message: 'A payment is a positive whole number of cents.',
      },
    ];
  }
  if (balance <= 0) {
    return [
      {
        field: 'amountCents',
        code: 'nothing_due',
        message: 'Nothing is due on this invoice.',
        balanceCents: balance,
      },
    ];
  }
  if (amountCents > balance) {
    return [
      {
        field: 'amountCents',
        code: 'overpayment',
        message: `The payment exceeds the balance of ${(balance / 100).toFixed(2)} EUR.`,
        amountCents,
        balanceCents: balance,
      },
    ];
  }
  return [];
}

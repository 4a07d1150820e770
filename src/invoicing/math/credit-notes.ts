import type { DraftLine } from './lines';
import type { Problem } from './problem';
import { roundHalfUpDiv } from './rounding';
import { computeTotals, type InvoiceTotals, type InvoiceVatRegime, type RateTotal } from './totals';

/** A partial credit: `amountCents` (net, before VAT) taken off the invoice line `lineIndex`. */
export interface CreditRequest {
  lineIndex: number;
  amountCents: number;
}

/** What each invoice line has left to credit, given the net already credited per line. */
export function remainingToCredit(
  invoiceLines: DraftLine[],
  alreadyCredited: number[] = [],
): number[] {
  return invoiceLines.map((line, k) => line.amountCents - Math.abs(alreadyCredited[k] ?? 0));
}

const euros = (cents: number): string => `${(cents / 100).toFixed(2)} EUR`;

/** The reasons a credit note is refused. */
export type CreditProblemCode =
  | 'unknown_line'
  | 'duplicate_line'
  | 'amount'
  | 'exceeds_remaining'
  | 'nothing_to_credit'
  | 'required';

function requestProblems(
  request: CreditRequest,
  k: number,
  remaining: number[],
  seen: Set<number>,
): Problem<CreditProblemCode>[] {
  const field = `lines[${k}]`;
  const { lineIndex, amountCents } = request;
  if (!Number.isInteger(lineIndex) || lineIndex < 0 || lineIndex >= remaining.length) {
    return [
      {
        field: `${field}.lineIndex`,
        code: 'unknown_line',
        message: `The invoice has no line ${lineIndex}.`,
        line: lineIndex + 1,
        lines: remaining.length,
      },
    ];
  }
  const problems: Problem<CreditProblemCode>[] = [];
  if (seen.has(lineIndex)) {
    problems.push({
      field: `${field}.lineIndex`,
      code: 'duplicate_line',
      message: `Line ${lineIndex} is credited twice.`,
      line: lineIndex + 1,
    });
  }
  seen.add(lineIndex);
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) {
    problems.push({
      field: `${field}.amountCents`,
      code: 'amount',
      message: 'A credited amount is a positive whole number of cents.',
      line: lineIndex + 1,
    });
  } else if (amountCents > remaining[lineIndex]) {
    problems.push({
      field: `${field}.amountCents`,
      code: 'exceeds_remaining',
      message: `Line ${lineIndex} has ${euros(Math.max(0, remaining[lineIndex]))} left to credit.`,
      line: lineIndex + 1,
      amountCents,
      remainingCents: Math.max(0, remaining[lineIndex]),
    });
  }
  return problems;
}

/** Reasons a credit note cannot be made; empty when it can. null/undefined = full credit. */
export function validateCreditAmounts(
  invoiceLines: DraftLine[],
  partial?: CreditRequest[] | null,
  alreadyCredited: number[] = [],
): Problem<CreditProblemCode>[] {
  const remaining = remainingToCredit(invoiceLines, alreadyCredited);
  if (partial === null || partial === undefined) {
    return remaining.some((r) => r > 0)
      ? []
      : [
          {
            field: 'lines',
            code: 'nothing_to_credit',
            message: 'The invoice is already fully credited.',
          },
        ];
  }
  if (partial.length === 0) {
    return [
      {
        field: 'lines',
        code: 'required',
        message: 'A partial credit note credits at least one line.',
      },
    ];
  }
  const seen = new Set<number>();
  return partial.flatMap((request, k) => requestProblems(request, k, remaining, seen));
}

/** Negation without -0, which would not equal 0 once compared or stored. */
const negate = (cents: number): number => (cents === 0 ? 0 : -cents);

/** An untouched line credited whole: the exact negative mirror. */
function mirror(line: DraftLine): DraftLine {
  return {
    ...line,
    unitPriceCents: negate(line.unitPriceCents),
    amountCents: negate(line.amountCents),
    interventionIds: [...line.interventionIds],
  };
}

/** Part of a line credited: one negative amount, described like the line it corrects. */
function partOf(line: DraftLine, amountCents: number): DraftLine {
  return {
    ...line,
    quantity: 1,
    unit: 'unit',
    unitPriceCents: -amountCents,
    amountCents: -amountCents,
    interventionIds: [...line.interventionIds],
  };
}

/**
 * Lines of a credit note: negative amounts (a credit note's totals are negative). Full (no
 * `partial`): every line's remaining amount, i.e. the exact mirror of an invoice not credited
 * before. Partial: the chosen net amounts. Throws on what validateCreditAmounts refuses.
 */
export function creditNoteLines(
  invoiceLines: DraftLine[],
  partial?: CreditRequest[] | null,
  alreadyCredited: number[] = [],
): DraftLine[] {
  const problems = validateCreditAmounts(invoiceLines, partial, alreadyCredited);
  if (problems.length > 0) throw new RangeError(problems.map((p) => p.message).join(' '));
  if (partial) {
    return partial.map(({ lineIndex, amountCents }) => {
      const line = invoiceLines[lineIndex];
      const untouched = (alreadyCredited[lineIndex] ?? 0) === 0;
      return untouched && amountCents === line.amountCents
        ? mirror(line)
        : partOf(line, amountCents);
    });
  }
  const remaining = remainingToCredit(invoiceLines, alreadyCredited);
  return invoiceLines.flatMap((line, k) => {
    if ((alreadyCredited[k] ?? 0) === 0) return [mirror(line)];
    return remaining[k] > 0 ? [partOf(line, remaining[k])] : [];
  });
}

/** Per VAT rate, the magnitudes of net and VAT summed over documents (credit notes are negative). */
function magnitudesByRate(totals: RateTotal[]): Map<number, { net: number; vat: number }> {
  const byRate = new Map<number, { net: number; vat: number }>();
  for (const r of totals) {
    const sum = byRate.get(r.vatRateBp) ?? { net: 0, vat: 0 };
    byRate.set(r.vatRateBp, {
      net: sum.net + Math.abs(r.netCents),
      vat: sum.vat + Math.abs(r.vatCents),
    });
  }
  return byRate;
}

/**
 * The VAT (a magnitude) a credit note takes off one rate. It is rounded on everything credited
 * at that rate so far, less what earlier notes took: partial notes add up to the invoice's VAT
 * instead of rounding each on its own, and the note that uses up the rate's net takes exactly
 * the VAT left, so credits that add up to the invoice cancel it to the cent.
 */
function creditedVat(
  rateBp: number,
  noteNet: number,
  invoice: { net: number; vat: number } | undefined,
  before: { net: number; vat: number },
): number {
  if (!invoice) return roundHalfUpDiv(noteNet * rateBp, 10_000);
  const vatLeft = invoice.vat - before.vat;
  const netAfter = before.net + noteNet;
  if (netAfter >= invoice.net) return vatLeft;
  const due = roundHalfUpDiv(netAfter * rateBp, 10_000) - before.vat;
  return Math.min(Math.max(due, 0), Math.max(vatLeft, 0));
}

/**
 * Totals of a credit note of `creditLines` (negative, as creditNoteLines makes them) against
 * the invoice's totals per rate and the totals per rate of its earlier credit notes. Nets are
 * the lines' sums; VAT per rate is cumulative (see creditedVat).
 */
export function creditNoteTotals(
  creditLines: DraftLine[],
  vatRegime: InvoiceVatRegime,
  invoiceByRate: RateTotal[],
  earlierCreditsByRate: RateTotal[] = [],
): InvoiceTotals {
  const invoice = magnitudesByRate(invoiceByRate);
  const before = magnitudesByRate(earlierCreditsByRate);
  const byRate = computeTotals(creditLines, vatRegime).byRate.map((r) => {
    const vat = creditedVat(
      r.vatRateBp,
      Math.abs(r.netCents),
      invoice.get(r.vatRateBp),
      before.get(r.vatRateBp) ?? { net: 0, vat: 0 },
    );
    return { vatRateBp: r.vatRateBp, netCents: r.netCents, vatCents: negate(vat) };
  });
  const netCents = byRate.reduce((sum, r) => sum + r.netCents, 0);
  const vatCents = byRate.reduce((sum, r) => sum + r.vatCents, 0);
  return { netCents, vatCents, grossCents: netCents + vatCents, byRate };
}

import type { Problem } from './problem';
import { FRENCH_VAT_RATES_BP, isFrenchVatRate } from '../../common/vat-rates';
import {
  isVatExemption,
  LINE_VAT_EXEMPTIONS,
  type Supply,
  type VatExemption,
} from './vat-exemptions';
import { amountOfMinutes, hundredthsOfHour } from '../../interventions/pricing';
import { roundHalfUpDiv } from './rounding';

export const LINE_KINDS = [
  'retainer_fee',
  'retainer_overage',
  'prepaid',
  'prepaid_overrun',
  'time',
  'urgency_surcharge',
  'after_hours_surcharge',
  'over_quota_fee',
  'manual',
] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export const LINE_UNITS = ['hour', 'month', 'unit', 'event'] as const;
export type LineUnit = (typeof LINE_UNITS)[number];

/**
 * One line of an invoice or credit note. `quantity` has at most 2 decimals (hours in
 * hundredths) and `amountCents` = quantity × unit price rounded half-up once, so the printed
 * line multiplies out to the cent. Invoice lines are never negative; credit-note lines are the
 * negative mirror (negative unit price and amount, same quantity).
 */
export interface DraftLine {
  kind: LineKind;
  description: string;
  quantity: number;
  unit: LineUnit;
  unitPriceCents: number;
  vatRateBp: number;
  amountCents: number;
  interventionIds: string[];
  /** Goods sold (livraison de biens); absent: services, as every generated line. */
  supply?: Supply;
  /** Why a 0 % line of a taxed invoice bears no VAT; absent on a taxed line. */
  vatExemption?: VatExemption | null;
}

export interface ManualLineInput {
  description: string;
  /** At most 2 decimals (1.25 hours, 3 units). */
  quantity: number;
  unit: LineUnit;
  unitPriceCents: number;
  vatRateBp: number;
  supply?: Supply;
  vatExemption?: string | null;
}

/**
 * Reasons a manual line typed on a draft is refused; empty when it is fine. On an invoice that
 * charges VAT (`taxed`), a 0 % line names its exemption and a taxed line names none.
 */
export function validateManualLine(
  input: ManualLineInput,
  field = 'line',
  taxed = true,
): Problem[] {
  const problems: Problem[] = [];
  const hundredths = input.quantity * 100;
  if (input.description.trim() === '') {
    problems.push({
      field: `${field}.description`,
      code: 'required',
      message: 'A line needs a description.',
    });
  }
  if (!(input.quantity >= 0) || Math.abs(hundredths - Math.round(hundredths)) > 1e-6) {
    problems.push({
      field: `${field}.quantity`,
      code: 'quantity',
      message: 'The quantity must be positive with at most 2 decimals.',
    });
  }
  if (!Number.isSafeInteger(input.unitPriceCents) || input.unitPriceCents < 0) {
    problems.push({
      field: `${field}.unitPriceCents`,
      code: 'amount',
      message: 'The unit price must be a whole number of cents, not negative.',
    });
  }
  if (!isFrenchVatRate(input.vatRateBp)) {
    problems.push({
      field: `${field}.vatRateBp`,
      code: 'vat_rate',
      message: `The VAT rate must be one of the French rates in basis points: ${FRENCH_VAT_RATES_BP.join(', ')}.`,
      values: FRENCH_VAT_RATES_BP.join(', '),
    });
  } else if (taxed) {
    problems.push(...exemptionProblems(input, field));
  }
  return problems;
}

function exemptionProblems(input: ManualLineInput, field: string): Problem[] {
  const given = input.vatExemption ?? null;
  const at = `${field}.vatExemption`;
  if (given !== null && !(LINE_VAT_EXEMPTIONS as string[]).includes(given)) {
    const values = LINE_VAT_EXEMPTIONS.join(', ');
    const message = `The exemption must be one of ${values}.`;
    return [{ field: at, code: 'vat_exemption_unknown', message, values }];
  }
  if (input.vatRateBp === 0 && given === null) {
    const values = LINE_VAT_EXEMPTIONS.join(', ');
    const message = `A 0 % line of an invoice with VAT names its exemption: one of ${values}.`;
    return [{ field: at, code: 'vat_exemption_required', message, values }];
  }
  if (input.vatRateBp !== 0 && given !== null) {
    const message = 'A line that bears VAT has no exemption.';
    return [{ field: at, code: 'vat_exemption_taxed', message, vatRateBp: input.vatRateBp }];
  }
  return [];
}

/** quantity × unit price, the quantity in hundredths: rounded half-up once, to the cent. */
export function lineAmountCents(quantityHundredths: number, unitPriceCents: number): number {
  return roundHalfUpDiv(quantityHundredths * unitPriceCents, 100);
}

export { hundredthsOfHour };

/**
 * A line that bills interventions whole at their own rate: its quantity is the sum of their
 * hours to the hundredth (as printed under it) and its amount the sum of their amounts, each
 * priced as the intervention stores it (`amountOfMinutes`), so the interventions add up to
 * the line to the cent.
 */
export function workLine(
  kind: LineKind,
  description: string,
  work: readonly { id: string; billableMinutes: number }[],
  rateCents: number,
  vatRateBp: number,
): DraftLine {
  const hundredths = work.reduce((sum, w) => sum + hundredthsOfHour(w.billableMinutes), 0);
  return {
    kind,
    description,
    quantity: hundredths / 100,
    unit: 'hour',
    unitPriceCents: rateCents,
    vatRateBp,
    amountCents: work.reduce((sum, w) => sum + amountOfMinutes(w.billableMinutes, rateCents), 0),
    interventionIds: work.map((w) => w.id),
  };
}

/**
 * A line typed by the consultant: amount = quantity × unit price, rounded once. Its supply and
 * exemption are kept only when they say something (goods; an exemption on a 0 % line).
 */
export function manualLine(input: ManualLineInput, taxed = true): DraftLine {
  const problems = validateManualLine(input, 'line', taxed);
  if (problems.length > 0) throw new RangeError(problems.map((p) => p.message).join(' '));
  const hundredths = Math.round(input.quantity * 100);
  const exemption =
    taxed && input.vatRateBp === 0 && isVatExemption(input.vatExemption)
      ? { vatExemption: input.vatExemption }
      : {};
  return {
    kind: 'manual',
    description: input.description.trim(),
    quantity: hundredths / 100,
    unit: input.unit,
    unitPriceCents: input.unitPriceCents,
    vatRateBp: input.vatRateBp,
    amountCents: lineAmountCents(hundredths, input.unitPriceCents),
    interventionIds: [],
    ...(input.supply === 'goods' ? { supply: 'goods' as const } : {}),
    ...exemption,
  };
}

/**
 * Work billed by the hour. The minutes become hours rounded half-up to 2 decimals (what the
 * client reads), and the amount is those hours × the rate, rounded once: 100 minutes at
 * 90.00 € → 1.67 h × 90.00 € = 150.30 €, never a line that does not multiply out.
 */
export function hourLine(
  kind: LineKind,
  description: string,
  minutes: number,
  rateCents: number,
  vatRateBp: number,
  interventionIds: string[],
): DraftLine {
  const hundredths = hundredthsOfHour(minutes);
  return {
    kind,
    description,
    quantity: hundredths / 100,
    unit: 'hour',
    unitPriceCents: rateCents,
    vatRateBp,
    amountCents: lineAmountCents(hundredths, rateCents),
    interventionIds,
  };
}

/**
 * The price of one intervention: billable minutes after the contract's rounding and minimum,
 * the base amount at the hourly rate, and the urgency and after-hours surcharges. Integer cents
 * throughout; each amount is one integer division rounded half-up.
 */

export interface InterventionPricingInput {
  durationMinutes: number;
  afterHoursMinutes: number;
  billable: boolean;
  /** Billing increment in minutes, at least 1. */
  roundingMinutes: number;
  minimumBillableMinutes: number;
  /** Already resolved: the activity's rate on the contract, else the contract rate. */
  hourlyRateCents: number;
  urgencySurchargePercent: number;
  afterHoursSurchargePercent: number;
}

export interface InterventionPricing {
  billableMinutes: number;
  baseAmountCents: number;
  urgencySurchargeCents: number;
  afterHoursSurchargeCents: number;
  /** base + urgency surcharge + after-hours surcharge */
  amountCents: number;
  /** The urgency surcharge percent applied. */
  surchargePercent: number;
  afterHoursBillableMinutes: number;
}

export interface ActivityRate {
  activityId: string;
  hourlyRateCents: number;
}

/** Integer division rounded half away from zero: 5/2 → 3, -5/2 → -3, 7/3 → 2. */
export function roundHalfUpDiv(numerator: number, denominator: number): number {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || denominator === 0) {
    throw new RangeError(`roundHalfUpDiv needs integers and a non-zero denominator`);
  }
  const sign = Math.sign(numerator) * Math.sign(denominator);
  const n = Math.abs(numerator);
  const d = Math.abs(denominator);
  const quotient = Math.floor(n / d);
  const rounded = 2 * (n % d) >= d ? quotient + 1 : quotient;
  return rounded === 0 ? 0 : sign * rounded;
}

/** Minutes as the hundredths of an hour an invoice prints (100 min → 167, i.e. 1.67 h), half-up. */
export function hundredthsOfHour(minutes: number): number {
  return roundHalfUpDiv(minutes * 100, 60);
}

/**
 * The price of `minutes` at `rateCents` an hour, as the invoice bills it: the hours to the
 * hundredth × the rate, rounded half-up once (100 min at 90.00 € → 1.67 h → 150.30 €).
 */
export function amountOfMinutes(minutes: number, rateCents: number): number {
  return roundHalfUpDiv(hundredthsOfHour(minutes) * rateCents, 100);
}

/** Training is not priced like support: a rate for the activity on the contract wins. */
export function resolveHourlyRate(
  contractRateCents: number,
  activityRates: readonly ActivityRate[] | null | undefined,
  activityId: string,
): number {
  const override = activityRates?.find((rate) => rate.activityId === activityId);
  return override?.hourlyRateCents ?? contractRateCents;
}

export function priceIntervention(input: InterventionPricingInput): InterventionPricing {
  const rate = input.hourlyRateCents;
  const billableMinutes = billableMinutesOf(input);
  const baseAmountCents = amountOfMinutes(billableMinutes, rate);
  const urgencySurchargeCents = roundHalfUpDiv(
    baseAmountCents * input.urgencySurchargePercent,
    100,
  );
  const afterHoursBillableMinutes = afterHoursShare(input, billableMinutes);
  // Multiply first and divide once, so the after-hours surcharge is rounded only once.
  const afterHoursSurchargeCents = roundHalfUpDiv(
    afterHoursBillableMinutes * rate * input.afterHoursSurchargePercent,
    60 * 100,
  );
  return {
    billableMinutes,
    baseAmountCents,
    urgencySurchargeCents,
    afterHoursSurchargeCents,
    amountCents: baseAmountCents + urgencySurchargeCents + afterHoursSurchargeCents,
    surchargePercent: input.urgencySurchargePercent,
    afterHoursBillableMinutes,
  };
}

/** Rounded up to the contract's increment, and at least its minimum. */
function billableMinutesOf(input: InterventionPricingInput): number {
  const { billable, durationMinutes, roundingMinutes, minimumBillableMinutes } = input;
  if (!billable) return 0;
  if (!(Number.isInteger(roundingMinutes) && roundingMinutes >= 1)) {
    throw new RangeError(`roundingMinutes must be a whole number of minutes, at least 1`);
  }
  const rounded = Math.ceil(durationMinutes / roundingMinutes) * roundingMinutes;
  return Math.max(minimumBillableMinutes, rounded);
}

/** The after-hours part of the billable minutes, in the proportion worked after hours. */
function afterHoursShare(input: InterventionPricingInput, billableMinutes: number): number {
  if (input.durationMinutes === 0) return 0;
  const share = roundHalfUpDiv(billableMinutes * input.afterHoursMinutes, input.durationMinutes);
  return Math.min(billableMinutes, share);
}

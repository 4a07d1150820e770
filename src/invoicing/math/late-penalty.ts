/**
 * What a late payer owes beyond the balance (art. L441-10 C. com.): penalties at the rate the
 * invoice states, simple interest on the balance from the day after the due date, and between
 * businesses the fixed 40 € indemnity for recovery costs. Pure: plain values in, cents out.
 */
import { roundHalfUpDiv } from './rounding';

/** The fixed indemnity for recovery costs owed by a business paying late (art. D441-5 C. com.). */
export const RECOVERY_INDEMNITY_CENTS = 4000;

/** Penalties are counted by the day over a year of 365 days. */
const DAYS_A_YEAR = 365;
const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** Whole days from the due date to `asOf` ('YYYY-MM-DD' both): 0 on the due date or before it. */
export function daysLate(dueDate: string, asOf: string): number {
  const due = Date.parse(`${dueDate}T00:00:00Z`);
  const day = Date.parse(`${asOf}T00:00:00Z`);
  if (Number.isNaN(due) || Number.isNaN(day)) {
    throw new RangeError(`Not calendar days: ${dueDate}, ${asOf}`);
  }
  return Math.max(0, Math.round((day - due) / MS_PER_DAY));
}

/**
 * Penalties due on `balanceCents` after `days` days late at `ratePercent` a year (up to two
 * decimals, 12.15): balance × rate × days / 365, in whole cents, rounded once, half-up, by the
 * house's rule. Nothing on a balance of zero or less.
 */
export function latePenaltyCents(balanceCents: number, ratePercent: number, days: number): number {
  if (!Number.isSafeInteger(balanceCents) || !Number.isInteger(days) || days < 0) {
    throw new RangeError(
      `A balance is whole cents and days a whole count: ${balanceCents}, ${days}`,
    );
  }
  const rateHundredths = Math.round(ratePercent * 100);
  if (balanceCents <= 0 || days === 0 || rateHundredths <= 0) return 0;
  const denominator = 100 * 100 * DAYS_A_YEAR;
  const product = balanceCents * rateHundredths * days;
  if (Number.isSafeInteger(product)) return roundHalfUpDiv(product, denominator);
  // Beyond 2^53 (a large balance over years): the same half-up rule, in BigInt.
  const n = BigInt(balanceCents) * BigInt(rateHundredths) * BigInt(days);
  const d = BigInt(denominator);
  return Number(n / d + (BigInt(2) * (n % d) >= d ? BigInt(1) : BigInt(0)));
}

/** What a reminder states: the balance, the penalties so far, the indemnity and their sum. */
export interface LateAmounts {
  balanceCents: number;
  daysLate: number;
  ratePercent: number;
  penaltyCents: number;
  /** 4000 for a business buyer, 0 otherwise. */
  indemnityCents: number;
  totalCents: number;
}

export function lateAmounts(facts: {
  balanceCents: number;
  ratePercent: number;
  dueDate: string;
  asOf: string;
  business: boolean;
}): LateAmounts {
  const days = daysLate(facts.dueDate, facts.asOf);
  const penaltyCents = latePenaltyCents(facts.balanceCents, facts.ratePercent, days);
  const late = days > 0 && facts.balanceCents > 0;
  const indemnityCents = late && facts.business ? RECOVERY_INDEMNITY_CENTS : 0;
  return {
    balanceCents: facts.balanceCents,
    daysLate: days,
    ratePercent: facts.ratePercent,
    penaltyCents,
    indemnityCents,
    totalCents: facts.balanceCents + penaltyCents + indemnityCents,
  };
}

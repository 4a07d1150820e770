/**
 * Integer rounding for money and displayed quantities. Amounts are integer cents and are
 * rounded once, half-up, at the end of a computation: never a float in a stored or summed amount.
 */
import { amountOfMinutes, roundHalfUpDiv } from '../../interventions/pricing';

/** One rounding rule for the whole product: the one interventions are priced with. */
export { roundHalfUpDiv };

/** Minutes shown as hours with at most 2 decimals (90 → 1.5, 10 → 0.17). Display only. */
export function hoursFromMinutes(minutes: number): number {
  return roundHalfUpDiv(minutes * 100, 60) / 100;
}

/** The amount of `minutes` of work at `rateCents` per hour: one price, the intervention's. */
export function amountForMinutes(minutes: number, rateCents: number): number {
  return amountOfMinutes(minutes, rateCents);
}

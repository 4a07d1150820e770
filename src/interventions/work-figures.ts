/**
 * What an intervention's times and its contract make of it: duration, after-hours minutes, the
 * local-day pieces, the rate and the price. Pure: plain values in, plain values out.
 */
import { durationMinutes, type BusinessClock } from '../calendar';
import type { Urgency, UrgencyPolicy } from '../common/domain';
import { contractStanding } from '../contracts/contract-rules';
import type { BillingTerms } from '../contracts/contract.entity';
import { priceIntervention, resolveHourlyRate } from './pricing';

/** The minutes of one local day of an intervention, and how many of them were after hours. */
export interface WorkPiece {
  date: string;
  start: Date;
  end: Date;
  minutes: number;
  afterHoursMinutes: number;
}

export interface MeasuredWork {
  durationMinutes: number;
  afterHoursMinutes: number;
  pieces: WorkPiece[];
}

export interface PricedWork {
  /** The activity's billable flag weighs in: work on a non-billable activity is never billed. */
  billable: boolean;
  hourlyRateCents: number;
  billableMinutes: number;
  afterHoursBillableMinutes: number;
  baseAmountCents: number;
  urgencySurchargePercent: number;
  urgencySurchargeCents: number;
  afterHoursSurchargePercent: number;
  afterHoursSurchargeCents: number;
  amountCents: number;
}

export interface ContractTerms {
  billing: BillingTerms;
  urgencyPolicy: UrgencyPolicy;
}

export interface WorkToPrice {
  activityId: string;
  urgency: Urgency;
  billable: boolean;
  activityBillable: boolean;
  durationMinutes: number;
  afterHoursMinutes: number;
}

/**
 * Duration and after-hours minutes from the instants (a DST night counts true time), cut at
 * local midnights. The pieces' after-hours minutes add up to the intervention's.
 */
export function measureWork(start: Date, end: Date, calendar: BusinessClock): MeasuredWork {
  const total = calendar.afterHoursMinutes(start, end);
  const split = calendar.splitByLocalDay(start, end);
  const pieces = split.map((piece) => ({
    ...piece,
    afterHoursMinutes:
      split.length === 1
        ? total
        : clamp(calendar.afterHoursMinutes(piece.start, piece.end), 0, piece.minutes),
  }));
  balanceAfterHours(pieces, total);
  return { durationMinutes: durationMinutes(start, end), afterHoursMinutes: total, pieces };
}

/**
 * Each piece is rounded to the minute on its own; a second here and there could make the sum
 * differ from the whole by a minute. The difference goes to the first pieces that can take it.
 */
function balanceAfterHours(pieces: WorkPiece[], total: number): void {
  let difference = total - pieces.reduce((sum, piece) => sum + piece.afterHoursMinutes, 0);
  for (const piece of pieces) {
    if (difference === 0) return;
    const next = clamp(piece.afterHoursMinutes + difference, 0, piece.minutes);
    difference -= next - piece.afterHoursMinutes;
    piece.afterHoursMinutes = next;
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * The price under the contract: the activity's rate on the contract, else the contract rate;
 * the urgency level's surcharge on the whole, the after-hours surcharge on the after-hours part.
 */
export function priceWork(work: WorkToPrice, terms: ContractTerms): PricedWork {
  const { billing, urgencyPolicy } = terms;
  const billable = work.billable && work.activityBillable;
  const hourlyRateCents = resolveHourlyRate(
    billing.hourlyRateCents,
    billing.activityRates,
    work.activityId,
  );
  const price = priceIntervention({
    durationMinutes: work.durationMinutes,
    afterHoursMinutes: work.afterHoursMinutes,
    billable,
    roundingMinutes: Math.max(1, billing.roundingMinutes),
    minimumBillableMinutes: billing.minimumBillableMinutes,
    hourlyRateCents,
    urgencySurchargePercent: urgencyPolicy.levels[work.urgency].surchargePercent,
    afterHoursSurchargePercent: urgencyPolicy.afterHoursSurchargePercent,
  });
  return {
    billable,
    hourlyRateCents,
    billableMinutes: price.billableMinutes,
    afterHoursBillableMinutes: price.afterHoursBillableMinutes,
    baseAmountCents: price.baseAmountCents,
    urgencySurchargePercent: price.surchargePercent,
    urgencySurchargeCents: price.urgencySurchargeCents,
    afterHoursSurchargePercent: urgencyPolicy.afterHoursSurchargePercent,
    afterHoursSurchargeCents: price.afterHoursSurchargeCents,
    amountCents: price.amountCents,
  };
}

/**
 * After-hours work is refused on a contract that does not offer it, except a critical
 * emergency when that level is promised around the clock.
 */
export function afterHoursRefusal(
  policy: UrgencyPolicy,
  urgency: Urgency,
  afterHours: number,
): string | null {
  if (afterHours <= 0 || policy.afterHoursAllowed) return null;
  if (urgency === 'critical' && policy.levels.critical.clock === '24x7') return null;
  return `the contract does not offer after-hours work (${afterHours} min outside business hours); only a critical emergency with a 24x7 clock may be logged then`;
}

export interface ContractDates {
  reference: string;
  startDate: string;
  endDate: string | null;
}

/** Why a day is outside a contract: the whole sentence, the period it names, and its figures. */
export interface OutsideContract {
  message: string;
  period: string;
  figures: { date: string; reference: string; startDate: string; endDate: string | null };
}

/**
 * Work is logged under a contract only while it runs, from its start date to its end date (its
 * last day in force): why `day` is outside, else null. Archiving is not a date; the references
 * check it.
 */
export function outsideContract(contract: ContractDates, day: string): OutsideContract | null {
  if (contractStanding({ ...contract, archivedAt: null }, day) === 'active') return null;
  const period = `${contract.startDate} – ${contract.endDate ?? '…'}`;
  return {
    message: `Work on ${day} is outside the contract ${contract.reference} (${period})`,
    period,
    figures: {
      date: day,
      reference: contract.reference,
      startDate: contract.startDate,
      endDate: contract.endDate,
    },
  };
}

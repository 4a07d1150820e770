/**
 * What makes a contract coherent, and when it is in force. Plain values in, plain values out:
 * the service loads what these rules need (known activities, today's local date) and asks.
 */
import type { BillingMode, UrgencyPolicy } from '../common/domain';
import type { BillingTerms } from './contract.entity';
import { validateUrgencyPolicy, type PolicyProblem } from './urgency-policy-rules';

export interface ContractTerms {
  startDate: string;
  endDate: string | null;
  billing: BillingTerms;
  urgencyPolicy: UrgencyPolicy;
}

/** The billing fields each mode needs; without them the contract could not be billed. */
const REQUIRED_BY_MODE: Record<BillingMode, (keyof BillingTerms)[]> = {
  retainer: ['monthlyFeeCents', 'includedMinutesPerMonth'],
  prepaid: ['prepaidMinutes'],
  time_and_materials: [],
};

const WHY_REQUIRED: Partial<Record<keyof BillingTerms, { code: string; message: string }>> = {
  monthlyFeeCents: {
    code: 'monthly_fee_required',
    message: 'a retainer needs its monthly fee in cents',
  },
  includedMinutesPerMonth: {
    code: 'included_minutes_required',
    message: 'a retainer needs the minutes its monthly fee includes (more than 0)',
  },
  prepaidMinutes: {
    code: 'prepaid_minutes_required',
    message: 'a prepaid contract needs the minutes of the block bought (more than 0)',
  },
};

/** Every coherence problem of a contract, each naming its field; empty when it holds. */
export function contractProblems(
  terms: ContractTerms,
  knownActivityIds: ReadonlySet<string>,
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  if (terms.endDate !== null && terms.endDate < terms.startDate) {
    problems.push({
      field: 'endDate',
      code: 'end_before_start',
      message: `must not be before startDate ${terms.startDate}`,
      startDate: terms.startDate,
      endDate: terms.endDate,
    });
  }
  problems.push(...billingProblems(terms.billing, knownActivityIds));
  problems.push(...validateUrgencyPolicy(terms.urgencyPolicy));
  return problems;
}

function billingProblems(
  billing: BillingTerms,
  knownActivityIds: ReadonlySet<string>,
): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const name of REQUIRED_BY_MODE[billing.mode]) {
    const value = billing[name];
    // Included and prepaid minutes of 0 would make every usage percentage meaningless.
    const missing = value == null || (name !== 'monthlyFeeCents' && value === 0);
    if (missing) {
      const why = WHY_REQUIRED[name] ?? { code: 'required', message: 'is required' };
      problems.push({ field: `billing.${name}`, ...why });
    }
  }
  if (billing.feeTiming === 'advance' && billing.mode !== 'retainer') {
    problems.push({
      field: 'billing.feeTiming',
      code: 'fee_timing',
      message: 'only a retainer has a monthly fee to bill in advance',
      mode: billing.mode,
    });
  }
  const seen = new Set<string>();
  (billing.activityRates ?? []).forEach((rate, index) => {
    const field = `billing.activityRates.${index}.activityId`;
    if (!knownActivityIds.has(rate.activityId)) {
      problems.push({ field, code: 'unknown_activity', message: `no activity ${rate.activityId}` });
    } else if (seen.has(rate.activityId)) {
      problems.push({
        field,
        code: 'duplicate_activity_rate',
        message: 'this activity already has a rate in this contract',
      });
    }
    seen.add(rate.activityId);
  });
  return problems;
}

/**
 * The billing block as stored: fields that do not apply to the mode are dropped, so a prepaid
 * contract never carries a stale monthly fee that an invoice could pick up.
 */
export function billingForMode(billing: BillingTerms): BillingTerms {
  const retainer = billing.mode === 'retainer';
  return {
    ...billing,
    monthlyFeeCents: retainer ? (billing.monthlyFeeCents ?? null) : null,
    includedMinutesPerMonth: retainer ? (billing.includedMinutesPerMonth ?? null) : null,
    prepaidMinutes: billing.mode === 'prepaid' ? (billing.prepaidMinutes ?? null) : null,
    overageRateCents: billing.overageRateCents ?? null,
    activityRates: billing.activityRates ?? [],
    feeTiming: billing.feeTiming ?? 'arrears',
  };
}

export type ContractStanding = 'upcoming' | 'active' | 'ended' | 'archived';

export interface ContractPeriod {
  startDate: string;
  endDate: string | null;
  archivedAt: Date | null;
}

/** Where a contract stands on a local day: the end date is its last day in force. */
export function contractStanding(contract: ContractPeriod, today: string): ContractStanding {
  if (contract.archivedAt !== null) return 'archived';
  if (contract.endDate !== null && today > contract.endDate) return 'ended';
  if (today < contract.startDate) return 'upcoming';
  return 'active';
}

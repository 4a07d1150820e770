/**
 * Coherence of a contract's urgency policy: every problem names the field to fix, so a contract
 * that could never apply its own policy (an overage without a fee, a downgrade with nowhere to
 * go) is refused when it is written, not discovered when a request is filed.
 */
import {
  URGENCY_LEVELS,
  type Urgency,
  type UrgencyLevelPolicy,
  type UrgencyPolicy,
} from '../common/domain';

/**
 * A problem with a contract's terms: the field to fix, a code saying what is wrong (worded for
 * people by the error it is thrown with), the developer's words, and the figures.
 */
export interface PolicyProblem {
  field: string;
  code: string;
  message: string;
  [figure: string]: string | number | null;
}

/** The levels below `level`, highest first: the order a downgrade tries them in. */
export function lowerLevels(level: Urgency): Urgency[] {
  return URGENCY_LEVELS.slice(0, URGENCY_LEVELS.indexOf(level)).reverse();
}

const MAX_SURCHARGE_PERCENT = 500;

/** Coherence problems of a policy, each naming the field to fix; empty when the policy holds. */
export function validateUrgencyPolicy(policy: UrgencyPolicy): PolicyProblem[] {
  const problems = URGENCY_LEVELS.flatMap((level) => levelProblems(policy, level));
  if (!isPercentInRange(policy.afterHoursSurchargePercent)) {
    problems.push({
      field: 'urgencyPolicy.afterHoursSurchargePercent',
      code: 'after_hours_surcharge',
      message: `must be a whole percent between 0 and ${MAX_SURCHARGE_PERCENT}`,
      maxPercent: MAX_SURCHARGE_PERCENT,
    });
  }
  return problems;
}

function levelProblems(policy: UrgencyPolicy, level: Urgency): PolicyProblem[] {
  const p = policy.levels[level];
  const field = (name: keyof UrgencyLevelPolicy) => `urgencyPolicy.levels.${level}.${name}`;
  const problems: PolicyProblem[] = [];
  if (!(p.responseMinutes > 0)) {
    problems.push({
      field: field('responseMinutes'),
      code: 'response_time',
      message: 'must be more than 0 minutes',
      level,
    });
  }
  if (p.monthlyQuota !== null && !(Number.isInteger(p.monthlyQuota) && p.monthlyQuota >= 0)) {
    problems.push({
      field: field('monthlyQuota'),
      code: 'monthly_quota',
      message: 'must be a whole number of requests, 0 or more, or null for unlimited',
      level,
    });
  }
  if (!isPercentInRange(p.surchargePercent)) {
    problems.push({
      field: field('surchargePercent'),
      code: 'level_surcharge',
      message: `must be a whole percent between 0 and ${MAX_SURCHARGE_PERCENT}`,
      level,
      maxPercent: MAX_SURCHARGE_PERCENT,
    });
  }
  // An unlimited level never goes over quota, so its over-quota behaviour never applies.
  if (p.monthlyQuota === null) return problems;
  const fee = p.overageFeeCents ?? 0;
  if (p.overQuota === 'overage' && !(Number.isInteger(fee) && fee > 0)) {
    problems.push({
      field: field('overageFeeCents'),
      code: 'overage_fee_required',
      message: `${level} is billed as overage over quota, so it needs an overage fee of more than 0 cents`,
      level,
    });
  }
  if (p.overQuota === 'downgrade' && neverHasLowerRoom(policy, level)) {
    problems.push({
      field: field('overQuota'),
      code: level === URGENCY_LEVELS[0] ? 'downgrade_lowest' : 'downgrade_no_room',
      message: downgradeDeadEnd(level),
      level,
    });
  }
  return problems;
}

function neverHasLowerRoom(policy: UrgencyPolicy, level: Urgency): boolean {
  return lowerLevels(level).every((lower) => policy.levels[lower].monthlyQuota === 0);
}

function downgradeDeadEnd(level: Urgency): string {
  return level === URGENCY_LEVELS[0]
    ? `${level} is the lowest level: there is nothing to downgrade to; choose reject or overage`
    : `every level below ${level} has a quota of 0, so a downgrade never finds room; choose reject or overage`;
}

function isPercentInRange(percent: number): boolean {
  return Number.isInteger(percent) && percent >= 0 && percent <= MAX_SURCHARGE_PERCENT;
}

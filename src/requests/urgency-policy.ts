/**
 * What a contract's urgency policy does with a new request: accept it at the requested level,
 * downgrade it to a lower level that still has room, accept it with an overage fee, or reject it.
 */
import {
  URGENCY_LEVELS,
  type Urgency,
  type UrgencyLevelPolicy,
  type UrgencyPolicy,
} from '../common/domain';

export interface UrgencyPolicyInput {
  requested: Urgency;
  policy: UrgencyPolicy;
  /** Units already used this month, per applied level. */
  usage: Record<Urgency, number>;
  /** 'YYYY-MM-DD': the first day of next month in the practice zone. */
  resetsOn: string;
}

/** Quota use of the applied level, counting the request being decided. */
export interface QuotaUse {
  level: Urgency;
  used: number;
  quota: number | null;
}

export type UrgencyDecision =
  | { outcome: 'accepted'; applied: Urgency; quota: QuotaUse }
  | { outcome: 'downgraded'; applied: Urgency; requested: Urgency; reason: string; quota: QuotaUse }
  | {
      outcome: 'overage';
      applied: Urgency;
      overageFeeCents: number;
      reason: string;
      quota: QuotaUse;
    }
  | {
      outcome: 'rejected';
      level: Urgency;
      used: number;
      quota: number;
      resetsOn: string;
      message: string;
    };

export interface PolicyProblem {
  field: string;
  message: string;
}

export function applyUrgencyPolicy(input: UrgencyPolicyInput): UrgencyDecision {
  const { requested, policy, usage } = input;
  const levelPolicy = policy.levels[requested];
  const quota = levelPolicy.monthlyQuota;
  const used = usage[requested];
  if (quota === null || used < quota) {
    return {
      outcome: 'accepted',
      applied: requested,
      quota: { level: requested, used: used + 1, quota },
    };
  }
  const full = `${requested} quota used (${used}/${quota}) this month`;
  switch (levelPolicy.overQuota) {
    case 'reject':
      return rejection(input, quota, '');
    case 'downgrade':
      return downgrade(input, quota, full);
    case 'overage': {
      const overageFeeCents = levelPolicy.overageFeeCents ?? 0;
      return {
        outcome: 'overage',
        applied: requested,
        overageFeeCents,
        reason: `${full}; accepted with an overage fee of ${formatEuros(overageFeeCents)}`,
        quota: { level: requested, used: used + 1, quota },
      };
    }
  }
}

function downgrade(input: UrgencyPolicyInput, quota: number, full: string): UrgencyDecision {
  const { requested, policy, usage } = input;
  const lower = lowerLevels(requested).find((level) => hasRoom(policy.levels[level], usage[level]));
  if (lower === undefined) {
    return rejection(input, quota, ' and no lower level has room');
  }
  const lowerQuota = policy.levels[lower].monthlyQuota;
  const lowerUsed = usage[lower] + 1;
  const room = lowerQuota === null ? 'no quota' : `${lowerUsed}/${lowerQuota} used`;
  return {
    outcome: 'downgraded',
    applied: lower,
    requested,
    reason: `${full}; applied as ${lower} (${room})`,
    quota: { level: lower, used: lowerUsed, quota: lowerQuota },
  };
}

function rejection(input: UrgencyPolicyInput, quota: number, why: string): UrgencyDecision {
  const { requested: level, resetsOn } = input;
  const used = input.usage[level];
  return {
    outcome: 'rejected',
    level,
    used,
    quota,
    resetsOn,
    message: `Quota of ${level} requests reached for this month (${used}/${quota})${why}; it resets on ${resetsOn}.`,
  };
}

/** The levels below `level`, highest first: the order a downgrade tries them in. */
function lowerLevels(level: Urgency): Urgency[] {
  return URGENCY_LEVELS.slice(0, URGENCY_LEVELS.indexOf(level)).reverse();
}

function hasRoom(levelPolicy: UrgencyLevelPolicy, used: number): boolean {
  return levelPolicy.monthlyQuota === null || used < levelPolicy.monthlyQuota;
}

function formatEuros(cents: number): string {
  const whole = Math.trunc(cents / 100);
  return `${whole}.${String(Math.abs(cents % 100)).padStart(2, '0')} EUR`;
}

const MAX_SURCHARGE_PERCENT = 500;

/** Coherence problems of a policy, each naming the field to fix; empty when the policy holds. */
export function validateUrgencyPolicy(policy: UrgencyPolicy): PolicyProblem[] {
  const problems = URGENCY_LEVELS.flatMap((level) => levelProblems(policy, level));
  if (!isPercentInRange(policy.afterHoursSurchargePercent)) {
    problems.push({
      field: 'urgencyPolicy.afterHoursSurchargePercent',
      message: `must be a whole percent between 0 and ${MAX_SURCHARGE_PERCENT}`,
    });
  }
  return problems;
}

function levelProblems(policy: UrgencyPolicy, level: Urgency): PolicyProblem[] {
  const p = policy.levels[level];
  const field = (name: keyof UrgencyLevelPolicy) => `urgencyPolicy.levels.${level}.${name}`;
  const problems: PolicyProblem[] = [];
  if (!(p.responseMinutes > 0)) {
    problems.push({ field: field('responseMinutes'), message: 'must be more than 0 minutes' });
  }
  if (p.monthlyQuota !== null && !(Number.isInteger(p.monthlyQuota) && p.monthlyQuota >= 0)) {
    problems.push({
      field: field('monthlyQuota'),
      message: 'must be a whole number of requests, 0 or more, or null for unlimited',
    });
  }
  if (!isPercentInRange(p.surchargePercent)) {
    problems.push({
      field: field('surchargePercent'),
      message: `must be a whole percent between 0 and ${MAX_SURCHARGE_PERCENT}`,
    });
  }
  // An unlimited level never goes over quota, so its over-quota behaviour never applies.
  if (p.monthlyQuota === null) return problems;
  const fee = p.overageFeeCents ?? 0;
  if (p.overQuota === 'overage' && !(Number.isInteger(fee) && fee > 0)) {
    problems.push({
      field: field('overageFeeCents'),
      message: `${level} is billed as overage over quota, so it needs an overage fee of more than 0 cents`,
    });
  }
  if (p.overQuota === 'downgrade' && neverHasLowerRoom(policy, level)) {
    problems.push({ field: field('overQuota'), message: downgradeDeadEnd(level) });
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

/**
 * What a contract's urgency policy does with a new request: accept it at the requested level,
 * downgrade it to a lower level that still has room, accept it with an overage fee, or reject it.
 */
import type { Urgency, UrgencyLevelPolicy, UrgencyPolicy } from '../common/domain';
import { lowerLevels } from '../contracts/urgency-policy-rules';

// Checking a policy's coherence belongs to the contract that holds it; re-exported for callers here.
export { validateUrgencyPolicy, type PolicyProblem } from '../contracts/urgency-policy-rules';

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

function hasRoom(levelPolicy: UrgencyLevelPolicy, used: number): boolean {
  return levelPolicy.monthlyQuota === null || used < levelPolicy.monthlyQuota;
}

function formatEuros(cents: number): string {
  const whole = Math.trunc(cents / 100);
  return `${whole}.${String(Math.abs(cents % 100)).padStart(2, '0')} EUR`;
}

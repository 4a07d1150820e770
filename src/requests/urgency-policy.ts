/**
 * What a contract's urgency policy does with a new request: accept it at the requested level,
 * downgrade it to a lower level that still has room, accept it with an overage fee, or reject it.
 */
import type { Urgency, UrgencyLevelPolicy, UrgencyPolicy } from '../common/domain';
import { outcome } from '../common/outcome';
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

/**
 * Why a request does not simply get the level it asked for, as a code and figures (worded by
 * `quota.<code>`): the requested level's quota was used up (`level`, `used` of `quota`), so it
 * was downgraded to `appliedLevel` (its use after this request, `appliedQuota` null when
 * unlimited) or accepted with an overage fee.
 */
export type PolicyReason =
  | {
      code: 'downgraded';
      level: Urgency;
      used: number;
      quota: number;
      appliedLevel: Urgency;
      appliedUsed: number;
      appliedQuota: number | null;
    }
  | { code: 'overage'; level: Urgency; used: number; quota: number; overageFeeCents: number };

/**
 * Why a request is refused: the level's quota is used up and the policy rejects
 * (`quota_reached`), or downgrades but no lower level has room (`no_lower_room`); the quota
 * resets on `resetsOn`.
 */
export interface PolicyRefusal {
  code: 'quota_reached' | 'no_lower_room';
  level: Urgency;
  used: number;
  quota: number;
  resetsOn: string;
}

export type UrgencyDecision =
  | { outcome: 'accepted'; applied: Urgency; quota: QuotaUse }
  | {
      outcome: 'downgraded';
      applied: Urgency;
      requested: Urgency;
      reason: PolicyReason;
      quota: QuotaUse;
    }
  | {
      outcome: 'overage';
      applied: Urgency;
      overageFeeCents: number;
      reason: PolicyReason;
      quota: QuotaUse;
    }
  | { outcome: 'rejected'; refusal: PolicyRefusal };

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
  switch (levelPolicy.overQuota) {
    case 'reject':
      return rejection(input, quota, 'quota_reached');
    case 'downgrade':
      return downgrade(input, quota);
    case 'overage': {
      const overageFeeCents = levelPolicy.overageFeeCents ?? 0;
      return {
        outcome: 'overage',
        applied: requested,
        overageFeeCents,
        reason: outcome('quota', 'overage', { level: requested, used, quota, overageFeeCents }),
        quota: { level: requested, used: used + 1, quota },
      };
    }
  }
}

function downgrade(input: UrgencyPolicyInput, quota: number): UrgencyDecision {
  const { requested, policy, usage } = input;
  const lower = lowerLevels(requested).find((level) => hasRoom(policy.levels[level], usage[level]));
  if (lower === undefined) return rejection(input, quota, 'no_lower_room');
  const lowerQuota = policy.levels[lower].monthlyQuota;
  const lowerUsed = usage[lower] + 1;
  return {
    outcome: 'downgraded',
    applied: lower,
    requested,
    reason: outcome('quota', 'downgraded', {
      level: requested,
      used: usage[requested],
      quota,
      appliedLevel: lower,
      appliedUsed: lowerUsed,
      appliedQuota: lowerQuota,
    }),
    quota: { level: lower, used: lowerUsed, quota: lowerQuota },
  };
}

function rejection(
  input: UrgencyPolicyInput,
  quota: number,
  code: PolicyRefusal['code'],
): UrgencyDecision {
  const { requested: level, resetsOn } = input;
  const used = input.usage[level];
  return {
    outcome: 'rejected',
    refusal: { code, level, used, quota, resetsOn },
  };
}

function hasRoom(levelPolicy: UrgencyLevelPolicy, used: number): boolean {
  return levelPolicy.monthlyQuota === null || used < levelPolicy.monthlyQuota;
}

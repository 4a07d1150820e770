/** Which alerts a contract calls for today. Plain values in, plain values out. */
import type { BillingTerms } from '../contracts/contract.entity';
import type { AlertKind } from './alert.entity';

export interface ContractFacts {
  reference: string;
  billing: BillingTerms;
  endDate: string | null;
  /** Billable minutes of the current month. */
  monthMinutes: number;
  /** Billable minutes since the contract began. */
  totalMinutes: number;
}

/**
 * The figures an alert states, beside its code (its kind): its words are the catalogue's
 * `alert.<kind>` filled with them, in each reader's language.
 */
export interface AlertFigures {
  reference: string;
  /** usage alerts: the month's included minutes, or the prepaid block */
  allowance?: 'included' | 'prepaid';
  percent?: number;
  /** the allowance, in minutes */
  minutes?: number;
  usedMinutes?: number;
  month?: string;
  /** ending alerts: the last day in force, and the days left until it */
  endDate?: string;
  days?: number;
}

export interface AlertDue {
  kind: AlertKind;
  period: string;
  figures: AlertFigures;
}

export const ENDING_NOTICE_DAYS = 30;
const THRESHOLDS: { kind: AlertKind; percent: number }[] = [
  { kind: 'usage_80', percent: 80 },
  { kind: 'usage_100', percent: 100 },
];

/** The alerts due for a contract in force, on local day `today` of practice month `month`. */
export function alertsDue(facts: ContractFacts, today: string, month: string): AlertDue[] {
  return [...usageAlerts(facts, month), ...endingAlerts(facts, today)];
}

/**
 * The usage figures of a contract now, whether or not a threshold is passed: what an alert
 * raised earlier shows when it is read (the ledger's current figures, not those of the moment
 * it was raised). Null when the contract has no allowance.
 */
export function currentUsage(facts: ContractFacts, month: string): AlertFigures | null {
  const due = usageAlerts(facts, month, true);
  return due.length > 0 ? due[0].figures : null;
}

function usageAlerts(facts: ContractFacts, month: string, always = false): AlertDue[] {
  const { billing, reference } = facts;
  const allowance =
    billing.mode === 'retainer'
      ? {
          allowance: 'included' as const,
          minutes: billing.includedMinutesPerMonth ?? 0,
          used: facts.monthMinutes,
          period: month,
        }
      : billing.mode === 'prepaid'
        ? {
            allowance: 'prepaid' as const,
            minutes: billing.prepaidMinutes ?? 0,
            used: facts.totalMinutes,
            // A new block (a top-up changes its size) arms the alerts again.
            period: `prepaid-${billing.prepaidMinutes ?? 0}`,
          }
        : null;
  if (allowance === null || allowance.minutes <= 0) return [];
  const { minutes, used, period } = allowance;
  const percent = Math.floor((used * 100) / minutes);
  // Only the highest threshold passed: crossing 80 % and 100 % between two readings is one alert.
  const passed = always
    ? [THRESHOLDS[0]]
    : THRESHOLDS.filter((t) => used * 100 >= minutes * t.percent).slice(-1);
  return passed.map((t) => ({
    kind: t.kind,
    period,
    figures: {
      reference,
      allowance: allowance.allowance,
      percent,
      minutes,
      usedMinutes: used,
      ...(allowance.allowance === 'included' ? { month } : {}),
    },
  }));
}

function endingAlerts(facts: ContractFacts, today: string): AlertDue[] {
  if (facts.endDate === null) return [];
  const days = daysBetween(today, facts.endDate);
  if (days < 0 || days > ENDING_NOTICE_DAYS) return [];
  const figures = { reference: facts.reference, endDate: facts.endDate, days };
  return [{ kind: 'contract_ending', period: facts.endDate, figures }];
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

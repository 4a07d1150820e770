import { dailySpanMinutesBetween } from '../../src/calendar';
import {
  judgeGuardrails,
  NIGHT_SPANS,
  periodScope,
  type WorkLedger,
} from '../../src/interventions/guardrails';
import type { WorkloadInput } from '../../src/reports/workload-indicators';

/**
 * A workload input written as days, with the guardrails' warnings the report is given: each
 * day's work is one stretch from its first start to the end of its work, its totals as written.
 */
export function withGuardrails(
  input: Omit<WorkloadInput, 'warnings'>,
  zone = 'Europe/Paris',
): WorkloadInput {
  const ledger: WorkLedger = { zone, days: new Map(), stretches: [] };
  for (const day of [...input.days].sort((a, b) => a.date.localeCompare(b.date))) {
    // A day that only continues the night's work (newWorkStart null) starts no stretch.
    const first = day.newWorkStart === undefined ? day.firstStart : day.newWorkStart;
    const [start, end] = [Date.parse(first ?? ''), Date.parse(day.workEnd ?? day.lastEnd)];
    if (Number.isNaN(Date.parse(day.firstStart)) || Number.isNaN(end)) continue; // refused later
    ledger.days.set(day.date, {
      workedMs: day.workedMinutes * 60_000,
      afterHoursMinutes: day.afterHoursMinutes,
      nightMinutes: first
        ? dailySpanMinutesBetween(new Date(start), new Date(end), zone, NIGHT_SPANS)
        : 0,
      urgentStarts: day.urgentInterruptions,
    });
    if (first === null) continue;
    const last = ledger.stretches[ledger.stretches.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ledger.stretches.push([start, end]);
  }
  const warnings = judgeGuardrails(ledger, input.limits, periodScope(input.from, input.to));
  return { ...input, warnings };
}

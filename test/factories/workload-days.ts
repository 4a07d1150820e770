import { dailySpanMinutesBetween } from '../../src/calendar';
import { GuardrailJudge } from '../../src/interventions/guardrail-judge';
import { NIGHT_SPANS } from '../../src/interventions/guardrails';
import type { WorkloadInput } from '../../src/reports/workload-indicators';

/**
 * A workload input written as days, with the guardrails' warnings the report is given: each
 * day's work is one stretch from its first start to the end of its work, its totals as written.
 */
export function withGuardrails(
  input: Omit<WorkloadInput, 'warnings'>,
  zone = 'Europe/Paris',
): WorkloadInput {
  const days = [...input.days].sort((a, b) => a.date.localeCompare(b.date));
  const judge = new GuardrailJudge(
    { timezone: zone, limits: input.limits },
    { from: input.from, to: input.to, earliest: days[0]?.date },
  );
  const stretches: [number, number][] = [];
  for (const day of days) {
    // A day that only continues the night's work (newWorkStart null) starts no stretch.
    const first = day.newWorkStart === undefined ? day.firstStart : day.newWorkStart;
    const [start, end] = [Date.parse(first ?? ''), Date.parse(day.workEnd ?? day.lastEnd)];
    if (Number.isNaN(Date.parse(day.firstStart)) || Number.isNaN(end)) continue; // refused later
    judge.addDay(day.date, {
      workedMs: day.workedMinutes * 60_000,
      afterHoursMinutes: day.afterHoursMinutes,
      nightMinutes: first
        ? dailySpanMinutesBetween(new Date(start), new Date(end), zone, NIGHT_SPANS)
        : 0,
      urgentStarts: day.urgentInterruptions,
    });
    if (first === null) continue;
    stretches.push([start, end]);
  }
  for (const [start, end] of stretches.sort((a, b) => a[0] - b[0])) judge.addStretch(start, end);
  const warnings = judge.finish();
  return { ...input, warnings };
}

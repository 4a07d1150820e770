/** Which start and end instants an intervention may have. Pure. */
import { formatMinutes } from './guardrails';

const MS_PER_MINUTE = 60_000;
export const MAX_INTERVENTION_MINUTES = 24 * 60;
/** A device clock a little ahead of the server's must not make a fresh entry "future". */
export const CLOCK_SKEW_MINUTES = 5;
/** A timer forgotten overnight is stopped at this length when next read. */
export const TIMER_LIMIT_MINUTES = 12 * 60;

export interface TimeProblem {
  field: 'startedAt' | 'endedAt';
  code: 'future_start' | 'end_before_start' | 'too_long' | 'future_end';
  message: string;
  minutes?: number;
  maxMinutes?: number;
}

/** The problems with [start, end) as logged work at `now`; empty when it may be recorded. */
export function workTimeProblems(start: Date, end: Date, now: Date): TimeProblem[] {
  const lastAccepted = now.getTime() + CLOCK_SKEW_MINUTES * MS_PER_MINUTE;
  const problems: TimeProblem[] = [];
  if (start.getTime() > lastAccepted) {
    problems.push({
      field: 'startedAt',
      code: 'future_start',
      message: 'startedAt is in the future',
    });
  }
  if (end.getTime() <= start.getTime()) {
    problems.push({
      field: 'endedAt',
      code: 'end_before_start',
      message: 'endedAt must be after startedAt',
    });
    return problems;
  }
  const lasted = (end.getTime() - start.getTime()) / MS_PER_MINUTE;
  if (lasted > MAX_INTERVENTION_MINUTES) {
    problems.push({
      field: 'endedAt',
      code: 'too_long',
      message: `an intervention lasts at most 24 h; this one lasts ${formatMinutes(lasted)}`,
      minutes: Math.round(lasted),
      maxMinutes: MAX_INTERVENTION_MINUTES,
    });
  }
  if (end.getTime() > lastAccepted) {
    problems.push({
      field: 'endedAt',
      code: 'future_end',
      message: 'endedAt is in the future: log work once it is done, or start the timer',
    });
  }
  return problems;
}

/** A running timer's end: now, or its 12-hour limit when it was left running longer. */
export function timerEnd(start: Date, now: Date): { end: Date; autoStopped: boolean } {
  const limit = start.getTime() + TIMER_LIMIT_MINUTES * MS_PER_MINUTE;
  return now.getTime() > limit
    ? { end: new Date(limit), autoStopped: true }
    : { end: now, autoStopped: false };
}

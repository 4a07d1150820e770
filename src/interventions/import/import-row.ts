/** The time trackers whose CSV exports can be imported. */
export const TIMESHEET_SOURCES = ['toggl', 'clockify', 'kimai'] as const;
export type TimesheetSource = (typeof TIMESHEET_SOURCES)[number];

/** Day-month order of slashed dates such as 03/04/2026 (Clockify follows the workspace setting). */
export type DateOrder = 'DMY' | 'MDY';

export interface ParseTimesheetOptions {
  /** IANA zone the exported local dates and times are read in. */
  timezone: string;
  /** Order of slashed dates; detected from the file when omitted and the file makes it unambiguous. */
  dateFormat?: DateOrder;
}

/**
 * One accepted time entry of an import.
 * `row` is the line number in the file where the entry starts (the header is line 1, so the
 * first entry is usually 2), so the user can find it in a spreadsheet or an editor.
 */
export interface ImportRow {
  row: number;
  clientName: string;
  projectName: string;
  activityName: string | null;
  description: string;
  start: Date;
  end: Date;
  billable: boolean;
  tags: string[];
  /** Who tracked the entry, in a team export: null when the file has no such column or cell. */
  userName: string | null;
  userEmail: string | null;
}

/** A refused line, with a reason the user can act on. */
export interface ImportError {
  row: number;
  reason: string;
}

/**
 * Why a file cannot be read at all, and what to change: the file itself, or the date format
 * it leaves undecided.
 */
export interface UnreadableFile {
  field: 'file' | 'dateFormat';
  reason: string;
  /** What is wrong, for the words people read, with the figures they need. */
  problem: 'timezone' | 'not_csv' | 'empty' | 'missing_columns' | 'ambiguous_dates';
  figures?: Record<string, string>;
}

export interface ParsedTimesheet {
  rows: ImportRow[];
  errors: ImportError[];
  /** Set when no row could be read; `errors` then holds the same reason on line 1. */
  unreadable?: UnreadableFile;
}

/** The time trackers whose CSV exports can be imported. */
export const TIMESHEET_SOURCES = ['toggl', 'clockify', 'kimai', 'solidtime', 'harvest'] as const;
export type TimesheetSource = (typeof TIMESHEET_SOURCES)[number];

/** Day-month order of slashed dates such as 03/04/2026 (Clockify follows the workspace setting). */
export type DateOrder = 'DMY' | 'MDY';

export interface ParseTimesheetOptions {
  /** IANA zone the exported local dates and times are read in. */
  timezone: string;
  /** Order of slashed dates; detected from the file when omitted and the file makes it unambiguous. */
  dateFormat?: DateOrder;
  /**
   * Where a day's work begins, for exports that give durations without times of day (Harvest):
   * its entries are laid end to end from then, in the file's order. 09:00 when not said.
   */
  dayStart?: (day: { year: number; month: number; day: number }) => {
    hour: number;
    minute: number;
  };
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

/**
 * Why a line is refused: a stable code and the figures its words need, never a sentence. The
 * words are the catalogue's `import.refused.<code>` filled with the figures (`refusal-text.ts`),
 * in the reader's language. Figures are machine values: cells and column names as the file
 * writes them, days as `YYYY-MM-DD`, wall-clock times in the practice's zone as
 * `YYYY-MM-DDTHH:mm`, durations in minutes.
 */
export type ImportRefusal =
  // The file as a whole (line 1), when no row can be read: see UnreadableFile.
  | { code: 'timezone'; timezone: string }
  | { code: 'not_csv'; line: number | null }
  | { code: 'encoding'; line: number }
  | { code: 'not_text'; line: number }
  | { code: 'empty' }
  | { code: 'missing_columns'; source: string; columns: string }
  // A slashed date no row of the file decides the order of, or a file written in both orders.
  | { code: 'ambiguous_dates'; column: string; value: string; line: number }
  | {
      code: 'mixed_dates';
      column: string;
      dayFirst: string;
      dayFirstLine: number;
      monthFirst: string;
      monthFirstLine: number;
    }
  // A row's cells.
  | { code: 'missing_column'; column: string }
  | { code: 'empty_cell'; column: string }
  | { code: 'not_a_date'; column: string; value: string; expected: 'DMY' | 'MDY' | 'ISO' }
  | { code: 'not_a_time'; column: string; value: string }
  | { code: 'not_a_duration'; column: string; value: string }
  | { code: 'no_duration'; column: string; value: string }
  | { code: 'day_full'; date: string }
  | { code: 'not_yes_or_no'; column: string; value: string }
  | { code: 'clocks_forward'; column: string; at: string; timezone: string }
  | {
      code: 'end_not_after_start';
      startColumn: string;
      endColumn: string;
      start: string;
      end: string;
    }
  | {
      code: 'overnight_unclear';
      startColumn: string;
      startTime: string;
      endColumn: string;
      endTime: string;
      durationColumn: string;
      duration: string;
    }
  // A row's work, checked like a manual entry.
  | { code: 'too_long'; minutes: number; maxMinutes: number }
  | { code: 'future_start' }
  | { code: 'future_end' }
  | { code: 'end_before_start' }
  | { code: 'someone_else'; userName: string | null; userEmail: string; email: string }
  | { code: 'no_contract'; client: string | null; project: string | null }
  | { code: 'several_contracts'; client: string | null; project: string | null; count: number }
  | {
      code: 'unknown_mapped_contract';
      client: string | null;
      project: string | null;
      contractId: string;
    }
  | { code: 'contract_unusable'; contractId: string }
  | { code: 'no_activity' }
  | { code: 'unknown_activity'; activity: string }
  | {
      code: 'outside_contract';
      date: string;
      reference: string;
      startDate: string;
      endDate: string | null;
    }
  | { code: 'after_hours'; afterHoursMinutes: number }
  // Overlaps, with recorded work or with an earlier line of the file.
  | { code: 'overlaps_recorded'; start: string; end: string }
  | { code: 'overlaps_row'; otherRow: number; start: string; end: string };

export type ImportRefusalCode = ImportRefusal['code'];

/** A refused line: its number in the file, and why, as a code with its figures. */
export type ImportError = { row: number } & ImportRefusal;

/** A refused line as the report gives it: its code and figures, and their words (`reason`). */
export type RefusedRow = ImportError & { reason: string };

/**
 * Why a file cannot be read at all, and what to change: the file itself, or the date format
 * it leaves undecided.
 */
export interface UnreadableFile {
  field: 'file' | 'dateFormat';
  /** For logs: developer English. */
  reason: string;
  /** What is wrong, with the figures people need (`error.invalid.<field>` words them). */
  refusal: Extract<
    ImportRefusal,
    {
      code:
        | 'timezone'
        | 'not_csv'
        | 'encoding'
        | 'not_text'
        | 'empty'
        | 'missing_columns'
        | 'ambiguous_dates'
        | 'mixed_dates';
    }
  >;
}

export interface ParsedTimesheet {
  rows: ImportRow[];
  errors: ImportError[];
  /** The order slashed dates were read in: chosen, or proven by the file; null when it has none. */
  dateOrder?: DateOrder | null;
  /** Set when no row could be read; `errors` then holds the same refusal on line 1. */
  unreadable?: UnreadableFile;
}

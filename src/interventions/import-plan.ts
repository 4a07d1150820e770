/**
 * What an import would record: each mapped row checked and priced like a manual entry, or
 * refused with a code and its figures. Pure: plain values in, plain values out.
 */
import type { Location, Urgency } from '../common/domain';
import type { ImportError, ImportRefusal, ImportRow, MappedImportRow } from './import';
import { foldName } from './import/map-rows-to-contracts';
import type { BusinessClock } from '../calendar';
import {
  afterHoursRefusal,
  measureWork,
  outsideContract,
  priceWork,
  type ContractDates,
  type ContractTerms,
  type MeasuredWork,
  type PricedWork,
} from './work-figures';
import { MAX_INTERVENTION_MINUTES, workTimeProblems, type TimeProblem } from './work-times';

export interface PlannedContract extends ContractTerms, ContractDates {
  id: string;
  clientId: string;
}

export interface PlannedActivity {
  id: string;
  name: string;
  billable: boolean;
}

export interface ImportContext {
  contracts: ReadonlyMap<string, PlannedContract>;
  activities: readonly PlannedActivity[];
  /** For rows whose activity column is empty or names no activity. */
  defaultActivityId: string | null;
  urgency: Urgency;
  calendar: BusinessClock;
  now: Date;
}

export interface PlannedIntervention {
  row: number;
  start: Date;
  end: Date;
  contract: PlannedContract;
  activityId: string;
  urgency: Urgency;
  location: Location;
  description: string;
  billable: boolean;
  measured: MeasuredWork;
  priced: PricedWork;
}

export interface ImportPlan {
  planned: PlannedIntervention[];
  refused: ImportError[];
}

/** Tags that say the work was done at the client's. */
const ONSITE_TAGS = new Set(['onsite', 'on site', 'on-site', 'sur site', 'sur place', 'vor ort']);

export function planImport(rows: readonly MappedImportRow[], context: ImportContext): ImportPlan {
  const activities = new Map(context.activities.map((a) => [foldName(a.name), a]));
  const fallback = context.activities.find((a) => a.id === context.defaultActivityId) ?? null;
  const planned: PlannedIntervention[] = [];
  const refused: ImportError[] = [];
  for (const row of rows) {
    const result = planRow(row, context, activities, fallback);
    if ('code' in result) refused.push({ row: row.row, ...result });
    else planned.push(result);
  }
  return { planned, refused };
}

function planRow(
  row: MappedImportRow,
  context: ImportContext,
  activities: ReadonlyMap<string, PlannedActivity>,
  fallback: PlannedActivity | null,
): PlannedIntervention | ImportRefusal {
  const contract = context.contracts.get(row.contractId);
  if (!contract) return { code: 'contract_unusable', contractId: row.contractId };
  const named = row.activityName === null ? undefined : activities.get(foldName(row.activityName));
  const activity = named ?? fallback;
  if (!activity) {
    return row.activityName === null
      ? { code: 'no_activity' }
      : { code: 'unknown_activity', activity: row.activityName };
  }
  const [problem] = workTimeProblems(row.start, row.end, context.now);
  if (problem) return timeRefusal(problem);
  const measured = measureWork(row.start, row.end, context.calendar);
  // The first piece is the local day the work started on, as for a manual entry.
  const outside = outsideContract(contract, measured.pieces[0].date);
  if (outside) return { code: 'outside_contract', ...outside.figures };
  const { urgency } = context;
  const { afterHoursMinutes } = measured;
  if (afterHoursRefusal(contract.urgencyPolicy, urgency, afterHoursMinutes) !== null) {
    return { code: 'after_hours', afterHoursMinutes };
  }
  const priced = priceWork(
    {
      activityId: activity.id,
      urgency,
      billable: row.billable,
      activityBillable: activity.billable,
      ...measured,
    },
    contract,
  );
  const onsite = row.tags.some((tag) => ONSITE_TAGS.has(foldName(tag)));
  return {
    row: row.row,
    start: row.start,
    end: row.end,
    contract,
    activityId: activity.id,
    urgency,
    location: onsite ? 'onsite' : 'remote',
    description: row.description,
    billable: priced.billable,
    measured,
    priced,
  };
}

/**
 * A team export holds everyone's entries; only those of `email` are imported, as the caller's
 * work. A row without an email (the column is absent or empty) is taken as theirs.
 */
export function keepOwnRows(
  rows: readonly ImportRow[],
  email: string,
): { own: ImportRow[]; refused: ImportError[] } {
  const own: ImportRow[] = [];
  const refused: ImportError[] = [];
  const wanted = foldEmail(email);
  for (const row of rows) {
    if (row.userEmail === null || foldEmail(row.userEmail) === wanted) own.push(row);
    else {
      refused.push({
        row: row.row,
        code: 'someone_else',
        userName: row.userName,
        userEmail: row.userEmail,
        email,
      });
    }
  }
  return { own, refused };
}

function foldEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The first problem of the row's times, as a manual entry would be refused for it. */
function timeRefusal(problem: TimeProblem): ImportRefusal {
  if (problem.code === 'too_long') {
    return {
      code: 'too_long',
      minutes: problem.minutes ?? 0,
      maxMinutes: problem.maxMinutes ?? MAX_INTERVENTION_MINUTES,
    };
  }
  return { code: problem.code };
}

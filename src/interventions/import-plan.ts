/**
 * What an import would record: each mapped row checked and priced like a manual entry, or
 * refused with a reason. Pure: plain values in, plain values out.
 */
import type { Location, Urgency } from '../common/domain';
import type { ImportError, MappedImportRow } from './import';
import { foldName } from './import/map-rows-to-contracts';
import type { WorkCalendar } from './work-calendar';
import {
  afterHoursRefusal,
  measureWork,
  priceWork,
  type ContractTerms,
  type MeasuredWork,
  type PricedWork,
} from './work-figures';
import { workTimeProblems } from './work-times';

export interface PlannedContract extends ContractTerms {
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
  calendar: WorkCalendar;
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
    if ('reason' in result) refused.push({ row: row.row, reason: result.reason });
    else planned.push(result);
  }
  return { planned, refused };
}

function planRow(
  row: MappedImportRow,
  context: ImportContext,
  activities: ReadonlyMap<string, PlannedActivity>,
  fallback: PlannedActivity | null,
): PlannedIntervention | { reason: string } {
  const contract = context.contracts.get(row.contractId);
  if (!contract) return { reason: `contract ${row.contractId} cannot be used` };
  const named = row.activityName === null ? undefined : activities.get(foldName(row.activityName));
  const activity = named ?? fallback;
  if (!activity) return { reason: missingActivity(row.activityName) };
  const problems = workTimeProblems(row.start, row.end, context.now);
  if (problems.length > 0) return { reason: problems.map((p) => p.message).join('; ') };
  const measured = measureWork(row.start, row.end, context.calendar);
  const { urgency } = context;
  const refusal = afterHoursRefusal(contract.urgencyPolicy, urgency, measured.afterHoursMinutes);
  if (refusal !== null) return { reason: refusal };
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

function missingActivity(name: string | null): string {
  return name === null
    ? 'no activity on this row; choose a default activity (activityId)'
    : `no activity named "${name}"; create it, or choose a default activity (activityId)`;
}

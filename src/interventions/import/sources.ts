import { TimesheetSource } from './import-row';

/** The facts an import reads from a row, whatever the tool calls its columns. */
export type ImportField =
  | 'client'
  | 'project'
  | 'activity'
  | 'description'
  | 'billable'
  | 'tags'
  | 'startDate'
  | 'startTime'
  | 'endDate'
  | 'endTime'
  | 'duration'
  | 'userName'
  | 'userEmail';

/**
 * How one tool names its columns. The first name of each list is the one used in messages;
 * the others are localised labels of the same column.
 */
export interface SourceLayout {
  label: string;
  columns: Partial<Record<ImportField, string[]>>;
  required: ImportField[];
}

/** Toggl Track, detailed report: User,Email,Client,Project,Task,Description,Billable,Start date,… */
const TOGGL: SourceLayout = {
  label: 'Toggl Track',
  columns: {
    client: ['Client'],
    project: ['Project'],
    activity: ['Task'],
    description: ['Description'],
    billable: ['Billable'],
    tags: ['Tags'],
    startDate: ['Start date'],
    startTime: ['Start time'],
    endDate: ['End date'],
    endTime: ['End time'],
    userName: ['User'],
    userEmail: ['Email'],
  },
  required: ['client', 'project', 'startDate', 'startTime', 'endDate', 'endTime'],
};

/** Clockify, detailed report: Project,Client,Description,Task,User,Group,Email,Tags,Billable,… */
const CLOCKIFY: SourceLayout = {
  label: 'Clockify',
  columns: {
    client: ['Client'],
    project: ['Project'],
    activity: ['Task'],
    description: ['Description'],
    billable: ['Billable'],
    tags: ['Tags'],
    startDate: ['Start Date'],
    startTime: ['Start Time'],
    endDate: ['End Date'],
    endTime: ['End Time'],
    userName: ['User'],
    userEmail: ['Email'],
  },
  required: ['client', 'project', 'startDate', 'startTime', 'endDate', 'endTime'],
};

/**
 * Kimai timesheet export: Date,From,To,Duration,…,Customer,Project,Activity,Description,…,Tags.
 * It has no end date; an entry past midnight shows a "To" before "From" and a Duration that
 * says so. French and German labels are accepted too.
 */
const KIMAI: SourceLayout = {
  label: 'Kimai',
  columns: {
    client: ['Customer', 'Client', 'Kunde'],
    project: ['Project', 'Projet', 'Projekt'],
    activity: ['Activity', 'Activité', 'Tätigkeit', 'Aktivität'],
    description: ['Description', 'Beschreibung'],
    billable: ['Billable', 'Facturable', 'Abrechenbar'],
    tags: ['Tags', 'Mots-clés', 'Schlagworte'],
    startDate: ['Date', 'Datum'],
    startTime: ['From', 'Begin', 'De', 'Début', 'Von'],
    endTime: ['To', 'End', 'À', 'Fin', 'Bis'],
    duration: ['Duration', 'Durée', 'Dauer'],
    userName: ['User', 'Utilisateur', 'Benutzer'],
    userEmail: ['E-mail', 'Email', 'Courriel'],
  },
  required: ['client', 'project', 'startDate', 'startTime', 'endTime'],
};

export const SOURCE_LAYOUTS: Record<TimesheetSource, SourceLayout> = {
  toggl: TOGGL,
  clockify: CLOCKIFY,
  kimai: KIMAI,
};

/** Header names compared without case, accents or extra spaces. */
export function foldHeader(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Column index of each field present in the header (the first column of a repeated name wins). */
export function locateColumns(
  layout: SourceLayout,
  header: string[],
): Partial<Record<ImportField, number>> {
  const positions = new Map<string, number>();
  header.forEach((name, index) => {
    const key = foldHeader(name);
    if (!positions.has(key)) positions.set(key, index);
  });
  const located: Partial<Record<ImportField, number>> = {};
  for (const [field, names] of Object.entries(layout.columns) as [ImportField, string[]][]) {
    const index = names.map((name) => positions.get(foldHeader(name))).find((i) => i !== undefined);
    if (index !== undefined) located[field] = index;
  }
  return located;
}

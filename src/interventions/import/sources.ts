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
  /** A date and a time in one cell (solidtime's "Start" and "End"). */
  | 'startAt'
  | 'endAt'
  | 'duration'
  | 'userName'
  | 'userFirstName'
  | 'userLastName'
  | 'userEmail';

/**
 * The columns a row's times come from, in the order they are looked for: a date and two times
 * (an end date too when the tool writes one), a start and an end each in one cell, or a day and
 * a duration only (Harvest), the entries of a day then laid end to end from its opening.
 */
export type TimeColumns = 'dates_and_times' | 'date_times' | 'durations';

/**
 * How one tool names its columns, in the languages and versions it exports in. The first name of
 * each list is the one used in messages; the others are other versions' and languages' labels of
 * the same column (compared without case, accents or extra spaces).
 */
export interface SourceLayout {
  label: string;
  columns: Partial<Record<ImportField, string[]>>;
  /** Columns without which no row can be read; a list is "one of these". */
  required: (ImportField | ImportField[])[];
}

/** Labels shared by the tools, in English, French, German and Spanish. */
const WORDS = {
  client: ['Client', 'Customer', 'Kunde', 'Cliente'],
  project: ['Project', 'Projet', 'Projekt', 'Proyecto'],
  description: ['Description', 'Beschreibung', 'Descripción', 'Notes', 'Note'],
  billable: ['Billable', 'Billable?', 'Facturable', 'Abrechenbar', 'Facturable?'],
  tags: ['Tags', 'Étiquettes', 'Mots-clés', 'Schlagworte', 'Schlagwörter', 'Etiquetas'],
  userName: ['User', 'Member', 'Utilisateur', 'Membre', 'Benutzer', 'Mitglied', 'Usuario'],
  userEmail: ['Email', 'E-mail', 'E-Mail', 'Courriel', 'Adresse e-mail', 'Correo electrónico'],
};

/**
 * Toggl Track, detailed report: User,Email,Client,Project,Task,Description,Billable,Start date,
 * Start time,End date,End time,Duration,Tags,Amount (EUR); "Member", "Stop date"/"Stop time" in
 * some versions; French and German labels from the app's language.
 */
const TOGGL: SourceLayout = {
  label: 'Toggl Track',
  columns: {
    ...WORDS,
    activity: ['Task', 'Tâche', 'Aufgabe', 'Tarea', 'Activity'],
    startDate: ['Start date', 'Date de début', 'Startdatum', 'Fecha de inicio'],
    startTime: ['Start time', 'Heure de début', 'Startzeit', 'Hora de inicio'],
    endDate: ['End date', 'Stop date', 'Date de fin', 'Enddatum', 'Fecha de fin'],
    endTime: ['End time', 'Stop time', 'Heure de fin', 'Endzeit', 'Hora de fin'],
    duration: ['Duration', 'Durée', 'Dauer', 'Duración'],
  },
  required: [['project', 'client'], 'startDate', 'startTime', 'endDate', 'endTime'],
};

/**
 * Clockify, detailed report: Project,Client,Description,Task,User,Group,Email,Tags,Billable,
 * Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal),…; newer exports have
 * no Client column, or put it last with rows that stop before it, and may say "Activity".
 */
const CLOCKIFY: SourceLayout = {
  label: 'Clockify',
  columns: {
    ...WORDS,
    activity: ['Task', 'Activity', 'Tâche', 'Activité', 'Aufgabe', 'Tätigkeit', 'Tarea'],
    startDate: ['Start Date', 'Date de début', 'Startdatum', 'Fecha de inicio'],
    startTime: ['Start Time', 'Heure de début', 'Startzeit', 'Hora de inicio'],
    endDate: ['End Date', 'Date de fin', 'Enddatum', 'Fecha de fin'],
    endTime: ['End Time', 'Heure de fin', 'Endzeit', 'Hora de fin'],
    duration: ['Duration (h)', 'Durée (h)', 'Dauer (h)', 'Duración (h)', 'Duration'],
  },
  required: [['project', 'client'], 'startDate', 'startTime', 'endDate', 'endTime'],
};

/**
 * Kimai timesheet export: Date,From,To,Duration,…,Customer,Project,Activity,Description,…,Tags
 * (Kimai 1), Date,Begin,End,Duration,…,Name,User,E-mail,…,Customer,Project,Activity,Description,
 * Exported,Billable,Tags,… (Kimai 2). It has no end date; an entry past midnight shows an end
 * before its start and a Duration that says so. French and German labels are accepted too.
 */
const KIMAI: SourceLayout = {
  label: 'Kimai',
  columns: {
    client: ['Customer', 'Client', 'Kunde', 'Cliente'],
    project: WORDS.project,
    activity: ['Activity', 'Activité', 'Tätigkeit', 'Aktivität', 'Actividad'],
    description: ['Description', 'Beschreibung', 'Descripción'],
    billable: ['Billable', 'Facturable', 'Abrechenbar'],
    tags: WORDS.tags,
    startDate: ['Date', 'Datum', 'Fecha'],
    startTime: ['From', 'Begin', 'Start', 'De', 'Début', 'Von', 'Beginn', 'Desde', 'Inicio'],
    endTime: ['To', 'End', 'À', 'Fin', 'Bis', 'Ende', 'Hasta'],
    duration: ['Duration', 'Durée', 'Dauer', 'Duración'],
    userName: ['User', 'Username', 'Name', 'Utilisateur', 'Nom', 'Benutzer', 'Benutzername'],
    userEmail: WORDS.userEmail,
  },
  required: [['project', 'client'], 'startDate', 'startTime', 'endTime'],
};

/**
 * solidtime, detailed report: Description,Task,Project,Client,User,Start,End,Duration,
 * Duration (decimal),Billable,Tags, the start and end each a local "YYYY-MM-DD HH:mm:ss"; the
 * Billable column only for members who see rates.
 */
const SOLIDTIME: SourceLayout = {
  label: 'solidtime',
  columns: {
    ...WORDS,
    activity: ['Task', 'Tâche', 'Aufgabe', 'Tarea'],
    startAt: ['Start', 'Début', 'Beginn', 'Inicio'],
    endAt: ['End', 'Fin', 'Ende'],
    duration: ['Duration', 'Durée', 'Dauer', 'Duración'],
  },
  required: [['project', 'client'], 'startAt', 'endAt'],
};

/**
 * Harvest, detailed time report: Date,Client,Project,Project Code,Task,Notes,Hours,Hours Rounded,
 * Billable?,Invoiced?,Approved?,First Name,Last Name,…: a day and decimal hours, no time of day.
 */
const HARVEST: SourceLayout = {
  label: 'Harvest',
  columns: {
    client: WORDS.client,
    project: WORDS.project,
    activity: ['Task', 'Tâche', 'Aufgabe', 'Tarea'],
    description: ['Notes', 'Note', 'Description'],
    billable: [
      'Billable?',
      'Billable',
      'Facturable ?',
      'Facturable',
      'Abrechenbar?',
      'Abrechenbar',
    ],
    startDate: ['Date', 'Datum', 'Fecha'],
    startTime: ['Started At', 'Start Time'],
    endTime: ['Ended At', 'End Time'],
    duration: ['Hours', 'Heures', 'Stunden', 'Horas'],
    userFirstName: ['First Name', 'Prénom', 'Vorname', 'Nombre'],
    userLastName: ['Last Name', 'Nom', 'Nachname', 'Apellido'],
    userEmail: WORDS.userEmail,
  },
  required: [['project', 'client'], 'startDate', 'duration'],
};

export const SOURCE_LAYOUTS: Record<TimesheetSource, SourceLayout> = {
  toggl: TOGGL,
  clockify: CLOCKIFY,
  kimai: KIMAI,
  solidtime: SOLIDTIME,
  harvest: HARVEST,
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

/** Where a file's rows take their times from, by the columns found. */
export function timeColumns(columns: Partial<Record<ImportField, number>>): TimeColumns {
  if (columns.startAt !== undefined && columns.endAt !== undefined) return 'date_times';
  if (columns.startTime !== undefined && columns.endTime !== undefined) return 'dates_and_times';
  return 'durations';
}

/** The required columns the header lacks, each named as the tool names it in English. */
export function missingColumns(
  layout: SourceLayout,
  columns: Partial<Record<ImportField, number>>,
): string[] {
  return layout.required
    .map((need) => (Array.isArray(need) ? need : [need]))
    .filter((fields) => fields.every((field) => columns[field] === undefined))
    .map((fields) => layout.columns[fields[0]]?.[0] ?? fields[0]);
}

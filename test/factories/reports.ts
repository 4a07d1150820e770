import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterHoursMinutes, splitByLocalDay } from '../../src/calendar';
import {
  DEFAULT_BUSINESS_HOURS,
  DEFAULT_LIMITS,
  type CalendarSettings,
  type GuardrailLimits,
  type Urgency,
} from '../../src/common/domain';
import { refreshWorkFigures } from '../../src/interventions/work-days';
import type { TestApp } from '../app';
import { createContract } from './contracts';
import { bearer, createActivity, createClient, setupConsultant } from './index';

/** Limits low enough that a few days of work break most of them. */
export const TIGHT_LIMITS: GuardrailLimits = {
  ...DEFAULT_LIMITS,
  maxWeeklyMinutes: 20 * 60,
  alertWeeklyMinutes: 12 * 60,
  maxAverageWeeklyMinutes: 6 * 60,
  averageWeeks: 3,
  maxDailyMinutes: 5 * 60,
  minDailyRestMinutes: 12 * 60,
  maxConsecutiveWorkDays: 2,
  minWeeklyDaysOff: 4,
  maxNightMinutesPerWeek: 30,
  maxAfterHoursMinutesPerWeek: 60,
  maxUrgentInterruptionsPerDay: 0,
};

export const PARIS = 'Europe/Paris';

/** An ISO instant from a wall-clock time in Paris: paris('2026-03-02', '09:00'). */
export function paris(date: string, time: string): string {
  return DateTime.fromISO(`${date}T${time}`, { zone: PARIS }).toUTC().toISO()!;
}

export interface ReportsWorld {
  consultant: string;
  consultantId: string;
  clients: { id: string; name: string; contractId: string }[];
  activities: { support: string; training: string };
}

/**
 * A practice in Paris with a consultant, two clients each under a retainer contract, and two
 * activities (support, training).
 */
export async function reportsWorld(
  t: TestApp,
  names: [string, string] = ['Boulangerie Émile', 'Cabinet Durand'],
): Promise<ReportsWorld> {
  const consultant = await setupConsultant(t);
  const me = await t
    .http()
    .get('/api/auth/me')
    .set(...bearer(consultant))
    .expect(200);
  const clients = [];
  for (const name of names) {
    const client = await createClient(t, consultant, { name });
    const contract = await createContract(t, consultant, client.id);
    clients.push({ id: client.id, name, contractId: contract.id });
  }
  const support = await createActivity(t, consultant, { name: 'Support', kind: 'support' });
  const training = await createActivity(t, consultant, { name: 'Formation', kind: 'training' });
  return {
    consultant,
    consultantId: (me.body.id ?? me.body.user?.id) as string,
    clients,
    activities: { support: support.id, training: training.id },
  };
}

export interface Work {
  contractId: string;
  activityId: string;
  /** ISO instants. */
  startedAt: string;
  endedAt: string;
  urgency?: Urgency;
  billable?: boolean;
  requestId?: string;
}

/** Logs work through the interventions API, as the consultant would. */
export async function logWork(t: TestApp, token: string, work: Work): Promise<{ id: string }> {
  const res = await t
    .http()
    .post('/api/interventions')
    .set(...bearer(token))
    .send({
      urgency: 'normal',
      location: 'remote',
      description: 'Intervention',
      billable: true,
      ...work,
    });
  if (res.status !== 201) {
    throw new Error(`POST /api/interventions answered ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body as { id: string };
}

const PARIS_CALENDAR: CalendarSettings = {
  timezone: PARIS,
  businessHours: DEFAULT_BUSINESS_HOURS,
  holidayCalendar: 'FR',
  closures: [],
};

/**
 * Writes an intervention and its local-day pieces straight into the tables, for volumes the
 * API would take too long to log (a year of work). Pieces are cut at Paris midnights.
 */
export async function insertWork(
  t: TestApp,
  who: { consultantId: string; clientId: string },
  work: Work,
): Promise<string> {
  const id = randomUUID();
  const start = new Date(work.startedAt);
  const end = new Date(work.endedAt);
  const pieces = splitByLocalDay(start, end, PARIS);
  const minutes = pieces.reduce((sum, p) => sum + p.minutes, 0);
  const urgency = work.urgency ?? 'normal';
  const now = new Date().toISOString();
  const after = afterHoursMinutes(start, end, PARIS_CALENDAR);
  await t.dataSource.query(
    sql(
      t,
      `INSERT INTO interventions (id, "consultantId", "contractId", "clientId", "requestId", "activityId",
        "startedAt", "endedAt", urgency, location, description, billable, "durationMinutes",
        "afterHoursMinutes", "billableMinutes", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'remote', 'Intervention', ?, ?, ?, ?, ?, ?)`,
    ),
    [
      id,
      who.consultantId,
      work.contractId,
      who.clientId,
      work.requestId ?? null,
      work.activityId,
      start.toISOString(),
      end.toISOString(),
      urgency,
      flag(t, work.billable ?? true),
      minutes,
      after,
      minutes,
      now,
      now,
    ],
  );
  for (const [index, piece] of pieces.entries()) {
    await t.dataSource.query(
      sql(
        t,
        `INSERT INTO intervention_days ("interventionId", day, "consultantId", "clientId", "contractId",
          "activityId", minutes, "afterHoursMinutes", urgency, "isStartDay", "pieceStart", "pieceEnd")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      [
        id,
        piece.date,
        who.consultantId,
        who.clientId,
        work.contractId,
        work.activityId,
        piece.minutes,
        afterHoursMinutes(piece.start, piece.end, PARIS_CALENDAR),
        urgency,
        flag(t, index === 0),
        piece.start.toISOString(),
        piece.end.toISOString(),
      ],
    );
  }
  await refreshWorkFigures(
    t.dataSource,
    who.consultantId,
    pieces[0].date,
    pieces[pieces.length - 1].date,
  );
  return id;
}

/** `?` placeholders for SQLite, `$1…` for PostgreSQL. */
function sql(t: TestApp, text: string): string {
  let n = 0;
  return t.db.kind === 'postgres' ? text.replace(/\?/g, () => `$${++n}`) : text;
}

function flag(t: TestApp, value: boolean): boolean | number {
  return t.db.kind === 'postgres' ? value : value ? 1 : 0;
}

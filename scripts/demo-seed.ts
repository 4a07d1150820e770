/**
 * The demo practice: Camille Martin Conseil, an IT consultant in Lyon, three client companies
 * and a year of their work, requests, invoices and payments. Everything goes through the
 * application's own services, with the clock moved to each event's instant, so every rule
 * applies as it would have on the day (prices, quotas, numbering, the hash chain).
 */
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, localDate, localMonth } from '../src/calendar';
import { Client } from '../src/clients/client.entity';
import { Contract } from '../src/contracts/contract.entity';
import { Intervention } from '../src/interventions/intervention.entity';
import { Invoice } from '../src/invoicing/invoice.entity';
import { Payment } from '../src/invoicing/payment.entity';
import { Article } from '../src/knowledge/article.entity';
import { SupportRequest } from '../src/requests/request.entity';
import { DemoBilling } from './demo/billing';
import { CLIENTS, CONSULTANT, ACCOUNTANT, DEMO_PASSWORD, DEMO_ZONE } from './demo/cast';
import { createCast } from './demo/cast-setup';
import { DemoPlanner } from './demo/plan';
import { DemoReplay, type ReplayTally } from './demo/replay';
import { DemoTime } from './demo/time';
import { Clock } from '../src/common/clock';

export { DEMO_PASSWORD } from './demo/cast';

export interface DemoOptions {
  /** The demo's present; the work runs up to the day before. Default: the real time. */
  now?: Date;
  /** Finished months of history before the current one. Default 12. */
  months?: number;
  seed?: number;
}

export interface DemoSummary {
  password: string;
  users: { role: string; email: string; name: string }[];
  period: { from: string; to: string };
  counts: Record<string, number>;
  requestOutcomes: ReplayTally['outcomes'];
  seconds: number;
}

const monthsBefore = (month: string, count: number): string => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** Two weeks in August and the days between Christmas and New Year, every year. */
export function vacationDays(fromYear: number, toYear: number): string[] {
  const days: string[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    let monday = `${year}-08-01`;
    while (new Date(`${monday}T12:00:00Z`).getUTCDay() !== 1) monday = addDays(monday, 1);
    for (let i = 0; i < 12; i++) days.push(addDays(monday, i));
    for (let d = 24; d <= 31; d++) days.push(`${year}-12-${d}`);
  }
  return days.filter((d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()));
}

export async function seedDemo(
  app: INestApplicationContext,
  options: DemoOptions = {},
): Promise<DemoSummary> {
  const started = performance.now();
  const now = options.now ?? app.get(Clock).now();
  const seed = options.seed ?? 20261129;
  const today = localDate(now, DEMO_ZONE);
  const from = `${monthsBefore(localMonth(now, DEMO_ZONE), options.months ?? 12)}-01`;
  const to = addDays(today, -1);
  const closures = vacationDays(Number(from.slice(0, 4)), Number(today.slice(0, 4)) + 1);
  const time = new DemoTime(app);
  let tally: ReplayTally;
  try {
    time.set(new Date(new Date(`${from}T08:00:00Z`).getTime() - 10 * 86_400_000));
    const cast = await createCast(app, {
      startDate: from,
      prepaidEndDate: addDays(today, 20),
      closures,
    });
    const events = new DemoPlanner({
      from,
      to,
      now,
      zone: DEMO_ZONE,
      closures: new Set(closures),
      seed,
    }).plan();
    const replay = new DemoReplay(app, cast, time, now);
    replay.billing = new DemoBilling(app, {
      contractIds: cast.contractIds,
      firstMonth: from.slice(0, 7),
      lastMonth: monthsBefore(localMonth(now, DEMO_ZONE), 1),
      zone: DEMO_ZONE,
      now,
      seed: seed + 1,
      schedule: (event) => replay.add(event),
    });
    tally = await replay.run(events);
  } finally {
    time.restore();
  }
  return {
    password: DEMO_PASSWORD,
    users: [
      { role: 'consultant', email: CONSULTANT.email, name: CONSULTANT.displayName },
      ...CLIENTS.map((c) => ({
        role: `client (${c.name})`,
        email: c.user.email,
        name: c.user.displayName,
      })),
      { role: 'accountant', email: ACCOUNTANT.email, name: ACCOUNTANT.displayName },
    ],
    period: { from, to },
    counts: await countRows(app),
    requestOutcomes: tally.outcomes,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

async function countRows(app: INestApplicationContext): Promise<Record<string, number>> {
  const ds = app.get(DataSource);
  return {
    clients: await ds.getRepository(Client).count(),
    contracts: await ds.getRepository(Contract).count(),
    interventions: await ds.getRepository(Intervention).count(),
    requests: await ds.getRepository(SupportRequest).count(),
    articles: await ds.getRepository(Article).count(),
    invoices: await ds
      .getRepository(Invoice)
      .count({ where: { kind: 'invoice', status: 'issued' } }),
    creditNotes: await ds.getRepository(Invoice).count({ where: { kind: 'credit_note' } }),
    payments: await ds.getRepository(Payment).count(),
  };
}

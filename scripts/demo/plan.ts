/**
 * The demo year as a list of dated events (requests, work, comments, invoicing days), planned
 * from a seeded generator. Plain values only: the seed replays them through the services.
 */
import { addDays, isPublicHoliday, localTimeToInstant, weekdayOf } from '../../src/calendar';
import type { Location, Urgency } from '../../src/common/domain';
import { CLIENTS, type ActivityKey, type ClientKey } from './cast';
import { SeededRandom } from './random';
import * as T from './texts';

export type PlannedEvent =
  | {
      kind: 'request';
      at: Date;
      key: string;
      client: ClientKey;
      urgency: Urgency;
      problem: T.Problem;
    }
  | { kind: 'comment'; at: Date; key: string; by: 'consultant' | 'client'; body: string }
  | { kind: 'reclassify'; at: Date; key: string; to: Urgency; reason: string }
  | { kind: 'status'; at: Date; key: string; status: 'resolved' | 'closed' }
  | { kind: 'work'; at: Date; work: PlannedWork }
  | { kind: 'billing'; at: Date; month: string };

export interface PlannedWork {
  start: Date;
  end: Date;
  client: ClientKey;
  activity: ActivityKey;
  /** Ignored when the work answers a request: it takes the request's level. */
  urgency: Urgency;
  location: Location;
  description: string;
  requestKey?: string;
}

export interface PlanInput {
  /** First and last local day with work (the last is yesterday). */
  from: string;
  to: string;
  now: Date;
  zone: string;
  closures: ReadonlySet<string>;
  seed: number;
}

/** A piece of work placed in a local day, in minutes from its midnight (may pass 24:00). */
interface Slot {
  from: number;
  to: number;
  client: ClientKey;
  activity: ActivityKey;
  urgency: Urgency;
  location: Location;
  description: string;
  /** Filed by the client before the work, at this urgency. */
  asked?: { urgency: Urgency; problem: T.Problem; lead: number; falseUrgency?: Urgency };
}

const H = 60;
const DAY_START = 9 * H;
const LUNCH = [12 * H + 15, 13 * H + 30] as const;
const LAST_START = 17 * H + 30;
const BUSINESS_END = 18 * H;

/** Urgent requests filed on given working days of a month: each policy outcome happens. */
const QUOTA_PRESSURE: Record<
  number,
  { client: ClientKey; urgency: Urgency; falseUrgency?: Urgency }[]
> = {
  2: [{ client: 'acme', urgency: 'critical' }],
  3: [{ client: 'tilleuls', urgency: 'critical' }],
  4: [{ client: 'boreal', urgency: 'critical' }],
  6: [{ client: 'acme', urgency: 'high', falseUrgency: 'low' }],
  8: [{ client: 'acme', urgency: 'critical' }],
  9: [{ client: 'tilleuls', urgency: 'critical' }],
  12: [{ client: 'boreal', urgency: 'critical' }],
  14: [{ client: 'acme', urgency: 'critical' }],
  15: [{ client: 'tilleuls', urgency: 'critical' }],
};

const WEEKDAY_ORDER = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const mondayOf = (day: string): string => addDays(day, -WEEKDAY_ORDER.indexOf(weekdayOf(day)));

export class DemoPlanner {
  private readonly rng: SeededRandom;
  private readonly events: PlannedEvent[] = [];
  private requestCount = 0;

  /** Recent months file their urgent requests on fixed days, so each outcome is on screen. */
  private readonly pressureFrom: string;

  constructor(private readonly input: PlanInput) {
    this.rng = new SeededRandom(input.seed);
    this.pressureFrom = addDays(`${input.to.slice(0, 7)}-01`, -62).slice(0, 7) + '-01';
  }

  plan(): PlannedEvent[] {
    const heavy = this.heavyWeeks();
    let workingDayOfMonth = 0;
    for (let day = this.input.from; day <= this.input.to; day = addDays(day, 1)) {
      if (day.endsWith('-01')) workingDayOfMonth = 0;
      const slots = this.slotsOf(day, heavy, () => ++workingDayOfMonth);
      slots.forEach((slot) => this.schedule(day, slot));
    }
    this.openRequests();
    this.billingDays();
    return this.events.sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  private slotsOf(
    day: string,
    heavy: Map<string, 'acme' | 'tilleuls'>,
    nextWorkingDay: () => number,
  ): Slot[] {
    const weekday = weekdayOf(day);
    const project = heavy.get(mondayOf(day));
    if (weekday === 'sat')
      return project ? [this.projectSlot(project, 9 * H, 13 * H + 30)] : this.saturday();
    if (weekday === 'sun') return this.sunday();
    if (isPublicHoliday(day, 'FR') || this.input.closures.has(day)) return [];
    const index = nextWorkingDay();
    if (project) return this.heavyDay(project);
    const pressure = day >= this.pressureFrom ? (QUOTA_PRESSURE[index] ?? []) : [];
    const daySlots = this.regularDay(pressure);
    return [
      ...daySlots,
      ...this.evening(daySlots.length ? daySlots[daySlots.length - 1].to : DAY_START),
    ];
  }

  /** Two weeks over the legal 48 hours: a migration and a move, each with its Saturday. */
  private heavyWeeks(): Map<string, 'acme' | 'tilleuls'> {
    const weeks = new Map<string, 'acme' | 'tilleuls'>();
    const recent = mondayOf(addDays(this.input.to, -18));
    const earlier = mondayOf(addDays(this.input.to, -150));
    if (recent >= this.input.from) weeks.set(recent, 'tilleuls');
    if (earlier >= this.input.from) weeks.set(earlier, 'acme');
    return weeks;
  }

  private regularDay(pressure: (typeof QUOTA_PRESSURE)[number]): Slot[] {
    const slots: Slot[] = [];
    const count =
      this.rng.weighted([
        [3, 15],
        [4, 30],
        [5, 30],
        [6, 25],
      ] as const) + pressure.length;
    let cursor = DAY_START + this.rng.int(0, 25);
    for (let i = 0; i < count && cursor <= LAST_START; i++) {
      if (cursor >= LUNCH[0] && cursor < LUNCH[1]) cursor = LUNCH[1] + this.rng.int(0, 15);
      const forced = pressure[i];
      const slot = forced ? this.urgentSlot(forced, cursor) : this.daySlot(cursor);
      // The day ends around six; Atelier Boréal's contract offers no work after it at all.
      if (slot.client === 'boreal' && slot.to > BUSINESS_END) slot.to = BUSINESS_END - 5;
      else if (slot.to > BUSINESS_END + 15) slot.to = BUSINESS_END + this.rng.int(0, 15);
      if (slot.to - slot.from < 15) break;
      slots.push(slot);
      cursor = slot.to + this.rng.int(10, 40);
    }
    return slots;
  }

  private daySlot(from: number): Slot {
    const client = this.rng.weighted(CLIENTS.map((c) => [c.key, c.weight] as const));
    const activity = this.rng.weighted([
      ['support', 72],
      ['consulting', 21],
      ['training', 7],
    ] as const);
    const minutes = {
      support: () => this.rng.pick([30, 45, 60, 60, 75, 90, 120]),
      consulting: () => this.rng.pick([60, 90, 120, 150, 180]),
      training: () => this.rng.pick([120, 180, 210]),
    }[activity]();
    const slot: Slot = {
      from,
      to: from + minutes,
      client,
      activity,
      urgency: this.rng.weighted([
        ['low', 24],
        ['normal', 62],
        ['high', 10],
        ['critical', 4],
      ] as const),
      location: this.rng.chance(activity === 'support' ? 0.2 : 0.6) ? 'onsite' : 'remote',
      description: '',
    };
    if (activity !== 'support') {
      slot.urgency = 'normal';
      slot.description = this.rng.pick(
        activity === 'training' ? T.TRAINING_TASKS : T.CONSULTING_TASKS,
      );
      return slot;
    }
    const problem = this.problemFor(client, slot.urgency);
    slot.description = problem.fix;
    if (this.rng.chance(0.5)) slot.asked = this.ask(client, problem);
    return slot;
  }

  private urgentSlot(forced: (typeof QUOTA_PRESSURE)[number][number], from: number): Slot {
    const problem = this.problemFor(forced.client, forced.urgency);
    return {
      from,
      to: from + this.rng.pick([45, 60, 90]),
      client: forced.client,
      activity: 'support',
      urgency: forced.urgency,
      location: 'remote',
      description: problem.fix,
      asked: {
        urgency: forced.urgency,
        problem,
        lead: this.rng.int(10, 30),
        falseUrgency: forced.falseUrgency,
      },
    };
  }

  private ask(client: ClientKey, problem: T.Problem): Slot['asked'] {
    const profile = CLIENTS.find((c) => c.key === client)!;
    const urgency = this.rng.weighted(profile.asks);
    const urgent = urgency === 'high' || urgency === 'critical';
    return {
      urgency,
      problem,
      lead: urgency === 'critical' ? this.rng.int(10, 35) : this.rng.int(30, 180),
      falseUrgency: urgent && this.rng.chance(0.2) ? 'normal' : undefined,
    };
  }

  private problemFor(client: ClientKey, urgency: Urgency): T.Problem {
    if (urgency === 'critical') return this.rng.pick(T.CRITICAL_PROBLEMS[client]);
    return this.rng.chance(0.25)
      ? this.rng.pick(T.CLIENT_PROBLEMS[client])
      : this.rng.pick(T.EVERYDAY_PROBLEMS);
  }

  /** Evening calls (now and then) and, rarely, a night emergency at the clinic. */
  private evening(dayEnd: number): Slot[] {
    const slots: Slot[] = [];
    if (this.rng.chance(0.1)) {
      const client = this.rng.pick(['acme', 'tilleuls'] as const);
      const urgency = this.rng.weighted([
        ['normal', 40],
        ['high', 40],
        ['critical', 20],
      ] as const);
      const from = Math.max(18 * H + 40 + this.rng.int(0, 100), dayEnd + 20);
      const problem = this.problemFor(client, urgency);
      slots.push({
        ...this.supportSlot(client, urgency, from, this.rng.pick([30, 45, 60, 90])),
        description: problem.fix,
      });
    } else if (this.rng.chance(0.02)) {
      const problem = this.rng.pick(T.CRITICAL_PROBLEMS.tilleuls);
      const from = 22 * H + 50 + this.rng.int(0, 40);
      slots.push({
        ...this.supportSlot('tilleuls', 'critical', from, this.rng.pick([60, 80, 100])),
        description: problem.fix,
        asked: { urgency: 'critical', problem, lead: this.rng.int(8, 20) },
      });
    }
    return slots;
  }

  private supportSlot(client: ClientKey, urgency: Urgency, from: number, minutes: number): Slot {
    return {
      from,
      to: from + minutes,
      client,
      activity: 'support',
      urgency,
      location: 'remote',
      description: '',
    };
  }

  /** Server updates at Acme about one Saturday a month, outside its opening hours. */
  private saturday(): Slot[] {
    if (!this.rng.chance(0.25)) return [];
    const from = 9 * H + this.rng.int(0, 30);
    return [
      {
        ...this.supportSlot('acme', 'normal', from, this.rng.pick([150, 180, 240])),
        description: T.MAINTENANCE,
      },
    ];
  }

  /** A Sunday emergency at the clinic every six weeks or so: what the 24/7 clause is for. */
  private sunday(): Slot[] {
    if (!this.rng.chance(0.12)) return [];
    const problem = this.rng.pick(T.CRITICAL_PROBLEMS.tilleuls);
    const from = 10 * H + this.rng.int(0, 9 * H);
    return [
      {
        ...this.supportSlot('tilleuls', 'critical', from, this.rng.pick([45, 60, 90, 120])),
        description: problem.fix,
        asked: { urgency: 'critical', problem, lead: this.rng.int(8, 20) },
      },
    ];
  }

  private heavyDay(project: 'acme' | 'tilleuls'): Slot[] {
    const other = project === 'acme' ? 'tilleuls' : 'acme';
    const call = this.problemFor(other, 'normal');
    return [
      this.projectSlot(project, 8 * H, 12 * H + 30),
      { ...this.supportSlot(other, 'normal', 12 * H + 35, 25), description: call.fix },
      this.projectSlot(project, 13 * H + 10, 19 * H + this.rng.int(0, 40)),
    ];
  }

  private projectSlot(client: 'acme' | 'tilleuls', from: number, to: number): Slot {
    return {
      from,
      to,
      client,
      activity: 'consulting',
      urgency: 'normal',
      location: 'onsite',
      description: T.PROJECTS[client],
    };
  }

  private at(day: string, minute: number): Date {
    return localTimeToInstant(day, minute, this.input.zone);
  }

  private minutesAfter(at: Date, minutes: number): Date {
    return new Date(at.getTime() + minutes * 60_000);
  }

  /** The slot's request (and what happens to it), then its work. */
  private schedule(day: string, slot: Slot): void {
    const start = this.at(day, slot.from);
    const end = this.at(day, slot.to);
    const work: PlannedWork = { ...slot, start, end };
    const saved = this.minutesAfter(end, this.rng.int(2, 12));
    if (slot.asked) work.requestKey = this.scheduleRequest(day, slot, saved);
    this.events.push({ kind: 'work', at: saved, work });
  }

  /** Filed before the work starts (not before 07:30 for daytime work). */
  private scheduleRequest(day: string, slot: Slot, saved: Date): string {
    const asked = slot.asked!;
    const key = `r${++this.requestCount}`;
    const earliest = Math.min(slot.from - 10, 7 * H + 30);
    const filed = this.at(day, Math.max(slot.from - asked.lead, earliest));
    this.events.push({
      kind: 'request',
      at: filed,
      key,
      client: slot.client,
      urgency: asked.urgency,
      problem: asked.problem,
    });
    if (asked.falseUrgency) {
      const reason = this.rng.pick(T.FALSE_URGENCY_REASONS);
      this.events.push({
        kind: 'reclassify',
        at: this.minutesAfter(filed, 4),
        key,
        to: asked.falseUrgency,
        reason,
      });
    } else if (asked.lead >= 20 && this.rng.chance(0.3)) {
      const body = this.rng.pick(T.CONSULTANT_REPLIES);
      this.events.push({
        kind: 'comment',
        at: this.minutesAfter(filed, 6),
        key,
        by: 'consultant',
        body,
      });
    }
    this.scheduleOutcome(key, saved);
    return key;
  }

  /** Resolved once the work is logged (the last days' sometimes still in progress), closed later. */
  private scheduleOutcome(key: string, saved: Date): void {
    const recent = this.input.now.getTime() - saved.getTime() < 2 * 86_400_000;
    if (recent && this.rng.chance(0.5)) return;
    const resolved = this.minutesAfter(saved, this.rng.int(1, 10));
    this.events.push({ kind: 'status', at: resolved, key, status: 'resolved' });
    if (this.rng.chance(0.2)) {
      const body = this.rng.pick(T.CLIENT_THANKS);
      this.events.push({
        kind: 'comment',
        at: this.minutesAfter(resolved, 40),
        key,
        by: 'client',
        body,
      });
    }
    const closed = this.minutesAfter(resolved, 2 * 24 * 60 + this.rng.int(0, 600));
    if (closed < this.input.now && this.rng.chance(0.85)) {
      this.events.push({ kind: 'status', at: closed, key, status: 'closed' });
    }
  }

  /** Requests filed on the last two days and not answered yet: the consultant's inbox. */
  private openRequests(): void {
    const days = [addDays(this.input.to, -1), this.input.to];
    const plan: [ClientKey, Urgency, number][] = [
      ['acme', 'normal', 10 * H + 5],
      ['tilleuls', 'high', 15 * H + 20],
      ['boreal', 'low', 11 * H + 40],
      ['acme', 'high', 16 * H + 10],
      ['tilleuls', 'normal', 17 * H + 35],
    ];
    plan.forEach(([client, urgency, minute], i) => {
      const problem = this.problemFor(client, urgency);
      const at = this.at(days[i % 2], minute);
      if (at < this.input.now) {
        this.events.push({ kind: 'request', at, key: `open${i}`, client, urgency, problem });
      }
    });
  }

  /** Invoices of each finished month are issued early on the first day of the next. */
  private billingDays(): void {
    for (let month = this.input.from.slice(0, 7); ;) {
      const next = addDays(`${month}-01`, 32).slice(0, 7);
      const at = this.at(`${next}-01`, 7 * H + 30);
      if (at > this.input.now) return;
      this.events.push({ kind: 'billing', at, month });
      month = next;
    }
  }
}

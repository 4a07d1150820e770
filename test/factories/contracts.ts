import { randomBytes, randomUUID } from 'node:crypto';
import { Intervention } from '../../src/interventions/intervention.entity';
import type { TestApp } from '../app';
import { bearer } from './index';

/**
 * Contract factories. Overrides are merged deeply into the defaults: nested objects merge key by
 * key, arrays and other values replace, and a key set to `undefined` is removed, e.g.
 *   contractInput(clientId, { billing: { mode: 'prepaid', prepaidMinutes: 1200,
 *     monthlyFeeCents: undefined, includedMinutesPerMonth: undefined } })
 *   contractInput(clientId, { urgencyPolicy: { levels: { critical: { monthlyQuota: 2 } } } })
 */
export type Overrides = Record<string, unknown>;

const uniqueReference = (): string => `CT-${randomBytes(4).toString('hex').toUpperCase()}`;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function deepMerge(base: Overrides, overrides: Overrides): Overrides {
  const out: Overrides = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete out[key];
    else if (isPlainObject(value) && isPlainObject(out[key])) {
      out[key] = deepMerge(out[key], value);
    } else out[key] = value;
  }
  return out;
}

/** One urgency level's policy: 4 business hours, unlimited, no surcharge, reject over quota. */
export function levelInput(overrides: Overrides = {}): Overrides {
  return {
    responseMinutes: 240,
    clock: 'business',
    monthlyQuota: null,
    surchargePercent: 0,
    overQuota: 'reject',
    ...overrides,
  };
}

/**
 * Defaults: a retainer of 600 included minutes for 600.00 EUR a month at 90.00 EUR an hour,
 * from 2026-01-01 without end; low and normal unlimited, high 5 a month (downgrade),
 * critical 2 a month (reject), answered within 8, 4, 2 and 1 business hours.
 */
export function contractInput(clientId: string, overrides: Overrides = {}): Overrides {
  const base: Overrides = {
    clientId,
    reference: uniqueReference(),
    title: 'Support and maintenance',
    startDate: '2026-01-01',
    billing: {
      mode: 'retainer',
      monthlyFeeCents: 60000,
      includedMinutesPerMonth: 600,
      hourlyRateCents: 9000,
      overageRateCents: 11000,
      roundingMinutes: 15,
      minimumBillableMinutes: 15,
      rolloverMonths: 0,
    },
    urgencyPolicy: {
      levels: {
        low: levelInput({ responseMinutes: 480 }),
        normal: levelInput({ responseMinutes: 240 }),
        high: levelInput({ responseMinutes: 120, monthlyQuota: 5, overQuota: 'downgrade' }),
        critical: levelInput({ responseMinutes: 60, monthlyQuota: 2, surchargePercent: 50 }),
      },
      afterHoursAllowed: true,
      afterHoursSurchargePercent: 50,
    },
  };
  return deepMerge(base, overrides);
}

export interface CreatedContract {
  id: string;
  clientId: string;
  reference: string;
  billing: Overrides;
  urgencyPolicy: Overrides;
  [key: string]: unknown;
}

/** Creates a contract through the API as the consultant (201 expected). */
export async function createContract(
  t: TestApp,
  consultantToken: string,
  clientId: string,
  overrides: Overrides = {},
): Promise<CreatedContract> {
  const res = await t
    .http()
    .post('/api/contracts')
    .set(...bearer(consultantToken))
    .send(contractInput(clientId, overrides))
    .expect(201);
  return res.body as CreatedContract;
}

export interface WorkRow {
  consultantId: string;
  contractId: string;
  clientId: string;
  activityId: string;
  startedAt: string;
  minutes: number;
  billableMinutes?: number;
  afterHoursMinutes?: number;
  urgency?: 'low' | 'normal' | 'high' | 'critical';
  requestId?: string | null;
  billable?: boolean;
  running?: boolean;
}

/**
 * Writes an intervention row straight into the database, with the figures given (no pricing,
 * no guardrails): for tests of what reads work (usage, alerts, request details).
 */
export async function insertWork(t: TestApp, row: WorkRow): Promise<string> {
  const started = new Date(row.startedAt);
  const id = randomUUID();
  const now = new Date().toISOString();
  await t.dataSource
    .createQueryBuilder()
    .insert()
    .into(Intervention)
    .values({
      id,
      consultantId: row.consultantId,
      contractId: row.contractId,
      clientId: row.clientId,
      requestId: row.requestId ?? null,
      activityId: row.activityId,
      startedAt: started,
      endedAt: row.running ? null : new Date(started.getTime() + row.minutes * 60_000),
      urgency: row.urgency ?? 'normal',
      location: 'remote',
      description: 'Work',
      billable: row.billable ?? true,
      durationMinutes: row.minutes,
      afterHoursMinutes: row.afterHoursMinutes ?? 0,
      billableMinutes: row.billableMinutes ?? row.minutes,
      createdAt: new Date(now),
      updatedAt: new Date(now),
    })
    .execute();
  return id;
}

import { DEFAULT_BUSINESS_HOURS, type UrgencyPolicy } from '../common/domain';
import type { MappedImportRow } from './import';
import { planImport, type ImportContext, type PlannedContract } from './import-plan';
import { WorkCalendar } from './work-calendar';

const level = {
  responseMinutes: 60,
  clock: 'business' as const,
  monthlyQuota: null,
  surchargePercent: 0,
  overQuota: 'reject' as const,
};
const policy = (afterHoursAllowed: boolean): UrgencyPolicy => ({
  levels: { low: level, normal: level, high: level, critical: level },
  afterHoursAllowed,
  afterHoursSurchargePercent: 50,
});
const contract = (id: string, afterHoursAllowed = true): PlannedContract => ({
  id,
  clientId: `client-${id}`,
  billing: {
    mode: 'time_and_materials',
    hourlyRateCents: 9000,
    roundingMinutes: 15,
    minimumBillableMinutes: 30,
    rolloverMonths: 0,
  },
  urgencyPolicy: policy(afterHoursAllowed),
});

const context: ImportContext = {
  contracts: new Map([
    ['open', contract('open')],
    ['daytime', contract('daytime', false)],
  ]),
  activities: [
    { id: 'support', name: 'Support', billable: true },
    { id: 'formation', name: 'Formation', billable: true },
    { id: 'internal', name: 'Interne', billable: false },
  ],
  defaultActivityId: null,
  urgency: 'normal',
  calendar: new WorkCalendar({
    timezone: 'Europe/Paris',
    businessHours: DEFAULT_BUSINESS_HOURS,
    holidayCalendar: 'FR',
    closures: [],
  }),
  now: new Date('2026-11-29T15:00:00Z'),
};

const row = (overrides: Partial<MappedImportRow>): MappedImportRow => ({
  row: 2,
  clientName: 'Boulangerie',
  projectName: 'Parc',
  activityName: 'Support',
  description: 'Imprimante',
  start: new Date('2026-11-02T09:00:00+01:00'),
  end: new Date('2026-11-02T09:50:00+01:00'),
  billable: true,
  tags: [],
  contractId: 'open',
  ...overrides,
});

describe('planImport', () => {
  it.each([
    [
      'an activity named without case or accents',
      { activityName: 'FORMATION' },
      { activityId: 'formation' },
    ],
    ['a billable row on a non-billable activity', { activityName: 'interne' }, { billable: false }],
    ['a "sur site" tag', { tags: ['urgent', 'Sur site'] }, { location: 'onsite' }],
    ['no location tag', {}, { location: 'remote' }],
  ])('plans %s', (_, overrides, expected) => {
    const { planned, refused } = planImport([row(overrides)], context);
    expect(refused).toEqual([]);
    expect(planned[0]).toMatchObject(expected);
  });

  it('prices each row like a manual entry: 50 minutes at 90 €/h bill one hour', () => {
    const [planned] = planImport([row({})], context).planned;
    expect(planned.measured.durationMinutes).toBe(50);
    expect(planned.priced).toMatchObject({ billableMinutes: 60, amountCents: 9000 });
  });

  it.each([
    [
      'an unknown activity without a default',
      { activityName: 'Jardinage' },
      /no activity named "Jardinage"/,
    ],
    ['no activity and no default', { activityName: null }, /no activity on this row/],
    [
      'work not yet done',
      { start: new Date('2026-11-30T09:00:00Z'), end: new Date('2026-11-30T10:00:00Z') },
      /future/,
    ],
    [
      'evening work on a daytime contract',
      {
        contractId: 'daytime',
        start: new Date('2026-11-02T19:00:00+01:00'),
        end: new Date('2026-11-02T20:00:00+01:00'),
      },
      /does not offer after-hours/,
    ],
  ])('refuses %s', (_, overrides, reason) => {
    const { planned, refused } = planImport([row(overrides)], context);
    expect(planned).toEqual([]);
    expect(refused).toEqual([{ row: 2, reason: expect.stringMatching(reason) }]);
  });

  it('falls back to the default activity for an empty or unknown one', () => {
    const rows = [row({ activityName: null }), row({ row: 3, activityName: 'Jardinage' })];
    const { planned } = planImport(rows, { ...context, defaultActivityId: 'support' });
    expect(planned.map((p) => p.activityId)).toEqual(['support', 'support']);
  });
});

import { DEFAULT_BUSINESS_HOURS, type UrgencyPolicy } from '../common/domain';
import type { MappedImportRow } from './import';
import { keepOwnRows, planImport, type ImportContext, type PlannedContract } from './import-plan';
import { BusinessClock } from '../calendar';

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
const contract = (
  id: string,
  afterHoursAllowed = true,
  dates: { startDate: string; endDate: string | null } = {
    startDate: '2026-01-01',
    endDate: null,
  },
): PlannedContract => ({
  id,
  clientId: `client-${id}`,
  reference: `CT-${id}`,
  ...dates,
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
    ['october', contract('october', true, { startDate: '2026-10-01', endDate: '2026-10-31' })],
  ]),
  activities: [
    { id: 'support', name: 'Support', billable: true },
    { id: 'formation', name: 'Formation', billable: true },
    { id: 'internal', name: 'Interne', billable: false },
  ],
  defaultActivityId: null,
  urgency: 'normal',
  calendar: new BusinessClock({
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
  userName: null,
  userEmail: null,
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
      { code: 'unknown_activity', activity: 'Jardinage' },
    ],
    ['no activity and no default', { activityName: null }, { code: 'no_activity' }],
    [
      'work not yet done',
      { start: new Date('2026-11-30T09:00:00Z'), end: new Date('2026-11-30T10:00:00Z') },
      { code: 'future_start' },
    ],
    [
      'evening work on a daytime contract, with its minutes after hours',
      {
        contractId: 'daytime',
        start: new Date('2026-11-02T19:00:00+01:00'),
        end: new Date('2026-11-02T20:00:00+01:00'),
      },
      { code: 'after_hours', afterHoursMinutes: 60 },
    ],
    [
      'work after the contract ended, with the figures a manual entry gets',
      { contractId: 'october' },
      {
        code: 'outside_contract',
        date: '2026-11-02',
        reference: 'CT-october',
        startDate: '2026-10-01',
        endDate: '2026-10-31',
      },
    ],
    [
      'work before the contract started, on its local day',
      {
        contractId: 'october',
        start: new Date('2026-09-30T23:30:00+02:00'),
        end: new Date('2026-10-01T00:30:00+02:00'),
      },
      { code: 'outside_contract', date: '2026-09-30' },
    ],
    ['a contract that cannot be used', { contractId: 'gone' }, { code: 'contract_unusable' }],
  ])('refuses %s', (_, overrides, refusal) => {
    const { planned, refused } = planImport([row(overrides)], context);
    expect(planned).toEqual([]);
    expect(refused).toEqual([expect.objectContaining({ row: 2, ...refusal })]);
  });

  it('takes work on the first and the last day of the contract, read in the practice zone', () => {
    const rows = [
      // 00:30 in Paris on 1 October is still 30 September in UTC.
      row({
        contractId: 'october',
        start: new Date('2026-10-01T00:30:00+02:00'),
        end: new Date('2026-10-01T01:00:00+02:00'),
      }),
      row({
        row: 3,
        contractId: 'october',
        start: new Date('2026-10-31T09:00:00+01:00'),
        end: new Date('2026-10-31T10:00:00+01:00'),
      }),
    ];
    const { planned, refused } = planImport(rows, context);
    expect(refused).toEqual([]);
    expect(planned.map((p) => p.row)).toEqual([2, 3]);
  });

  it('falls back to the default activity for an empty or unknown one', () => {
    const rows = [row({ activityName: null }), row({ row: 3, activityName: 'Jardinage' })];
    const { planned } = planImport(rows, { ...context, defaultActivityId: 'support' });
    expect(planned.map((p) => p.activityId)).toEqual(['support', 'support']);
  });
});

describe('keepOwnRows', () => {
  const entry = (line: number, userEmail: string | null, userName: string | null = null) => ({
    ...row({ row: line }),
    userEmail,
    userName,
  });

  it('keeps the rows of the email, in any case, and the rows that name nobody', () => {
    const rows = [entry(2, 'Camille@Example.fr '), entry(3, null), entry(4, 'camille@example.fr')];
    const { own, refused } = keepOwnRows(rows, 'camille@example.fr');
    expect(own.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(refused).toEqual([]);
  });

  it("refuses a colleague's rows, naming the colleague and how to import them", () => {
    const rows = [entry(2, 'ana@exemple.fr', 'Ana Lopez'), entry(3, 'bob@exemple.fr')];
    expect(keepOwnRows(rows, 'camille@example.fr').refused).toEqual([
      {
        row: 2,
        code: 'someone_else',
        userName: 'Ana Lopez',
        userEmail: 'ana@exemple.fr',
        email: 'camille@example.fr',
      },
      {
        row: 3,
        code: 'someone_else',
        userName: null,
        userEmail: 'bob@exemple.fr',
        email: 'camille@example.fr',
      },
    ]);
  });
});

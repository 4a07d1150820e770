import { slaStatus } from './sla';

const due = new Date('2026-11-26T13:00:00Z');
const at = (iso: string) => new Date(iso);

describe('slaStatus', () => {
  it.each([
    {
      case: 'answered well before the deadline',
      respondedAt: '2026-11-26T09:15:00Z',
      now: '2026-11-27T10:00:00Z',
      status: 'met',
    },
    {
      case: 'answered exactly at the deadline',
      respondedAt: '2026-11-26T13:00:00Z',
      now: '2026-11-26T13:00:00Z',
      status: 'met',
    },
    {
      case: 'answered one second late',
      respondedAt: '2026-11-26T13:00:01Z',
      now: '2026-11-26T14:00:00Z',
      status: 'missed',
    },
    {
      case: 'answered late, looked at later',
      respondedAt: '2026-11-27T08:00:00Z',
      now: '2026-12-15T08:00:00Z',
      status: 'missed',
    },
    {
      case: 'not answered, deadline ahead',
      respondedAt: null,
      now: '2026-11-26T12:59:00Z',
      status: 'pending',
    },
    {
      case: 'not answered, at the deadline',
      respondedAt: null,
      now: '2026-11-26T13:00:00Z',
      status: 'pending',
    },
    {
      case: 'not answered, deadline passed',
      respondedAt: null,
      now: '2026-11-26T13:01:00Z',
      status: 'missed',
    },
  ])('$case → $status', ({ respondedAt, now, status }) => {
    expect(
      slaStatus({
        responseDueAt: due,
        respondedAt: respondedAt === null ? null : at(respondedAt),
        now: at(now),
      }),
    ).toBe(status);
  });
});

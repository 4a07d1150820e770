import type { RequestStatus } from './request.entity';
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
        status: 'open',
        responseDueAt: due,
        respondedAt: respondedAt === null ? null : at(respondedAt),
        closedAt: null,
        now: at(now),
      }),
    ).toBe(status);
  });

  describe('a cancelled request', () => {
    const cancelledAt = '2026-11-26T10:00:00Z';
    it.each([
      {
        case: 'cancelled unanswered, deadline ahead',
        respondedAt: null,
        closedAt: cancelledAt,
        now: '2026-11-26T11:00:00Z',
        status: 'none',
      },
      {
        case: 'cancelled unanswered, deadline long passed',
        respondedAt: null,
        closedAt: cancelledAt,
        now: '2026-12-15T08:00:00Z',
        status: 'none',
      },
      {
        case: 'cancelled after its deadline passed unanswered',
        respondedAt: null,
        closedAt: '2026-11-26T15:00:00Z',
        now: '2026-11-26T16:00:00Z',
        status: 'none',
      },
      {
        case: 'cancelled, then commented on after its deadline',
        respondedAt: '2026-11-26T14:00:00Z',
        closedAt: cancelledAt,
        now: '2026-11-26T16:00:00Z',
        status: 'none',
      },
      {
        case: 'cancelled with no instant of cancellation',
        respondedAt: '2026-11-26T14:00:00Z',
        closedAt: null,
        now: '2026-11-26T16:00:00Z',
        status: 'none',
      },
      {
        case: 'answered at the instant it was cancelled, on time',
        respondedAt: cancelledAt,
        closedAt: cancelledAt,
        now: '2026-11-26T16:00:00Z',
        status: 'met',
      },
      {
        case: 'answered late, then cancelled',
        respondedAt: '2026-11-26T14:00:00Z',
        closedAt: '2026-11-26T15:00:00Z',
        now: '2026-11-26T16:00:00Z',
        status: 'missed',
      },
    ])('$case → $status', ({ respondedAt, closedAt, now, status }) => {
      expect(
        slaStatus({
          status: 'cancelled',
          responseDueAt: due,
          respondedAt: respondedAt === null ? null : at(respondedAt),
          closedAt: closedAt === null ? null : at(closedAt),
          now: at(now),
        }),
      ).toBe(status);
    });
  });

  it.each<RequestStatus>(['open', 'in_progress', 'resolved', 'closed'])(
    'a request %s, unanswered past its deadline, is missed (only cancelling takes it out)',
    (status) => {
      expect(
        slaStatus({
          status,
          responseDueAt: due,
          respondedAt: null,
          closedAt: at('2026-11-26T10:00:00Z'),
          now: at('2026-11-26T14:00:00Z'),
        }),
      ).toBe('missed');
    },
  );
});

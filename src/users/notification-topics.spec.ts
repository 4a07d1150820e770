import type { MailKind } from '../mail/outbox-message.entity';
import {
  receives,
  topicOf,
  topicsFor,
  topicSwitches,
  withSwitches,
  type MailPreferencesValue,
} from './notification-topics';

describe('notification topics', () => {
  it.each<[MailKind, string | null]>([
    ['invitation', null],
    ['password_reset', null],
    ['invoice', null],
    ['credit_note', null],
    ['payment_reminder', null],
    ['request_critical', 'request_critical'],
    ['digest', 'digest'],
    ['weekly_report', 'weekly_report'],
    ['quota_alert', 'quota_alert'],
    ['request_received', 'my_requests'],
    ['request_answered', 'my_requests'],
    ['request_resolved', 'my_requests'],
    ['request_reclassified', 'my_requests'],
  ])('%s answers to the switch %s', (kind, topic) => {
    expect(topicOf(kind)).toBe(topic);
  });

  const digestOff: MailPreferencesValue = { off: ['digest'] };
  const requestsOff: MailPreferencesValue = { off: ['my_requests'] };
  it.each<[MailPreferencesValue | null, MailKind, boolean]>([
    [null, 'digest', true],
    [null, 'request_answered', true],
    [digestOff, 'digest', false],
    [digestOff, 'request_critical', true],
    [digestOff, 'invitation', true],
    [requestsOff, 'request_resolved', false],
    [requestsOff, 'request_reclassified', false],
    [requestsOff, 'quota_alert', true],
    [{ off: ['digest', 'my_requests', 'quota_alert'] }, 'password_reset', true],
    [{ off: ['digest', 'my_requests', 'quota_alert'] }, 'payment_reminder', true],
  ])('preferences %j: %s received = %s', (prefs, kind, expected) => {
    expect(receives(prefs, kind)).toBe(expected);
  });

  it('offers each role only the notifications it gets', () => {
    expect(topicsFor('consultant')).toEqual(['request_critical', 'digest', 'weekly_report']);
    expect(topicsFor('client')).toEqual(['my_requests', 'quota_alert']);
    expect(topicsFor('accountant')).toEqual([]);
    expect(topicSwitches('client', requestsOff)).toEqual({
      my_requests: false,
      quota_alert: true,
    });
    expect(topicSwitches('consultant', null)).toEqual({
      request_critical: true,
      digest: true,
      weekly_report: true,
    });
  });

  it('changes the switches named and keeps the others', () => {
    expect(withSwitches(null, { digest: false })).toEqual({ off: ['digest'] });
    expect(withSwitches({ off: ['digest', 'quota_alert'] }, { digest: true })).toEqual({
      off: ['quota_alert'],
    });
    expect(withSwitches({ off: ['weekly_report'] }, { request_critical: false })).toEqual({
      off: ['request_critical', 'weekly_report'],
    });
  });
});

import type { Role } from '../common/domain';
import type { MailKind } from '../mail/outbox-message.entity';

/**
 * Messages sent whatever the recipient chose: they answer something the person or their
 * company asked for, or owes (an invitation, a password reset, an invoice and its reminders).
 */
export const ESSENTIAL_KINDS: readonly MailKind[] = [
  'invitation',
  'password_reset',
  'invoice',
  'credit_note',
  'payment_reminder',
];

/**
 * What a person turns on or off: one switch per kind of notification, the four messages about
 * a client's own requests under one switch ("my requests").
 */
export const NOTIFICATION_TOPICS = [
  'request_critical',
  'digest',
  'weekly_report',
  'my_requests',
  'quota_alert',
] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

/** The topics each role receives, so that the preferences page offers only those. */
const TOPICS_BY_ROLE: Record<Role, readonly NotificationTopic[]> = {
  consultant: ['request_critical', 'digest', 'weekly_report'],
  client: ['my_requests', 'quota_alert'],
  accountant: [],
};

/** Stored on the user: the topics turned off (every other one is on). */
export interface MailPreferencesValue {
  off: NotificationTopic[];
}

export function isEssential(kind: MailKind): boolean {
  return ESSENTIAL_KINDS.includes(kind);
}

/** The switch a kind of message answers to; null for an essential kind. */
export function topicOf(kind: MailKind): NotificationTopic | null {
  switch (kind) {
    case 'request_critical':
    case 'digest':
    case 'weekly_report':
    case 'quota_alert':
      return kind;
    case 'request_received':
    case 'request_answered':
    case 'request_resolved':
    case 'request_reclassified':
      return 'my_requests';
    case 'invitation':
    case 'password_reset':
    case 'invoice':
    case 'credit_note':
    case 'payment_reminder':
      return null;
  }
}

export function topicsFor(role: Role): readonly NotificationTopic[] {
  return TOPICS_BY_ROLE[role];
}

/** Whether a person with these preferences receives this kind of message (active or not aside). */
export function receives(prefs: MailPreferencesValue | null, kind: MailKind): boolean {
  const topic = topicOf(kind);
  return topic === null || !(prefs?.off ?? []).includes(topic);
}

/** Each topic of the role, on or off: what the preferences page and the API show. */
export function topicSwitches(
  role: Role,
  prefs: MailPreferencesValue | null,
): Partial<Record<NotificationTopic, boolean>> {
  const off = new Set(prefs?.off ?? []);
  return Object.fromEntries(topicsFor(role).map((t) => [t, !off.has(t)]));
}

/** New preferences: the given switches set, the others kept; stored as the sorted list off. */
export function withSwitches(
  prefs: MailPreferencesValue | null,
  changes: Partial<Record<NotificationTopic, boolean>>,
): MailPreferencesValue {
  const off = new Set(prefs?.off ?? []);
  for (const topic of NOTIFICATION_TOPICS) {
    const on = changes[topic];
    if (on === true) off.delete(topic);
    if (on === false) off.add(topic);
  }
  return { off: NOTIFICATION_TOPICS.filter((t) => off.has(t)) };
}

/** Each topic's name in the API and on the page (camelCase, like every API field). */
export const TOPIC_FIELDS: Record<NotificationTopic, string> = {
  request_critical: 'requestCritical',
  digest: 'digest',
  weekly_report: 'weeklyReport',
  my_requests: 'myRequests',
  quota_alert: 'quotaAlert',
};

/** The topic a field names, or null. */
export function topicOfField(field: string): NotificationTopic | null {
  return NOTIFICATION_TOPICS.find((t) => TOPIC_FIELDS[t] === field) ?? null;
}

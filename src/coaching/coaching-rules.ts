/**
 * The coaching rules: what a recurring topic suggests, how long a training session on it would
 * take, which way its requests go, and a client's autonomy month by month. Pure functions.
 */

/** A topic recurs from this many requests in the period. */
export const RECURRING_REQUESTS = 3;
/** A training is offered to a client when this many of its staff filed on the topic. */
export const TRAINING_STAFF = 3;

export interface TopicClientFigures {
  clientId: string;
  requests: number;
  /** Distinct staff who filed on the topic. */
  staff: number;
  minutes: number;
}

export type Suggestion =
  | { kind: 'write_article' }
  | { kind: 'improve_article'; articleId: string }
  | {
      kind: 'offer_training';
      clientId: string;
      /** What the topic cost that client over the period (minutes of work logged). */
      minutesCost: number;
      /** How long a session would take. */
      sessionMinutes: number;
    }
  | { kind: 'none' };

/**
 * A training when several staff of one client file on it (the client with most requests, then
 * most minutes); else, when an article already answers it and people still file, improve it;
 * else, when it recurs, write one.
 */
export function suggestionFor(topic: {
  requests: number;
  articleIds: readonly string[];
  clients: readonly TopicClientFigures[];
}): Suggestion {
  if (topic.requests < RECURRING_REQUESTS) return { kind: 'none' };
  const trainable = topic.clients
    .filter((c) => c.staff >= TRAINING_STAFF && c.requests >= RECURRING_REQUESTS)
    .sort(
      (a, b) =>
        b.requests - a.requests ||
        b.minutes - a.minutes ||
        (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0),
    );
  if (trainable.length > 0) {
    const client = trainable[0];
    return {
      kind: 'offer_training',
      clientId: client.clientId,
      minutesCost: client.minutes,
      sessionMinutes: sessionMinutes(client.staff),
    };
  }
  if (topic.articleIds.length > 0)
    return { kind: 'improve_article', articleId: topic.articleIds[0] };
  return { kind: 'write_article' };
}

/** An hour, a quarter of an hour more per attendee, in half hours, at most three hours. */
export function sessionMinutes(attendees: number): number {
  const raw = 60 + 15 * Math.max(0, attendees);
  return Math.min(180, Math.ceil(raw / 30) * 30);
}

export type TrendDirection = 'rising' | 'falling' | 'steady';

/**
 * Which way a topic's monthly requests go: the second half of the period against the first
 * (the middle month of an odd count left out); a quarter more or less is a change.
 */
export function trendDirection(counts: readonly number[]): TrendDirection {
  if (counts.length < 2) return 'steady';
  const half = Math.floor(counts.length / 2);
  const first = counts.slice(0, half).reduce((s, n) => s + n, 0);
  const second = counts.slice(counts.length - half).reduce((s, n) => s + n, 0);
  if (second * 4 > first * 5) return 'rising';
  if (second * 4 < first * 3) return 'falling';
  return 'steady';
}

/** A share as a fraction 0..1 with three decimals, or null with nothing to share. */
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 1000;
}

export interface AutonomyCounts {
  month: string;
  requests: number;
  deflections: number;
  falseUrgencies: number;
  /** Requests on a topic that had already been answered for the client. */
  repeats: number;
}

export interface AutonomyMonth extends AutonomyCounts {
  /** deflections / (deflections + requests) */
  deflectionRate: number | null;
  falseUrgencyRate: number | null;
  repeatRate: number | null;
  /** Deflections times the minutes an answered request took the client on average. */
  minutesSaved: number;
}

export function autonomyMonth(counts: AutonomyCounts, minutesPerRequest: number): AutonomyMonth {
  return {
    ...counts,
    deflectionRate: rate(counts.deflections, counts.deflections + counts.requests),
    falseUrgencyRate: rate(counts.falseUrgencies, counts.requests),
    repeatRate: rate(counts.repeats, counts.requests),
    minutesSaved: Math.round(counts.deflections * minutesPerRequest),
  };
}

/** When a request was filed, and when it was first answered (null: not yet). */
export interface AnsweredRequest {
  id: string;
  createdAt: string;
  respondedAt: string | null;
}

/**
 * The requests of a topic that repeat: filed after an earlier request of the same topic had been
 * answered. The input is one client's requests of one topic.
 */
export function repeatsOf(requests: readonly AnsweredRequest[]): Set<string> {
  const sorted = [...requests].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  const repeats = new Set<string>();
  let firstAnswer: string | null = null;
  for (const request of sorted) {
    if (firstAnswer !== null && firstAnswer <= request.createdAt) repeats.add(request.id);
    if (request.respondedAt && (firstAnswer === null || request.respondedAt < firstAnswer)) {
      firstAnswer = request.respondedAt;
    }
  }
  return repeats;
}

/**
 * Requests per 30 days on either side of an instant: before over `days` before it, after over
 * the days since (at most `days`); null after while no day has passed.
 */
export function ratesAround(
  instants: readonly string[],
  at: string,
  now: string,
  days = 90,
): { before: number; after: number | null; beforeRequests: number; afterRequests: number } {
  const day = 86_400_000;
  const t = Date.parse(at);
  const start = t - days * day;
  const elapsed = Math.min(days * day, Date.parse(now) - t);
  const end = t + Math.max(0, elapsed);
  let beforeRequests = 0;
  let afterRequests = 0;
  for (const instant of instants) {
    const x = Date.parse(instant);
    if (x >= start && x < t) beforeRequests++;
    else if (x >= t && x < end) afterRequests++;
  }
  const perThirty = (n: number, ms: number) => Math.round((n / (ms / day)) * 30 * 100) / 100;
  return {
    before: perThirty(beforeRequests, days * day),
    after: elapsed >= day ? perThirty(afterRequests, elapsed) : null,
    beforeRequests,
    afterRequests,
  };
}

/**
 * Whether a request is on a topic: it has at least two of the topic's first terms (all of them
 * when the topic has fewer). Terms and the request's terms are stems.
 */
export function isOnTopic(
  requestTerms: ReadonlySet<string>,
  topicTerms: readonly string[],
): boolean {
  const wanted = [...new Set(topicTerms)].slice(0, 4);
  if (wanted.length === 0) return false;
  const found = wanted.filter((term) => requestTerms.has(term)).length;
  return found >= Math.min(2, wanted.length);
}

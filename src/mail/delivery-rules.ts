/**
 * The sender's rules, pure: when to try again, when to give up, and the Message-ID a message
 * keeps through every attempt.
 */

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** The wait after each failed attempt: after the 1st, 1 min; after the 2nd, 5 min… */
export const RETRY_DELAYS_MS = [
  1 * MINUTE,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  6 * HOUR,
  12 * HOUR,
  24 * HOUR,
] as const;

/** Attempts before a message is given up (a little over two days of retries). */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** How long a sender owns the messages it claimed; past it, another may send them again. */
export const LEASE_MS = 10 * MINUTE;

/** A sender stops working through its claim this long before its lease ends. */
export const LEASE_MARGIN_MS = 3 * MINUTE;

/** The wait after the attempt numbered `attempt` (1 for the first) failed. */
export function retryDelayMs(attempt: number): number {
  const index = Math.min(Math.max(attempt, 1), RETRY_DELAYS_MS.length) - 1;
  return RETRY_DELAYS_MS[index];
}

/** What an SMTP error says about the message: try again later, or never. */
export interface FailureReading {
  permanent: boolean;
  /** The server's answer or the error, for the attempt's record and the console. */
  detail: string;
}

interface SmtpError {
  code?: unknown;
  responseCode?: unknown;
  response?: unknown;
  command?: unknown;
  message?: unknown;
}

/**
 * A 5xx answer to the message itself (its sender, recipient or content) is permanent: the same
 * message would be refused again. A 5xx to the sign-in (EAUTH) is the server's settings, fixed by
 * the operator, so it is retried like a 4xx, a timeout or a refused connection.
 */
export function readFailure(error: unknown): FailureReading {
  const e = (error ?? {}) as SmtpError;
  const code = typeof e.responseCode === 'number' ? e.responseCode : null;
  const response = typeof e.response === 'string' ? e.response.trim() : '';
  const message = typeof e.message === 'string' ? e.message : String(error);
  const parts = [
    typeof e.command === 'string' ? e.command : null,
    response || message,
    !response && typeof e.code === 'string' ? `(${e.code})` : null,
  ].filter(Boolean);
  const permanent = code !== null && code >= 500 && code < 600 && e.code !== 'EAUTH';
  return { permanent, detail: parts.join(': ').slice(0, 2000) };
}

/** What follows a failed attempt: the next try's instant, or null when the message is given up. */
export function nextAttempt(now: Date, attempt: number, permanent: boolean): Date | null {
  if (permanent || attempt >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + retryDelayMs(attempt));
}

/**
 * The Message-ID of an outbox message, the same at every attempt and in every process, so a
 * message sent again after a crash is the one mail readers already have: `<id@domain>`, the
 * domain of MAIL_FROM (localhost when it has none).
 */
export function messageIdFor(outboxId: string, mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  const domain = /@([A-Za-z0-9.-]+)\s*$/.exec(address.trim())?.[1] ?? 'localhost';
  return `<${outboxId}@${domain.toLowerCase()}>`;
}

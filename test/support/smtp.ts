import { simpleParser, type Attachment, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { until } from './wait';

/** A message the test's SMTP server accepted, parsed as a mail reader would read it. */
export interface ReceivedMail {
  /** The SMTP envelope. */
  envelope: { from: string; to: string[] };
  /** The bytes as received. */
  raw: Buffer;
  parsed: ParsedMail;
  /** The Message-ID header, `<…@…>`. */
  messageId: string;
  subject: string;
  /** The first address of To. */
  to: string;
  text: string;
  html: string;
  attachments: Attachment[];
  /** A header by its lower-case name, as text ('' when absent). */
  header(name: string): string;
}

/** An SMTP answer: a code (4xx: try later; 5xx: never) and its words. */
export interface SmtpReply {
  code: number;
  message: string;
}

export interface TestSmtp {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  port: number;
  /** Every message accepted so far, in order. */
  messages: ReceivedMail[];
  /** The replies given to refused messages so far. */
  refusals: SmtpReply[];
  /** Messages answered 250 so far (the answer written to the client). */
  answered(): number;
  /** Waits until at least `n` messages have been accepted, and answers them all. */
  waitFor(n: number): Promise<ReceivedMail[]>;
  /**
   * Refuses the next `count` messages (all of them by default) at RCPT TO with `reply`
   * (for example { code: 451, message: 'Try again later' }), then accepts again.
   */
  refuse(reply: SmtpReply, count?: number): void;
  /** Accepts every message again. */
  accept(): void;
  /**
   * Runs `hook` once a message is read and kept, before the server answers it: the answer (250)
   * waits for the hook. Null removes it.
   */
  beforeAnswer(hook: ((mail: ReceivedMail) => Promise<void>) | null): void;
  /** Waits this long before answering each message (a slow server). */
  delay(ms: number): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 on a free port, for the mail tests: plain SMTP (no STARTTLS),
 * any sign-in accepted and none required. It keeps what it accepts, parsed with mailparser.
 */
export async function startSmtp(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const refusals: SmtpReply[] = [];
  let refusing: { reply: SmtpReply; left: number } | null = null;
  let hook: ((mail: ReceivedMail) => Promise<void>) | null = null;
  let delayMs = 0;
  let answered = 0;

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    // Close at once when the test ends, pooled client connections included.
    closeTimeout: 200,
    size: 50 * 1024 * 1024,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
    onRcptTo: (_address, _session, callback) => {
      if (refusing && refusing.left > 0) {
        refusing.left--;
        const { reply } = refusing;
        if (refusing.left === 0) refusing = null;
        refusals.push(reply);
        const error = new Error(reply.message) as Error & { responseCode: number };
        error.responseCode = reply.code;
        return callback(error);
      }
      callback();
    },
    onData: (stream, session: SMTPServerSession, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        void (async () => {
          try {
            const mail = await received(raw, session);
            messages.push(mail);
            if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
            if (hook) await hook(mail);
            callback();
            answered++;
          } catch (error) {
            callback(error as Error);
          }
        })();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // An error on one connection (a client killed mid-message) is not the server's end.
  server.on('error', () => undefined);
  const port = (server.server.address() as AddressInfo).port;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    refusals,
    answered: () => answered,
    waitFor: async (n) => {
      await until(() => messages.length >= n);
      return messages;
    },
    refuse: (reply, count = Infinity) => {
      refusing = { reply, left: count };
    },
    accept: () => {
      refusing = null;
    },
    beforeAnswer: (next) => {
      hook = next;
    },
    delay: (ms) => {
      delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function received(raw: Buffer, session: SMTPServerSession): Promise<ReceivedMail> {
  const parsed = await simpleParser(raw);
  const to = parsed.to ? (Array.isArray(parsed.to) ? parsed.to : [parsed.to]) : [];
  return {
    envelope: {
      from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
      to: session.envelope.rcptTo.map((r) => r.address),
    },
    raw,
    parsed,
    messageId: parsed.messageId ?? '',
    subject: parsed.subject ?? '',
    to: to[0]?.value[0]?.address ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    attachments: parsed.attachments,
    header: (name) => {
      // As written, unfolded: mailparser turns some headers (List-*) into objects.
      const line = parsed.headerLines.find((h) => h.key === name.toLowerCase());
      return line
        ? line.line
            .slice(line.line.indexOf(':') + 1)
            .replace(/\r?\n[ \t]+/g, ' ')
            .trim()
        : '';
    },
  };
}

import Database from 'better-sqlite3';
import { Client } from 'pg';
import { In } from 'typeorm';
import { Transactions } from '../src/common/transactions';
import { OutboxAttempt } from '../src/mail/outbox-attempt.entity';
import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { Outbox } from '../src/mail/outbox.service';
import { startTestApp, type TestApp } from './app';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { startSmtp, type TestSmtp } from './support/smtp';
import { until } from './support/wait';

const NOW = '2026-03-02T09:00:00.000Z';
const MAIL_FROM = 'Cabinet Martin <gardefou@cabinet-martin.fr>';

/** Enqueues `n` messages, to m<k>@client.example, in one transaction; answers their ids. */
async function enqueue(t: TestApp, n: number, prefix: string): Promise<string[]> {
  return t.app.get(Transactions).run(async (m) => {
    const ids: string[] = [];
    for (let k = 0; k < n; k++) {
      const id = await t.app.get(Outbox).enqueue(m, {
        kind: 'request_received',
        to: { address: `${prefix}${k}@client.example`, locale: 'fr' },
        content: { subject: `Message ${prefix}${k}`, text: `Message ${k}\n`, html: `<p>${k}</p>` },
        essential: true,
      });
      ids.push(id!);
    }
    return ids;
  });
}

/** A server process that sends mail as the running server does: its timer ticks every second. */
function mailingServer(smtp: TestSmtp, now: string): Promise<ServerProcess> {
  return startServerProcess({
    NODE_ENV: 'development',
    SMTP_URL: smtp.url,
    MAIL_FROM,
    MAIL_TICK_SECONDS: '1',
    TEST_NOW: now,
    // The record held back by the test below waits rather than gives up.
    DB_LOCK_TIMEOUT_MS: '600000',
  });
}

/**
 * The record of a delivery held back: the test takes the database's write lock (SQLite) or the
 * message's row (PostgreSQL), so the server process cannot write what became of it.
 */
async function holdRecord(t: TestApp, id: string): Promise<() => Promise<void>> {
  if (t.db.kind === 'postgres') {
    const c = new Client({ connectionString: t.db.location });
    await c.connect();
    await c.query('BEGIN');
    await c.query('SELECT id FROM outbox WHERE id = $1 FOR UPDATE', [id]);
    return async () => {
      await c.query('ROLLBACK');
      await c.end();
    };
  }
  const file = new Database(t.db.location);
  file.prepare('BEGIN IMMEDIATE').run();
  return () => {
    file.prepare('ROLLBACK').run();
    file.close();
    return Promise.resolve();
  };
}

describe('mail when a server process dies', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    // The test's own app sends nothing: only the server processes deliver.
    t = await startTestApp({ SMTP_URL: '' }, { now: NOW });
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await t?.close();
    await smtp?.close();
  });

  const statuses = async (ids: string[]) =>
    (await t.dataSource.getRepository(OutboxMessage).findBy({ id: In(ids) })).map((m) => m.status);

  it('sends again, with the same Message-ID, a message the SMTP server accepted just before the process was killed; nothing is lost', async () => {
    const ids = await enqueue(t, 5, 'crash');
    let release: (() => Promise<void>) | null = null;
    smtp.beforeAnswer(async (mail) => {
      smtp.beforeAnswer(null);
      release = await holdRecord(t, mail.messageId.slice(1, mail.messageId.indexOf('@')));
    });
    const first = await mailingServer(smtp, t.clock.iso());
    servers.push(first);
    // The server accepted the first message (250 written) while its sender cannot record it.
    await until(() => smtp.answered() >= 1);
    const [accepted] = smtp.messages;
    const acceptedId = accepted.messageId.slice(1, accepted.messageId.indexOf('@'));
    if (t.db.kind === 'postgres') {
      // PostgreSQL shows the sender waiting to record it: it has read the acceptance.
      await until(async () => {
        const [row] = await t.dataSource.query(
          `SELECT COUNT(*) AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return Number((row as { n: string }).n) > 0;
      });
    }
    await first.kill();
    await release!();
    expect(smtp.messages).toHaveLength(1);
    const unrecorded = await t.dataSource
      .getRepository(OutboxMessage)
      .findOneByOrFail({ id: acceptedId });
    expect(unrecorded).toMatchObject({ status: 'sending', sentAt: null });

    // Restarted after the dead process's lease has passed: everything leaves.
    t.clock.advance({ minutes: 11 });
    const second = await mailingServer(smtp, t.clock.iso());
    servers.push(second);
    await until(async () => (await statuses(ids)).every((s) => s === 'sent'));

    const copies = smtp.messages.filter((m) => m.messageId === accepted.messageId);
    expect(copies).toHaveLength(2);
    expect(copies[1].subject).toBe(copies[0].subject);
    expect(accepted.messageId).toBe(`<${acceptedId}@cabinet-martin.fr>`);
    // Every message arrived, each under its own Message-ID; only the interrupted one twice.
    const byId = new Map<string, number>();
    for (const m of smtp.messages) byId.set(m.messageId, (byId.get(m.messageId) ?? 0) + 1);
    expect([...byId.keys()].sort()).toEqual(ids.map((id) => `<${id}@cabinet-martin.fr>`).sort());
    expect(smtp.messages).toHaveLength(6);
    const log = await t.dataSource
      .getRepository(OutboxAttempt)
      .find({ where: { messageId: acceptedId }, order: { attempt: 'ASC' } });
    expect(log.map((a) => a.outcome)).toEqual(['interrupted', 'sent']);
    await second.stop();
  });

  // Several processes sharing one database is what PostgreSQL is for (PRODUCT.md, Storage);
  // the SQLite file serves one process, so this runs in the PostgreSQL suite only.
  const onPostgres = process.env.TEST_DATABASE_URL ? it : it.skip;

  onPostgres('delivers 200 messages exactly once with two server processes sending', async () => {
    smtp.messages.length = 0;
    // A slow server, so that both processes are still sending when the other ticks.
    smtp.delay(20);
    const now = t.clock.iso();
    const [a, b] = await Promise.all([mailingServer(smtp, now), mailingServer(smtp, now)]);
    servers.push(a, b);
    const ids = await enqueue(t, 200, 'pair');
    await until(async () => (await statuses(ids)).every((s) => s === 'sent'));

    expect(smtp.messages).toHaveLength(200);
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(200);
    const workers: Array<{ worker: string; n: string }> = await t.dataSource.query(
      `SELECT worker, COUNT(*) AS n FROM outbox_attempts WHERE outcome = 'sent' GROUP BY worker`,
    );
    const sentBy = workers.filter(
      (w) => w.worker.endsWith(`:${a.child.pid}`) || w.worker.endsWith(`:${b.child.pid}`),
    );
    // Both shared the work, and together sent each message once.
    expect(sentBy).toHaveLength(2);
    expect(sentBy.reduce((sum, w) => sum + Number(w.n), 0)).toBe(200);
  });
});

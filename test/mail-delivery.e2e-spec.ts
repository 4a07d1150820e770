import { startTestApp, type TestApp } from './app';
import { setupConsultant } from './factories';
import { Transactions } from '../src/common/transactions';
import { MailAttachments } from '../src/mail/mail-attachments';
import { MailJobs, MailRunner } from '../src/mail/mail-jobs';
import { OutboxAttempt } from '../src/mail/outbox-attempt.entity';
import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { Outbox, type OutgoingMail } from '../src/mail/outbox.service';
import { apiAs } from './support/world';
import { startSmtp, type TestSmtp } from './support/smtp';

const NOW = '2026-03-02T09:00:00.000Z';
const MINUTE = 60 * 1000;
const MAIL_FROM = 'Cabinet Martin <gardefou@cabinet-martin.fr>';

/** A message as a module would write it, to `address`. */
function mail(address: string, overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    kind: 'request_received',
    to: { address, name: 'Léa Dupont', locale: 'fr' },
    content: {
      subject: `Votre demande est reçue (${address})`,
      text: 'Bonjour,\nVotre demande est reçue.\n',
      html: '<p>Bonjour,</p><p>Votre demande est reçue.</p>',
    },
    essential: false,
    unsubscribeUrl: 'https://gardefou.example/unsubscribe/abc',
    ...overrides,
  };
}

async function enqueue(t: TestApp, outgoing: OutgoingMail): Promise<string> {
  const id = await t.app.get(Transactions).run((m) => t.app.get(Outbox).enqueue(m, outgoing));
  if (!id) throw new Error('not enqueued');
  return id;
}

const row = (t: TestApp, id: string): Promise<OutboxMessage> =>
  t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id });

const attempts = (t: TestApp, id: string): Promise<OutboxAttempt[]> =>
  t.dataSource
    .getRepository(OutboxAttempt)
    .find({ where: { messageId: id }, order: { attempt: 'ASC' } });

const tick = (t: TestApp) => t.app.get(MailRunner).tick();

/** The messages the server accepted for `address`. */
const to = (smtp: TestSmtp, address: string) => smtp.messages.filter((m) => m.to === address);

describe('mail delivery through a real SMTP server', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let consultant: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_FROM }, { now: NOW });
    consultant = await setupConsultant(t);
    t.app
      .get(MailAttachments)
      .register('test-bytes', (key) =>
        Promise.resolve(
          key === 'missing' ? null : Buffer.from(`%PDF-1.7 ${key} \u00e9\u0000\u00ff`, 'latin1'),
        ),
      );
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('delivers a due message once, from MAIL_FROM, with its Message-ID, headers and attachment', async () => {
    const id = await enqueue(
      t,
      mail('lea@client.example', {
        attachments: [
          {
            filename: 'F-2026-0001.pdf',
            contentType: 'application/pdf',
            source: 'test-bytes',
            key: 'F1',
          },
        ],
      }),
    );
    const outcome = await tick(t);
    expect(outcome).toMatchObject({ failedJobs: [] });
    const [received] = to(smtp, 'lea@client.example');
    expect(received.subject).toBe('Votre demande est reçue (lea@client.example)');
    expect(received.messageId).toBe(`<${id}@cabinet-martin.fr>`);
    expect(received.parsed.from?.text).toContain('gardefou@cabinet-martin.fr');
    expect(
      received.parsed.to && 'text' in received.parsed.to ? received.parsed.to.text : '',
    ).toContain('Léa Dupont');
    expect(received.text).toContain('Votre demande est reçue.');
    expect(received.html).toContain('<p>Votre demande est reçue.</p>');
    expect(received.header('list-unsubscribe')).toContain(
      'https://gardefou.example/unsubscribe/abc',
    );
    expect(received.attachments).toHaveLength(1);
    expect(received.attachments[0].filename).toBe('F-2026-0001.pdf');
    expect(
      received.attachments[0].content.equals(
        Buffer.from('%PDF-1.7 F1 \u00e9\u0000\u00ff', 'latin1'),
      ),
    ).toBe(true);

    const sent = await row(t, id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null, claimedBy: null });
    expect(sent.sentAt?.toISOString()).toBe(NOW);
    const [attempt] = await attempts(t, id);
    expect(attempt).toMatchObject({ attempt: 1, outcome: 'sent' });
    expect(attempt.detail).toMatch(/^250/);

    // Delivered once: the next ticks find nothing due.
    await tick(t);
    expect(to(smtp, 'lea@client.example')).toHaveLength(1);
  });

  it('waits for a message not due yet', async () => {
    const id = await enqueue(
      t,
      mail('later@client.example', { notBefore: new Date(Date.parse(NOW) + 60 * MINUTE) }),
    );
    await tick(t);
    expect(to(smtp, 'later@client.example')).toHaveLength(0);
    expect((await row(t, id)).status).toBe('pending');
    t.clock.advance({ hours: 1 });
    await tick(t);
    expect(to(smtp, 'later@client.example')).toHaveLength(1);
  });

  it('retries a message the server refuses for now, after 1 then 5 minutes, recording each answer', async () => {
    smtp.refuse({ code: 451, message: '4.7.1 Greylisted, try again later' }, 2);
    const id = await enqueue(t, mail('grey@client.example'));
    const start = t.clock.now().getTime();

    await tick(t);
    let message = await row(t, id);
    expect(message).toMatchObject({ status: 'pending', attempts: 1 });
    expect(message.lastError).toContain('451 4.7.1 Greylisted');
    expect(message.nextAttemptAt.getTime()).toBe(start + 1 * MINUTE);
    // Not due again before its time.
    await tick(t);
    expect((await row(t, id)).attempts).toBe(1);

    t.clock.advance({ minutes: 1 });
    await tick(t);
    message = await row(t, id);
    expect(message).toMatchObject({ status: 'pending', attempts: 2 });
    expect(message.nextAttemptAt.getTime()).toBe(start + 6 * MINUTE);

    t.clock.advance({ minutes: 5 });
    await tick(t);
    message = await row(t, id);
    expect(message).toMatchObject({ status: 'sent', attempts: 3, lastError: null });
    expect(to(smtp, 'grey@client.example')).toHaveLength(1);
    const log = await attempts(t, id);
    expect(log.map((a) => a.outcome)).toEqual(['retry', 'retry', 'sent']);
    expect(log[0].detail).toBe('RCPT TO: 451 4.7.1 Greylisted, try again later');
    expect(log.map((a) => a.at.getTime() - start)).toEqual([0, 1 * MINUTE, 6 * MINUTE]);
  });

  it('gives up at once on a permanent refusal; the consultant retries it and it leaves', async () => {
    smtp.refuse({ code: 550, message: '5.1.1 No such mailbox' }, 1);
    const id = await enqueue(t, mail('typo@client.example'));
    await tick(t);
    const failed = await row(t, id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toBe('RCPT TO: 550 5.1.1 No such mailbox');
    t.clock.advance({ days: 3 });
    await tick(t);
    expect((await row(t, id)).status).toBe('failed');

    const listed = await apiAs(t, consultant).get('/api/outbox?status=failed').expect(200);
    expect(listed.body.items.map((m: { id: string }) => m.id)).toContain(id);
    expect(listed.body.items.find((m: { id: string }) => m.id === id)).toMatchObject({
      recipient: 'typo@client.example',
      status: 'failed',
      attempts: 1,
      lastError: 'RCPT TO: 550 5.1.1 No such mailbox',
    });

    const retried = await apiAs(t, consultant).post(`/api/outbox/${id}/retry`).expect(200);
    expect(retried.body).toMatchObject({ id, status: 'pending' });
    await tick(t);
    expect(await row(t, id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(to(smtp, 'typo@client.example')).toHaveLength(1);
    // A sent message is not retried again.
    const again = await apiAs(t, consultant).post(`/api/outbox/${id}/retry`).expect(409);
    expect(again.body.code).toBe('conflict.outbox_not_failed');
  });

  it('records a missing attachment as a failed attempt that says so, and tries again later', async () => {
    const id = await enqueue(
      t,
      mail('nofile@client.example', {
        attachments: [
          {
            filename: 'F-2026-0002.pdf',
            contentType: 'application/pdf',
            source: 'test-bytes',
            key: 'missing',
          },
        ],
      }),
    );
    await tick(t);
    const message = await row(t, id);
    expect(message).toMatchObject({ status: 'pending', attempts: 1 });
    expect(message.lastError).toBe(
      'attachment F-2026-0002.pdf (test-bytes missing) could not be read: its file is missing',
    );
    expect(to(smtp, 'nofile@client.example')).toHaveLength(0);
  });

  it('runs every job before delivering: one that fails stops neither the others nor delivery', async () => {
    const jobs = t.app.get(MailJobs);
    jobs.register('test.broken', () => Promise.reject(new Error('broken job')));
    jobs.register('test.digest', async (now) => {
      await t.app.get(Transactions).run((m) =>
        t.app.get(Outbox).enqueue(
          m,
          mail('digest@client.example', {
            kind: 'digest',
            dedupeKey: `test-digest:${now.toISOString().slice(0, 10)}`,
          }),
        ),
      );
    });
    const outcome = await tick(t);
    expect(outcome.failedJobs).toEqual(['test.broken']);
    expect(to(smtp, 'digest@client.example')).toHaveLength(1);
    // The same day again: the dedupe key keeps it to one.
    await tick(t);
    expect(to(smtp, 'digest@client.example')).toHaveLength(1);
    jobs.register('test.broken', () => Promise.resolve());
  });
});

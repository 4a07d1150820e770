import { createHash } from 'node:crypto';
import { MailRunner } from '../src/mail/mail-jobs';
import { InvoiceDocuments } from '../src/invoicing/invoice-documents';
import { startTestApp, type TestApp } from './app';
import { bearer, createClient, setupConsultant } from './factories';
import { createContract } from './factories/contracts';
import { startSmtp, type ReceivedMail, type TestSmtp } from './support/smtp';
import { binary } from './support/pdf-text';
import { until } from './support/wait';
import { CONSULTANT_EMAIL } from './support/world';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Tuesday 3 November 2026, 10:00 in Paris: October is invoiced, due 30 days later (3 December). */
const NOW = '2026-11-03T10:00:00+01:00';
const PUBLIC_URL = 'https://gardefou.example';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * Invoices, credit notes, payment reminders and the weekly report through a real SMTP server,
 * on a clock the scenario moves: each message leaves when it should, in its reader's language,
 * with the stored PDF byte for byte.
 */
describe('billing mail through a real SMTP server', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let token: string;
  /** Three clients under contract: one reads English, two French. */
  const clients: Record<'a' | 'b' | 'c', { id: string; name: string; email: string }> = {} as never;
  /** Their October invoices, issued on 3 November. */
  const invoices: Record<'a' | 'b' | 'c', Body> = {} as never;

  const tick = () => t.app.get(MailRunner).tick();
  const api = () => ({
    get: (url: string) =>
      t
        .http()
        .get(url)
        .set(...bearer(token)),
    post: (url: string, body: object = {}) =>
      t
        .http()
        .post(url)
        .set(...bearer(token))
        .send(body),
    delete: (url: string) =>
      t
        .http()
        .delete(url)
        .set(...bearer(token)),
  });
  const to = (address: string) => smtp.messages.filter((m) => m.to === address);
  const reminders = (address: string) =>
    to(address).filter((m) => /Relance|Reminder/.test(m.subject));
  /** The instant of a Paris wall-clock time in winter (UTC+1). */
  const paris = (local: string) => new Date(`${local}+01:00`);

  async function octoberInvoice(clientId: string): Promise<Body> {
    const contract = await createContract(t, token, clientId);
    const draft = await api()
      .post('/api/invoices/drafts', {
        contractId: contract.id,
        periodStart: '2026-10-01',
        periodEnd: '2026-10-31',
      })
      .expect(201);
    return (await api().post(`/api/invoices/${draft.body.id}/issue`).expect(200)).body as Body;
  }

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL }, { now: NOW });
    token = await setupConsultant(t);
    const spec = {
      a: { name: 'Northwind Ltd', email: 'accounts@northwind.example', locale: 'en' },
      b: { name: 'Boulangerie Riva', email: 'compta@riva.example', locale: 'fr' },
      c: { name: 'Atelier Cerise', email: 'factures@cerise.example', locale: 'fr' },
    } as const;
    for (const key of ['a', 'b', 'c'] as const) {
      const { name, email, locale } = spec[key];
      const client = await createClient(t, token, { name, billingEmail: email, locale });
      clients[key] = { id: client.id, name, email };
      invoices[key] = await octoberInvoice(client.id);
    }
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('mails an issued invoice in the client’s language with the very PDF stored at issue', async () => {
    const a = invoices.a;
    expect(a).toMatchObject({ totals: { grossCents: 60000 }, dueDate: '2026-12-03', sentAt: null });
    const sent = await api().post(`/api/invoices/${a.id}/send`).expect(200);
    expect(sent.body).toMatchObject({
      sentTo: 'accounts@northwind.example',
      sentAt: '2026-11-03T09:00:00.000Z',
      sends: [{ sentTo: 'accounts@northwind.example', sentAt: '2026-11-03T09:00:00.000Z' }],
    });

    await tick();
    const [mail] = await smtp.waitFor(1).then(() => to('accounts@northwind.example'));
    expect(mail.subject).toBe(`Invoice ${a.number} – Camille Martin Conseil`);
    expect(mail.text).toContain(`Please find attached invoice ${a.number} of 3 Nov 2026`);
    expect(mail.text).toContain('€600.00');
    expect(mail.text).toContain('Payment is due by 3 Dec 2026.');
    // Essential: no unsubscribe link.
    expect(mail.header('list-unsubscribe')).toBe('');

    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.filename).toBe(`${a.number}.pdf`);
    const stored = await t.app.get(InvoiceDocuments).read(a.id);
    const downloaded = await api()
      .get(`/api/invoices/${a.id}/pdf`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(sha256(pdf.content)).toBe(stored!.sha256);
    expect(Buffer.compare(pdf.content, stored!.pdf)).toBe(0);
    expect(Buffer.compare(pdf.content, downloaded.body as Buffer)).toBe(0);
  });

  it('sends again on demand and records every send', async () => {
    t.clock.set('2026-11-04T11:30:00+01:00');
    const again = await api().post(`/api/invoices/${invoices.a.id}/send`).expect(200);
    expect(again.body.sentAt).toBe('2026-11-04T10:30:00.000Z');
    expect(again.body.sends).toHaveLength(2);
    await tick();
    await smtp.waitFor(2);
    expect(to('accounts@northwind.example')).toHaveLength(2);
  });

  it('sends the unsent documents of a period, each once, in French to French clients', async () => {
    const period = { from: '2026-11-01', to: '2026-11-30' };
    const first = await api().post('/api/invoices/send', period).expect(200);
    expect(first.body.sent).toEqual([
      {
        id: invoices.b.id,
        number: invoices.b.number,
        kind: 'invoice',
        sentTo: 'compta@riva.example',
      },
      {
        id: invoices.c.id,
        number: invoices.c.number,
        kind: 'invoice',
        sentTo: 'factures@cerise.example',
      },
    ]);
    const second = await api().post('/api/invoices/send', period).expect(200);
    expect(second.body.sent).toEqual([]);

    await tick();
    await smtp.waitFor(4);
    const [riva] = to('compta@riva.example');
    expect(riva.subject).toBe(`Facture ${invoices.b.number} – Camille Martin Conseil`);
    expect(riva.text).toContain(`la facture ${invoices.b.number} du 03/11/2026`);
    expect(riva.text).toContain('À régler au plus tard le 03/12/2026.');
    expect(riva.attachments.map((f) => f.filename)).toEqual([`${invoices.b.number}.pdf`]);
    expect(to('factures@cerise.example')).toHaveLength(1);
    const b = await api().get(`/api/invoices/${invoices.b.id}`).expect(200);
    expect(b.body).toMatchObject({ sentTo: 'compta@riva.example', sends: [expect.anything()] });
  });

  it('refuses to send a draft, and names each bad field of a period', async () => {
    const contract = await createContract(t, token, clients.a.id);
    const draft = await api()
      .post('/api/invoices/drafts', {
        contractId: contract.id,
        periodStart: '2026-11-01',
        periodEnd: '2026-11-30',
      })
      .expect(201);
    const refused = await api()
      .post(`/api/invoices/${draft.body.id}/send`)
      .set('accept-language', 'en')
      .expect(409);
    expect(refused.body).toMatchObject({
      code: 'conflict.not_sendable',
      message: 'A draft is not sent: issue it first',
    });
    const bad = await api()
      .post('/api/invoices/send', { from: '2026-13-01', extra: 1 })
      .expect(400);
    expect(bad.body.details.map((d: Body) => d.field).sort()).toEqual(['extra', 'from', 'to']);
    await api().delete(`/api/invoices/${draft.body.id}`).expect(204);
  });

  it('reminds at business opening the day after the due date, never before; a full payment withdraws what waits', async () => {
    // Friday 4 December, day 1 after the due date, 07:30: business hours have not opened.
    t.clock.set(paris('2026-12-04T07:30:00'));
    await tick();
    expect(smtp.messages.filter((m) => /Relance|Reminder/.test(m.subject))).toEqual([]);

    // 09:00, the opening: the server is busy, the three reminders wait for a retry.
    t.clock.set(paris('2026-12-04T09:00:00'));
    smtp.refuse({ code: 451, message: 'Try again later' });
    await tick();
    const waiting = await api().get('/api/outbox?limit=100').expect(200);
    const pending = (waiting.body.items as Body[]).filter((m) => m.kind === 'payment_reminder');
    expect(pending).toHaveLength(3);
    expect(pending.every((m) => m.status === 'pending')).toBe(true);

    // Atelier Cerise pays in full: its reminder is withdrawn.
    await api()
      .post(`/api/invoices/${invoices.c.id}/payments`, {
        amountCents: 60000,
        paidOn: '2026-12-04',
        method: 'transfer',
      })
      .expect(201);
    const after = await api().get('/api/outbox?limit=100').expect(200);
    const cerise = (after.body.items as Body[]).find(
      (m) => m.kind === 'payment_reminder' && m.recipient === 'factures@cerise.example',
    );
    expect(cerise?.status).toBe('cancelled');

    smtp.accept();
    t.clock.advance({ minutes: 5 });
    await tick();
    await smtp.waitFor(6);
    expect(reminders('factures@cerise.example')).toEqual([]);
    const [day1] = reminders('compta@riva.example');
    expect(day1.subject).toBe(
      `Relance : facture ${invoices.b.number} impayée – Camille Martin Conseil`,
    );
    expect(day1.text).toContain('1 jour de retard');
    expect(reminders('accounts@northwind.example')).toHaveLength(1);
  });

  it('states the balance, the penalties so far and the 40 € indemnity at day 15, and stops by hand', async () => {
    // Riva's reminders are stopped by hand on 10 December.
    t.clock.set(paris('2026-12-10T11:00:00'));
    const stopped = await api().post(`/api/invoices/${invoices.b.id}/reminders/stop`).expect(200);
    expect(stopped.body.remindersStoppedAt).toBe('2026-12-10T10:00:00.000Z');

    // Friday 18 December, 09:00: 15 days after the due date of 3 December.
    t.clock.set(paris('2026-12-18T09:00:00'));
    await tick();
    await smtp.waitFor(7);
    expect(reminders('compta@riva.example')).toHaveLength(1);
    const [, day15] = reminders('accounts@northwind.example');
    expect(day15.subject).toBe(
      `Reminder: invoice ${invoices.a.number} unpaid – Camille Martin Conseil`,
    );
    // Balance 600.00 €, rate 12.15 % a year, 15 days: 600 × 12.15 % × 15 / 365 = 2.9959 € → €3.00;
    // a business client (a French company with a SIREN) owes the fixed €40.00: €643.00 in all.
    expect(day15.text).toContain('15 days late');
    expect(day15.text).toContain('Balance due: €600.00');
    expect(day15.text).toContain(
      'Late-payment penalties as of 18 Dec 2026 (annual rate 12.15%, 15 days): €3.00',
    );
    expect(day15.text).toContain('Fixed compensation for recovery costs: €40.00');
    expect(day15.text).toContain('Total due: €643.00');
    expect(day15.attachments.map((f) => f.filename)).toEqual([`${invoices.a.number}.pdf`]);

    // Each reminder once: a later tick the same day writes nothing more.
    t.clock.advance({ hours: 1 });
    await tick();
    expect(reminders('accounts@northwind.example')).toHaveLength(2);
  });

  it('mails the consultant’s weekly report on Monday at opening, not on Sunday', async () => {
    const weekly = () =>
      to(CONSULTANT_EMAIL).filter((m: ReceivedMail) => /semaine/.test(m.subject));
    t.clock.set(paris('2026-12-20T10:00:00'));
    await tick();
    t.clock.set(paris('2026-12-21T08:59:00'));
    await tick();
    expect(weekly()).toEqual([]);

    t.clock.set(paris('2026-12-21T09:00:00'));
    const outcome = await tick();
    expect(outcome.failedJobs).toEqual([]);
    await until(() => weekly().length > 0);
    const [mail] = weekly();
    const report = await api()
      .get('/api/reports/workload?from=2026-12-14&to=2026-12-20')
      .set('accept-language', 'fr')
      .expect(200);
    const { level, reasons } = report.body.riskText as { level: string; reasons: string[] };
    expect(mail.subject).toBe(`Votre semaine du 14/12/2026 au 20/12/2026 : risque ${level}`);
    for (const reason of reasons) expect(mail.text).toContain(reason);
    expect(mail.header('list-unsubscribe')).toMatch(
      /^<https:\/\/gardefou\.example\/unsubscribe\?token=/,
    );

    t.clock.advance({ hours: 1 });
    await tick();
    expect(weekly()).toHaveLength(1);
  });
  it('withdraws the reminder still waiting once a credit note settles the balance, not before', async () => {
    const northwind = () =>
      api()
        .get('/api/outbox?limit=100')
        .expect(200)
        .then((r) =>
          (r.body.items as Body[]).filter(
            (m) => m.kind === 'payment_reminder' && m.recipient === 'accounts@northwind.example',
          ),
        );
    // Monday 4 January 2027, 09:00: 32 days after the due date, day 30 reached; the server is busy.
    t.clock.set(paris('2027-01-04T09:00:00'));
    smtp.refuse({ code: 451, message: 'Try again later' });
    await tick();
    const [day30] = (await northwind()).filter((m) => m.status === 'pending');
    expect(day30).toBeDefined();

    // A partial credit note leaves something owed: the reminder still waits.
    await api()
      .post(`/api/invoices/${invoices.a.id}/credit-notes`, {
        lines: [{ lineIndex: 0, amountCents: 1000 }],
      })
      .expect(201);
    expect((await northwind()).find((m) => m.id === day30.id)?.status).toBe('pending');

    // The credit note of the rest settles the invoice: the reminder is withdrawn.
    await api().post(`/api/invoices/${invoices.a.id}/credit-notes`, {}).expect(201);
    const invoice = await api().get(`/api/invoices/${invoices.a.id}`).expect(200);
    expect(invoice.body.balanceCents).toBe(0);
    expect((await northwind()).find((m) => m.id === day30.id)?.status).toBe('cancelled');

    const before = reminders('accounts@northwind.example').length;
    smtp.accept();
    t.clock.advance({ minutes: 5 });
    await tick();
    t.clock.advance({ days: 1 });
    await tick();
    expect(reminders('accounts@northwind.example')).toHaveLength(before);
  });
});

import { Transactions } from '../src/common/transactions';
import { MailRunner } from '../src/mail/mail-jobs';
import { OutboxMessage } from '../src/mail/outbox-message.entity';
import { Outbox } from '../src/mail/outbox.service';
import type { TestApp } from './app';
import { createUser } from './factories';
import { apiAs, signedIn, startWorld, type World } from './support/world';

const NOW = '2026-03-02T09:00:00.000Z';
const INVITE_URL = 'http://localhost:3000/invite?token=tok_abcdef0123456789';

async function invitation(t: TestApp, address: string): Promise<string> {
  const id = await t.app.get(Transactions).run((m) =>
    t.app.get(Outbox).enqueue(m, {
      kind: 'invitation',
      to: { address, name: 'Léa Dupont', locale: 'fr' },
      content: {
        subject: 'Camille Martin vous invite sur Gardefou',
        text: `Votre lien : ${INVITE_URL}\n`,
        html: `<p><a href="${INVITE_URL}">Accepter</a></p>`,
      },
      essential: true,
      links: [{ labelKey: 'setup.staff.link', url: INVITE_URL }],
    }),
  );
  if (!id) throw new Error('not enqueued');
  return id;
}

/**
 * With no SMTP server (SMTP_URL unset, the embedded default), messages wait in the outbox and
 * nothing fails: the console lists them with their links, so an invitation can be copied.
 */
describe('the outbox without an SMTP server', () => {
  let w: World;
  let t: TestApp;

  beforeAll(async () => {
    w = await startWorld({ now: NOW });
    t = w.t;
  });
  afterAll(() => t?.close());

  it('keeps messages waiting, attempts none and fails none', async () => {
    const id = await invitation(t, 'lea@client.example');
    const outcome = await t.app.get(MailRunner).tick();
    expect(outcome).toEqual({ failedJobs: [], sent: 0, failed: 0 });
    t.clock.advance({ days: 3 });
    await t.app.get(MailRunner).tick();
    const row = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id });
    expect(row).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
  });

  it('lists the waiting messages on the console with their links and says why they wait', async () => {
    const id = await invitation(t, 'copy@client.example');
    const web = await signedIn(t);
    const page = await web.get('/console/outbox');
    expect(page.status).toBe(200);
    expect(page.text).toContain('id="no-smtp"');
    expect(page.text).toContain('Aucun serveur de messagerie n’est réglé (SMTP_URL)');
    const row = page.text.slice(page.text.indexOf(`id="message-${id}"`));
    expect(row).toContain('Léa Dupont &lt;copy@client.example&gt;');
    expect(row).toContain('Camille Martin vous invite sur Gardefou');
    expect(row).toContain(`value="${INVITE_URL.replace(/&/g, '&amp;')}"`);
    expect(row).toContain('En attente');
    expect(row).toContain(`action="/console/outbox/${id}/cancel"`);

    // The API says the same, in the caller's language.
    const listed = await apiAs(t, w.consultant)
      .get('/api/outbox?status=pending')
      .set('Accept-Language', 'en')
      .expect(200);
    const item = listed.body.items.find((m: { id: string }) => m.id === id);
    expect(item).toMatchObject({
      recipient: 'copy@client.example',
      kind: 'invitation',
      status: 'pending',
      attempts: 0,
      sentAt: null,
      links: [{ label: expect.any(String), url: INVITE_URL }],
    });
  });

  it('cancels a waiting message from the console; it is then neither sent nor cancelled twice', async () => {
    const id = await invitation(t, 'cancel@client.example');
    const web = await signedIn(t);
    await web.get('/console/outbox');
    const done = await web.post(`/console/outbox/${id}/cancel`, {});
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe(`/console/outbox#message-${id}`);
    const row = await t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ id });
    expect(row.status).toBe('cancelled');

    const page = await web.get('/console/outbox?status=cancelled');
    const shown = page.text.slice(page.text.indexOf(`id="message-${id}"`));
    expect(shown).toContain('Annulé');
    // Once it will not leave, its link is no longer shown.
    expect(page.text).not.toContain(`id="link-${id}-0"`);

    const again = await web.post(`/console/outbox/${id}/cancel`, {});
    expect(again.status).toBe(409);
    expect(again.text).toContain('Ce message n’est plus en attente : il ne peut plus être annulé');
    const api = await apiAs(t, w.consultant).post(`/api/outbox/${id}/cancel`).expect(409);
    expect(api.body.code).toBe('conflict.outbox_not_pending');
  });

  it('shows the outbox to the consultant only', async () => {
    const id = await invitation(t, 'private@client.example');
    const accountant = await createUser(t, w.consultant, 'accountant');
    for (const token of [w.clientUser.token, accountant.token]) {
      await apiAs(t, token).get('/api/outbox').expect(403);
      await apiAs(t, token).get(`/api/outbox/${id}`).expect(403);
      await apiAs(t, token).post(`/api/outbox/${id}/retry`).expect(403);
    }
    const page = await (await signedIn(t, w.clientUser.email)).get('/console/outbox');
    expect(page.text).not.toContain('private@client.example');
  });

  it('answers a bad status with a 400 naming it, and an unknown message with a 404', async () => {
    const bad = await apiAs(t, w.consultant).get('/api/outbox?status=lost').expect(400);
    expect(JSON.stringify(bad.body.details)).toContain('status');
    await apiAs(t, w.consultant)
      .get('/api/outbox/8a7c4f52-3d0e-4a55-9a51-8a2b6c1d0e9f')
      .expect(404);
    const detail = await apiAs(t, w.consultant)
      .get(`/api/outbox/${await invitation(t, 'detail@client.example')}`)
      .expect(200);
    expect(detail.body).toMatchObject({ status: 'pending', attemptLog: [] });
  });
});
